using System.Globalization;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Schemes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kaoping.Web.Services.Results;

/// <summary>
/// Each final sheet's result under its campaign's scheme, kept a while in memory with what it was computed from: the
/// sheet's version (which rises with every change of its findings or 不涉及 marks) and the other inputs as text (the
/// scheme, the target's accident statistics and the office's adjustments). A kept result whose version or inputs differ
/// is computed again; the ranking of 2,851 targets reads their findings only for the sheets that changed.
/// </summary>
public sealed class KeptResults(IMemoryCache cache)
{
    private const int Chunk = 500;

    private static readonly MemoryCacheEntryOptions s_keep = new() { SlidingExpiration = TimeSpan.FromMinutes(30) };

    private sealed record Kept(int Version, string Inputs, TargetResult Result, IReadOnlyList<FiredVeto> Reasons);

    /// <summary>Everything besides the sheet's own rows that a result depends on, as text to compare.</summary>
    public static string Inputs(string target, Campaign campaign, CampaignScheme scheme, AccidentStatistics? accidents,
        IEnumerable<ResultAdjustment> adjustments)
    {
        var parts = new List<string>
        {
            target,
            scheme.SchemeId is { } id ? "scheme " + id.ToString(CultureInfo.InvariantCulture)
                : "rubric " + campaign.RubricId.ToString(CultureInfo.InvariantCulture),
            scheme.SheetPart, scheme.AccidentPart ?? "",
            accidents is null ? "-" : string.Join(',', accidents.Deaths, accidents.Injuries, accidents.Serious, accidents.Major, accidents.EspeciallyMajor,
                accidents.DeathQuota, accidents.Accidents, accidents.AccidentQuota, accidents.MineFatalAccidents, accidents.Concealed),
        };
        parts.AddRange(adjustments.Select(a => string.Join(',', a.Id, a.Kind, a.Key, a.Clause, a.Count, a.Reason)));
        return string.Join('\n', parts);
    }

    /// <summary>
    /// The results of the sheets, in their order: kept ones as they are, the others computed by <paramref name="compute"/>
    /// once their findings and 不涉及 marks are read (into the sheet), and kept.
    /// </summary>
    public async Task<List<(int SheetId, TargetResult Result, IReadOnlyList<FiredVeto> Reasons)>> ResultsAsync(KaopingDbContext db,
        IReadOnlyList<(Sheet Sheet, string Inputs)> sheets, Func<Sheet, (TargetResult Result, IReadOnlyList<FiredVeto> Reasons)> compute,
        CancellationToken cancel)
    {
        var found = new Kept?[sheets.Count];
        var missing = new List<int>();
        for (var i = 0; i < sheets.Count; i++)
        {
            var (sheet, inputs) = sheets[i];
            if (cache.TryGetValue(Key(sheet.Id), out Kept? kept) && kept!.Version == sheet.Version && kept.Inputs == inputs)
                found[i] = kept;
            else
                missing.Add(i);
        }
        foreach (var chunk in missing.Chunk(Chunk))
        {
            var ids = chunk.Select(i => sheets[i].Sheet.Id).ToList();
            // Read after the sheets' versions: rows at least as new as the version, so a kept result is never older than it says.
            var findings = (await db.SheetFindings.AsNoTracking().Where(f => ids.Contains(f.SheetId)).ToListAsync(cancel)).ToLookup(f => f.SheetId);
            var marks = (await db.SheetNotApplicable.AsNoTracking().Where(n => ids.Contains(n.SheetId)).ToListAsync(cancel)).ToLookup(n => n.SheetId);
            foreach (var i in chunk)
            {
                var (sheet, inputs) = sheets[i];
                sheet.Findings = [.. findings[sheet.Id]];
                sheet.NotApplicable = [.. marks[sheet.Id]];
                var (result, reasons) = compute(sheet);
                found[i] = cache.Set(Key(sheet.Id), new Kept(sheet.Version, inputs, result, reasons), s_keep);
            }
        }
        return [.. sheets.Select((s, i) => (s.Sheet.Id, found[i]!.Result, found[i]!.Reasons))];
    }

    private static string Key(int sheetId) => "sheet-result:" + sheetId.ToString(CultureInfo.InvariantCulture);
}
