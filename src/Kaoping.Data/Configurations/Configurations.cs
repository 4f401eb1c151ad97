using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kaoping.Data.Configurations;

/// <summary>An item's key is stored as its text "c.s.i" (ADR 0009: how an item is addressed).</summary>
internal sealed class ItemKeyConverter() : ValueConverter<Rubrics.ItemKey, string>(k => k.ToString(), s => Rubrics.ItemKey.Parse(s));

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> target)
    {
        target.Property(t => t.Name).HasMaxLength(100);
        target.Property(t => t.Kind).HasMaxLength(20);
        target.Property(t => t.Region).HasMaxLength(200);
        target.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<KaopingUser>
{
    public void Configure(EntityTypeBuilder<KaopingUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.HasOne(u => u.Target).WithMany().HasForeignKey(u => u.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(64);
        session.HasOne<KaopingUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
    }
}

internal sealed class StoredRubricConfiguration : IEntityTypeConfiguration<StoredRubric>
{
    public void Configure(EntityTypeBuilder<StoredRubric> rubric)
    {
        rubric.Property(r => r.Title).HasMaxLength(200);
        rubric.Property(r => r.Annex).HasMaxLength(20);
        rubric.Property(r => r.Points).HasPrecision(9, 2);
        rubric.Property(r => r.SourceName).HasMaxLength(260);
        rubric.Property(r => r.CreatedBy).HasMaxLength(256);
        rubric.Property(r => r.ArchivedBy).HasMaxLength(256);
        rubric.HasOne<StoredRubric>().WithMany().HasForeignKey(r => r.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.Property(c => c.Name).HasMaxLength(200);
        campaign.HasOne(c => c.Rubric).WithMany().HasForeignKey(c => c.RubricId).OnDelete(DeleteBehavior.Restrict);
        campaign.HasOne(c => c.Scheme).WithMany().HasForeignKey(c => c.SchemeId).OnDelete(DeleteBehavior.Restrict);
        campaign.HasMany(c => c.Teams).WithOne().HasForeignKey(t => t.CampaignId);
        campaign.HasMany(c => c.Sheets).WithOne(s => s.Campaign).HasForeignKey(s => s.CampaignId);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Name).HasMaxLength(100);
        team.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> member)
    {
        member.HasKey(m => new { m.TeamId, m.UserId });
        member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
    }
}

internal sealed class SheetConfiguration : IEntityTypeConfiguration<Sheet>
{
    public void Configure(EntityTypeBuilder<Sheet> sheet)
    {
        sheet.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        sheet.Property(s => s.Version).IsConcurrencyToken();
        sheet.Property(s => s.UpdatedBy).HasMaxLength(256);
        sheet.Property(s => s.AuditHead).HasMaxLength(64).IsFixedLength();
        sheet.Property(s => s.ExtendedIn).HasConversion<string>().HasMaxLength(20);
        sheet.HasIndex(s => new { s.CampaignId, s.TargetId }).IsUnique();
        sheet.HasOne(s => s.Target).WithMany().HasForeignKey(s => s.TargetId).OnDelete(DeleteBehavior.Restrict);
        sheet.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        sheet.HasMany(s => s.Findings).WithOne().HasForeignKey(f => f.SheetId);
        sheet.HasMany(s => s.Remarks).WithOne().HasForeignKey(r => r.SheetId);
        sheet.HasMany(s => s.Transitions).WithOne().HasForeignKey(t => t.SheetId);
        sheet.HasMany(s => s.Evidence).WithOne().HasForeignKey(e => e.SheetId);
        sheet.HasMany(s => s.Appeals).WithOne().HasForeignKey(a => a.SheetId);
        sheet.HasMany(s => s.NotApplicable).WithOne().HasForeignKey(n => n.SheetId);
        sheet.HasMany(s => s.Audit).WithOne().HasForeignKey(a => a.SheetId);
    }
}

internal sealed class SheetFindingConfiguration : IEntityTypeConfiguration<SheetFinding>
{
    public void Configure(EntityTypeBuilder<SheetFinding> finding)
    {
        finding.Property(f => f.Side).HasConversion<string>().HasMaxLength(10)
            .HasDefaultValue(Campaigns.FindingSide.Team).HasSentinel((Campaigns.FindingSide)(-1));
        finding.Property(f => f.ItemKey).HasConversion<ItemKeyConverter>().HasMaxLength(20);
        finding.Property(f => f.Deduction).HasPrecision(9, 2);
        finding.Property(f => f.Reason).HasMaxLength(1000);
        finding.HasIndex(f => new { f.SheetId, f.ItemKey });
    }
}

internal sealed class SheetTransitionConfiguration : IEntityTypeConfiguration<SheetTransition>
{
    public void Configure(EntityTypeBuilder<SheetTransition> transition)
    {
        transition.Property(t => t.Action).HasConversion<string>().HasMaxLength(30);
        transition.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        transition.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        transition.Property(t => t.Comment).HasMaxLength(2000);
        transition.Property(t => t.By).HasMaxLength(256);
        transition.HasIndex(t => t.SheetId);
    }
}

internal sealed class SheetRemarkConfiguration : IEntityTypeConfiguration<SheetRemark>
{
    public void Configure(EntityTypeBuilder<SheetRemark> remark)
    {
        remark.Property(r => r.Side).HasConversion<string>().HasMaxLength(10)
            .HasDefaultValue(Campaigns.FindingSide.Team).HasSentinel((Campaigns.FindingSide)(-1));
        remark.Property(r => r.ItemKey).HasConversion<ItemKeyConverter>().HasMaxLength(20);
        remark.Property(r => r.Text).HasMaxLength(2000);
        remark.HasIndex(r => new { r.SheetId, r.Side, r.ItemKey }).IsUnique();
    }
}

internal sealed class SheetNotApplicableConfiguration : IEntityTypeConfiguration<SheetNotApplicable>
{
    public void Configure(EntityTypeBuilder<SheetNotApplicable> mark)
    {
        mark.Property(n => n.ItemKey).HasConversion<ItemKeyConverter>().HasMaxLength(20);
        mark.Property(n => n.Reason).HasMaxLength(1000);
        mark.Property(n => n.MarkedBy).HasMaxLength(256);
        mark.HasIndex(n => new { n.SheetId, n.ItemKey }).IsUnique();
    }
}

internal sealed class SheetEvidenceConfiguration : IEntityTypeConfiguration<SheetEvidence>
{
    public void Configure(EntityTypeBuilder<SheetEvidence> evidence)
    {
        evidence.Property(e => e.ItemKey).HasConversion<ItemKeyConverter>().HasMaxLength(20);
        evidence.Property(e => e.Side).HasConversion<string>().HasMaxLength(10);
        evidence.Property(e => e.FileName).HasMaxLength(260);
        evidence.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        evidence.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        evidence.Property(e => e.UploadedBy).HasMaxLength(256);
        evidence.Property(e => e.RemovedBy).HasMaxLength(256);
        evidence.HasIndex(e => new { e.SheetId, e.ItemKey });
    }
}

internal sealed class SheetAppealConfiguration : IEntityTypeConfiguration<SheetAppeal>
{
    public void Configure(EntityTypeBuilder<SheetAppeal> appeal)
    {
        appeal.Property(a => a.ItemKey).HasConversion<ItemKeyConverter>().HasMaxLength(20);
        appeal.Property(a => a.Reason).HasMaxLength(2000);
        appeal.Property(a => a.FiledBy).HasMaxLength(256);
        appeal.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        appeal.Property(a => a.Decision).HasMaxLength(2000);
        appeal.Property(a => a.DecidedBy).HasMaxLength(256);
        appeal.Property(a => a.ScoreBefore).HasPrecision(9, 2);
        appeal.Property(a => a.ScoreAfter).HasPrecision(9, 2);
        appeal.HasIndex(a => new { a.SheetId, a.ItemKey });
    }
}

internal sealed class SheetAuditEntryConfiguration : IEntityTypeConfiguration<SheetAuditEntry>
{
    public void Configure(EntityTypeBuilder<SheetAuditEntry> entry)
    {
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.ItemKey).HasConversion<ItemKeyConverter>().HasMaxLength(20);
        entry.Property(e => e.Before).HasMaxLength(4000);
        entry.Property(e => e.After).HasMaxLength(4000);
        entry.Property(e => e.Why).HasMaxLength(4000);
        entry.Property(e => e.By).HasMaxLength(256);
        entry.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        entry.HasIndex(e => e.SheetId);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.ToTable("SecurityLog");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.Address).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(1000);
        e.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        e.HasIndex(x => x.At);
    }
}

internal sealed class SecurityLogHeadConfiguration : IEntityTypeConfiguration<SecurityLogHead>
{
    public void Configure(EntityTypeBuilder<SecurityLogHead> head)
    {
        head.Property(h => h.Id).ValueGeneratedNever();
        head.Property(h => h.Hash).HasMaxLength(64).IsFixedLength().IsConcurrencyToken();
        head.HasData(new SecurityLogHead { Id = SecurityLogHead.TheOne });
    }
}
