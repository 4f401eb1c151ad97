using Kaoping.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data;

public sealed class KaopingDbContext(DbContextOptions<KaopingDbContext> options) : IdentityDbContext<KaopingUser>(options)
{
    public DbSet<Target> Targets => Set<Target>();

    public DbSet<StoredRubric> Rubrics => Set<StoredRubric>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<Sheet> Sheets => Set<Sheet>();

    public DbSet<SheetFinding> SheetFindings => Set<SheetFinding>();

    public DbSet<SheetRemark> SheetRemarks => Set<SheetRemark>();

    public DbSet<SheetTransition> SheetTransitions => Set<SheetTransition>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KaopingDbContext).Assembly);
    }
}
