using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Kaoping.Web.Services.Results;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Accidents;

/// <summary>A target of the campaign with its statistics (null: not entered yet).</summary>
public sealed record AccidentEntry(int TargetId, string Target, AccidentInput? Input, DateTimeOffset? ChangedAt, string? ChangedBy);

/// <summary>
/// The accident statistics of a campaign's targets: read by the office and leaders, entered or imported by the office.
/// Every change adds an entry to the campaign's audit trail (before, after, who, when) in the same save.
/// </summary>
public sealed class AccidentService(IDbContextFactory<KaopingDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccidentEntry>?> ListAsync(int campaignId, Caller caller, CancellationToken cancel = default)
    {
        if (caller.Role is not (Role.Admin or Role.Leader))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancel))
            return null;
        var targets = await db.Sheets.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.TargetId)
            .Select(s => new { s.TargetId, s.Target!.Name }).ToListAsync(cancel);
        var statistics = await db.AccidentStatistics.AsNoTracking().Where(a => a.CampaignId == campaignId).ToDictionaryAsync(a => a.TargetId, cancel);
        return [.. targets.Select(t => statistics.GetValueOrDefault(t.TargetId) is { } s
            ? new AccidentEntry(t.TargetId, t.Name, AccidentInput.Of(s), s.ChangedAt, s.ChangedBy)
            : new AccidentEntry(t.TargetId, t.Name, null, null, null))];
    }

    public async Task<ChangeAnswer> SetAsync(int campaignId, int targetId, AccidentInput input, Caller caller, string userName,
        CancellationToken cancel = default)
    {
        if (caller.Role is not Role.Admin)
            return new(ChangeOutcome.Forbidden);
        if (input.Problems() is { Count: > 0 } problems)
            return new(ChangeOutcome.Invalid, problems);
        await using (var db = await contexts.CreateDbContextAsync(cancel))
        {
            if (!await db.Sheets.AnyAsync(s => s.CampaignId == campaignId && s.TargetId == targetId, cancel))
                return new(ChangeOutcome.NotFound);
        }
        var changed = await SaveAsync(campaignId, [(targetId, input)], CampaignChange.Accidents, userName, cancel);
        return new(ChangeOutcome.Saved, Changed: changed);
    }

    /// <summary>The workbook's rows, all or nothing: a row naming no target of the campaign is refused with its row.</summary>
    public async Task<ChangeAnswer> ImportAsync(int campaignId, Stream workbook, string fileName, Caller caller, string userName,
        CancellationToken cancel = default)
    {
        if (caller.Role is not Role.Admin)
            return new(ChangeOutcome.Forbidden);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancel))
            return new(ChangeOutcome.NotFound);
        IReadOnlyList<AccidentRow> rows;
        try
        {
            rows = AccidentWorkbook.Read(workbook, fileName);
        }
        catch (InvalidInputException e)
        {
            return ChangeAnswer.Invalid("file", e.Text);
        }
        if (rows.Count == 0)
            return ChangeAnswer.Invalid("file", LocalizedText.Format("{0}：表头下没有数据行。", "{0}: there are no rows below the header.", fileName));
        var targets = await db.Sheets.Where(s => s.CampaignId == campaignId).Select(s => new { s.TargetId, s.Target!.Name })
            .ToDictionaryAsync(t => t.Name, t => t.TargetId, cancel);
        var changes = new List<(int, AccidentInput)>();
        foreach (var row in rows)
        {
            if (!targets.TryGetValue(row.Target, out var targetId))
                return ChangeAnswer.Invalid("file", LocalizedText.Format("{0}：第{1}行第1列（A列）：“{2}”不是本考评任务的被考评单位。",
                    "{0}: row {1}, column 1 (A): “{2}” is not a target of this campaign.", fileName, row.Row, row.Target));
            changes.Add((targetId, row.Input));
        }
        var changed = await SaveAsync(campaignId, changes, CampaignChange.AccidentsImported, userName, cancel);
        return new(ChangeOutcome.Saved, Changed: changed);
    }

    /// <summary>
    /// Applies and saves the changes; when a concurrent first entry of the same target won the race (the unique
    /// campaign-and-target key refused this insert), applies them once more in a fresh context, where they update that row.
    /// </summary>
    private async Task<int> SaveAsync(int campaignId, IReadOnlyList<(int TargetId, AccidentInput Input)> changes, CampaignChange kind,
        string userName, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancel);
            var changed = await ApplyAsync(db, campaignId, changes, kind, userName, cancel);
            try
            {
                await db.SaveChangesAsync(cancel);
                return changed;
            }
            catch (DbUpdateException) when (attempt < 3
                && db.ChangeTracker.Entries<AccidentStatistics>().Any(e => e.State == EntityState.Added))
            {
            }
        }
    }

    private async Task<int> ApplyAsync(KaopingDbContext db, int campaignId, IReadOnlyList<(int TargetId, AccidentInput Input)> changes,
        CampaignChange kind, string userName, CancellationToken cancel)
    {
        var ids = changes.Select(c => c.TargetId).ToList();
        var existing = await db.AccidentStatistics.Where(a => a.CampaignId == campaignId && ids.Contains(a.TargetId))
            .ToDictionaryAsync(a => a.TargetId, cancel);
        var names = await db.Targets.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancel);
        var now = clock.GetUtcNow();
        var changed = 0;
        foreach (var (targetId, input) in changes)
        {
            var before = existing.GetValueOrDefault(targetId);
            if (before is not null && AccidentInput.Of(before) == input)
                continue;
            var beforeText = before is null ? null : names[targetId] + "：" + AccidentInput.Of(before).Describe();
            var row = before ?? db.AccidentStatistics.Add(new AccidentStatistics { CampaignId = campaignId, TargetId = targetId }).Entity;
            input.CopyTo(row);
            (row.ChangedAt, row.ChangedBy) = (now, userName);
            db.CampaignAudit.Add(new CampaignAuditEntry
            {
                CampaignId = campaignId, TargetId = targetId, Kind = kind, Before = beforeText, After = names[targetId] + "：" + input.Describe(),
                By = userName, At = now,
            });
            changed++;
        }
        return changed;
    }
}
