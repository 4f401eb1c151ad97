using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> mail)
    {
        mail.Property(m => m.UserId).HasMaxLength(450);
        mail.Property(m => m.To).HasMaxLength(256);
        mail.Property(m => m.Subject).HasMaxLength(200);
        mail.Property(m => m.Body).HasMaxLength(4000);
        mail.Property(m => m.State).HasConversion<string>().HasMaxLength(10);
        mail.Property(m => m.LastError).HasMaxLength(1000);
        // Compared in the database (what is due, whose claim ran out): SQLite compares DateTimeOffset only as a number.
        mail.Property(m => m.NextAttemptAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        mail.Property(m => m.ClaimedUntil).HasConversion(new DateTimeOffsetToBinaryConverter());
        mail.HasOne<KaopingUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        mail.HasIndex(m => new { m.State, m.NextAttemptAt });
    }
}

internal sealed class ReminderKeyConfiguration : IEntityTypeConfiguration<ReminderKey>
{
    public void Configure(EntityTypeBuilder<ReminderKey> reminder)
    {
        reminder.HasKey(r => r.Key);
        reminder.Property(r => r.Key).HasMaxLength(100);
    }
}
