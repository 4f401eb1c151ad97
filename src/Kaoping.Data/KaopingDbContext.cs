using Kaoping.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data;

public sealed class KaopingDbContext(DbContextOptions<KaopingDbContext> options) : IdentityDbContext<KaopingUser>(options), IDataProtectionKeyContext
{
    /// <summary>The web nodes' shared Data Protection keys, each encrypted at rest (see docs/deployment.md).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<StoredRubric> Rubrics => Set<StoredRubric>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<Sheet> Sheets => Set<Sheet>();

    public DbSet<SheetFinding> SheetFindings => Set<SheetFinding>();

    public DbSet<SheetTally> SheetTallies => Set<SheetTally>();

    public DbSet<SheetRemark> SheetRemarks => Set<SheetRemark>();

    public DbSet<SheetTransition> SheetTransitions => Set<SheetTransition>();

    public DbSet<SheetNotApplicable> SheetNotApplicable => Set<SheetNotApplicable>();

    public DbSet<SheetEvidence> SheetEvidence => Set<SheetEvidence>();

    public DbSet<SheetAppeal> SheetAppeals => Set<SheetAppeal>();

    public DbSet<SheetAuditEntry> SheetAudit => Set<SheetAuditEntry>();

    public DbSet<SecurityEvent> SecurityLog => Set<SecurityEvent>();

    public DbSet<SecurityLogHead> SecurityLogHeads => Set<SecurityLogHead>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<CampaignAuditEntry> CampaignAudit => Set<CampaignAuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingMail> OutgoingMail => Set<OutgoingMail>();

    public DbSet<ReminderKey> ReminderKeys => Set<ReminderKey>();
    public DbSet<StoredScheme> Schemes => Set<StoredScheme>();

    public DbSet<AccidentStatistics> AccidentStatistics => Set<AccidentStatistics>();

    public DbSet<ResultAdjustment> ResultAdjustments => Set<ResultAdjustment>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var auto = GuardAuditTrail();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var auto = GuardAuditTrail();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    // The audit trail and the security log are append-only: nothing in the application may edit or remove an entry
    // (nor delete an event however old: they are kept at least 180 days, 网络安全法 §21). Changes are detected
    // once, here, and the save that follows does not detect them again.
    private bool GuardAuditTrail()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        if (auto)
            ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        if (ChangeTracker.Entries<SheetAuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || ChangeTracker.Entries<SecurityEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || ChangeTracker.Entries<CampaignAuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
            throw new InvalidOperationException("Audit entries cannot be changed or deleted.");
        }
        return auto;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KaopingDbContext).Assembly);
    }
}
