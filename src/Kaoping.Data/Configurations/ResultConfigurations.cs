using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaoping.Data.Configurations;

internal sealed class StoredSchemeConfiguration : IEntityTypeConfiguration<StoredScheme>
{
    public void Configure(EntityTypeBuilder<StoredScheme> scheme)
    {
        scheme.Property(s => s.Title).HasMaxLength(200);
        scheme.Property(s => s.Points).HasPrecision(9, 2);
        scheme.Property(s => s.SheetPart).HasMaxLength(40);
        scheme.Property(s => s.AccidentPart).HasMaxLength(40);
        scheme.Property(s => s.CreatedBy).HasMaxLength(256);
        scheme.HasOne<StoredRubric>().WithMany().HasForeignKey(s => s.SheetRubricId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccidentStatisticsConfiguration : IEntityTypeConfiguration<AccidentStatistics>
{
    public void Configure(EntityTypeBuilder<AccidentStatistics> statistics)
    {
        statistics.Property(s => s.ChangedBy).HasMaxLength(256);
        statistics.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        statistics.HasOne(s => s.Target).WithMany().HasForeignKey(s => s.TargetId).OnDelete(DeleteBehavior.Restrict);
        statistics.HasIndex(s => new { s.CampaignId, s.TargetId }).IsUnique();
    }
}

internal sealed class ResultAdjustmentConfiguration : IEntityTypeConfiguration<ResultAdjustment>
{
    public void Configure(EntityTypeBuilder<ResultAdjustment> adjustment)
    {
        adjustment.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        adjustment.Property(a => a.Key).HasMaxLength(40);
        adjustment.Property(a => a.Reason).HasMaxLength(1000);
        adjustment.Property(a => a.By).HasMaxLength(256);
        adjustment.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        adjustment.HasOne<Target>().WithMany().HasForeignKey(a => a.TargetId).OnDelete(DeleteBehavior.Restrict);
        adjustment.HasIndex(a => new { a.CampaignId, a.TargetId });
    }
}

internal sealed class SheetTallyConfiguration : IEntityTypeConfiguration<SheetTally>
{
    public void Configure(EntityTypeBuilder<SheetTally> tally)
    {
        tally.HasKey(t => t.SheetId);
        tally.Property(t => t.SheetId).ValueGeneratedNever();
        tally.Property(t => t.Score).HasPrecision(9, 2);
        tally.Property(t => t.Points).HasPrecision(9, 2);
        tally.Property(t => t.SelfScore).HasPrecision(9, 2);
        tally.HasOne<Sheet>().WithOne().HasForeignKey<SheetTally>(t => t.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}
