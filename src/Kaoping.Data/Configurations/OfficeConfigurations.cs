using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaoping.Data.Configurations;

internal sealed class CampaignAuditEntryConfiguration : IEntityTypeConfiguration<CampaignAuditEntry>
{
    public void Configure(EntityTypeBuilder<CampaignAuditEntry> entry)
    {
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Before).HasMaxLength(4000);
        entry.Property(e => e.After).HasMaxLength(4000);
        entry.Property(e => e.By).HasMaxLength(256);
        entry.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => e.CampaignId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.UserId).HasMaxLength(450);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        notification.Property(n => n.Text).HasMaxLength(1000);
        notification.Property(n => n.TextEn).HasMaxLength(1000);
        notification.Property(n => n.Key).HasMaxLength(100);
        notification.HasOne<KaopingUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.HasIndex(n => new { n.UserId, n.ReadAt });
        notification.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
    }
}
