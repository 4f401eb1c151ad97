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

    public DbSet<SheetEvidence> SheetEvidence => Set<SheetEvidence>();

    public DbSet<SheetAppeal> SheetAppeals => Set<SheetAppeal>();

    public DbSet<SheetAuditEntry> SheetAudit => Set<SheetAuditEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditTrail();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditTrail();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The audit trail is append-only: nothing in the application may edit or remove an entry.
    private void GuardAuditTrail()
    {
        if (ChangeTracker.Entries<SheetAuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries cannot be changed or deleted.");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KaopingDbContext).Assembly);
    }
}
