using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>
/// Each sheet's board figures (<see cref="SheetTally"/>), stored by the sheet's version: a board of 2,851 sheets reads
/// their tallies with the sheets instead of scoring every sheet's findings on each load. A tally of another version is
/// computed again from the sheet's findings and stored; which process wrote the sheet does not matter.
/// </summary>
public sealed class SheetTallies(IDbContextFactory<KaopingDbContext> contexts, ILogger<SheetTallies> log)
{
    // Findings are read for this many sheets a statement (well under SQLite's and PostgreSQL's parameter limits).
    private const int Chunk = 500;

    /// <summary>The tally of each sheet at its version: the stored one when it is current, else computed and stored.</summary>
    public async Task<IReadOnlyDictionary<int, SheetTally>> CurrentAsync(Rubric rubric, IReadOnlyList<(Sheet Sheet, SheetTally? Stored)> sheets,
        CancellationToken cancel)
    {
        var current = new Dictionary<int, SheetTally>(sheets.Count);
        var stale = new List<(Sheet Sheet, SheetTally? Stored)>();
        foreach (var (sheet, stored) in sheets)
        {
            if (stored is not null && stored.Version == sheet.Version)
                current[sheet.Id] = stored;
            else
                stale.Add((sheet, stored));
        }
        if (stale.Count == 0)
            return current;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        foreach (var chunk in stale.Chunk(Chunk))
        {
            var ids = chunk.Select(s => s.Sheet.Id).ToList();
            // Read after the sheets' versions: findings at least as new as the version, so a tally is never older than it says.
            var findings = (await db.SheetFindings.AsNoTracking().Where(f => ids.Contains(f.SheetId)).ToListAsync(cancel)).ToLookup(f => f.SheetId);
            foreach (var (sheet, stored) in chunk)
            {
                sheet.Findings = [.. findings[sheet.Id]];
                var tally = Of(rubric, sheet);
                current[sheet.Id] = tally;
                if (stored is null)
                    db.SheetTallies.Add(tally);
                else
                    db.SheetTallies.Update(tally);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException e)
        {
            // Another load stored some of them first, or a sheet was removed: the figures shown are right, the next load stores them.
            log.LogDebug(e, "Sheet tallies not stored this time.");
        }
        return current;
    }

    /// <summary>The sheet's figures from its findings (as they are in <see cref="Sheet.Findings"/>), at its version.</summary>
    public static SheetTally Of(Rubric rubric, Sheet sheet)
    {
        var team = Scorer.Score(rubric, "", sheet.ToFindings(FindingSide.Team));
        var self = sheet.SelfAssessedAt is null ? null : Scorer.Score(rubric, "", sheet.ToFindings(FindingSide.Self));
        return new SheetTally
        {
            SheetId = sheet.Id, Version = sheet.Version, Score = team.Score, Points = team.Points, SelfScore = self?.Score,
            Differences = self is null ? 0 : SheetItems.Differences(team, self).Count,
            Deducted = team.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items).Count(i => i.Deduction > 0),
        };
    }
}
