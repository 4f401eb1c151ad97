using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Schemes;
using Kaoping.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Results;

/// <summary>
/// A campaign's results under its scheme, for the office and leaders. Each final sheet's team findings are the input of
/// the sheet part; the target's accident statistics give the accident part's findings and the automatic vetoes
/// (<see cref="AccidentFindings"/>); the office's vetoes and bonus clauses are added with their reasons. The Core
/// computes the result (<see cref="SchemeResult"/>) and the ranking with quotas (<see cref="SchemeRanking"/>).
/// </summary>
public sealed class ResultsService(IDbContextFactory<KaopingDbContext> contexts, CampaignSchemeSource schemes, KeptResults kept)
{
    /// <summary>Null when the campaign does not exist or the caller may not see its results.</summary>
    public async Task<CampaignResultSet?> ResultsAsync(int campaignId, Caller caller, CancellationToken cancel = default)
    {
        if (caller.Role is not (Role.Admin or Role.Leader))
            return null;
        if (await schemes.ForAsync(campaignId, cancel) is not var (campaign, campaignScheme))
            return null;
        var scheme = campaignScheme.Scheme;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        // The sheets alone: findings are read only for the final sheets whose result is not kept for their version and inputs.
        var sheets = await db.Sheets.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.TargetId)
            .Select(s => new { Sheet = s, Target = s.Target!.Name }).ToListAsync(cancel);
        var pending = await db.SheetAppeals.AsNoTracking()
            .CountAsync(a => a.Status == AppealStatus.Pending && db.Sheets.Any(s => s.Id == a.SheetId && s.CampaignId == campaignId), cancel);
        var statistics = await db.AccidentStatistics.AsNoTracking().Where(a => a.CampaignId == campaignId).ToDictionaryAsync(a => a.TargetId, cancel);
        var adjustments = (await db.ResultAdjustments.AsNoTracking().Where(a => a.CampaignId == campaignId).OrderBy(a => a.Id).ToListAsync(cancel))
            .ToLookup(a => a.TargetId);

        var unfinished = new List<UnfinishedRow>();
        var final = new List<(Sheet Sheet, string Inputs)>();
        foreach (var (sheet, target) in sheets.Select(s => (s.Sheet, s.Target)))
        {
            var accidents = statistics.GetValueOrDefault(sheet.TargetId);
            if (!ResultStates.IsFinal(sheet.State) || campaignScheme.AccidentPart is not null && accidents is null)
            {
                unfinished.Add(new UnfinishedRow(sheet.Id, target, sheet.State,
                    MissingAccidents: campaignScheme.AccidentPart is not null && accidents is null));
                continue;
            }
            sheet.Target = new Target { Id = sheet.TargetId, Name = target };
            final.Add((sheet, KeptResults.Inputs(target, campaign, campaignScheme, accidents, adjustments[sheet.TargetId])));
        }
        var results = await kept.ResultsAsync(db, final,
            sheet => Compute(campaignScheme, sheet, statistics.GetValueOrDefault(sheet.TargetId), adjustments[sheet.TargetId]), cancel);
        var of = new Dictionary<TargetResult, (int SheetId, IReadOnlyList<FiredVeto> Reasons)>(ReferenceEqualityComparer.Instance);
        foreach (var (sheetId, result, reasons) in results)
            of[result] = (sheetId, reasons);
        var ranked = SchemeRanking.Rank(scheme, [.. results.Select(r => r.Result)])
            .Select(p => new ResultRow(of[p.Result].SheetId, p, [.. p.Result.Vetoes.Select(k => Fired(scheme, k, of[p.Result].Reasons))]))
            .ToList();
        return new CampaignResultSet(campaign.Id, campaign.Name, campaign.Year, scheme, ranked, unfinished, pending)
        {
            SheetPart = campaignScheme.SheetPart, AccidentPart = campaignScheme.AccidentPart,
        };
    }

    /// <summary>The sheet's result under the scheme (its findings and 不涉及 items read), with the reasons of its vetoes.</summary>
    private static (TargetResult Result, IReadOnlyList<FiredVeto> Reasons) Compute(CampaignScheme campaignScheme, Sheet sheet,
        AccidentStatistics? accidents, IEnumerable<ResultAdjustment> adjustments)
    {
        var scheme = campaignScheme.Scheme;
        var reasons = new List<FiredVeto>();
        var parts = new Dictionary<string, PartInput> { [campaignScheme.SheetPart] = new(sheet.ToFindings(FindingSide.Team), sheet.NotApplicableItems()) };
        if (campaignScheme.AccidentPart is { } accidentPart && accidents is not null)
        {
            parts[accidentPart] = new(AccidentFindings.Of(accidents, scheme.Part(accidentPart)!.Rubric), []);
            reasons.AddRange(AccidentFindings.Vetoes(accidents, k => scheme.Veto(k) is not null)
                .Select(v => new FiredVeto(v.Key, scheme.Veto(v.Key)!.Name, v.Reason)));
        }
        foreach (var veto in adjustments.Where(a => a.Kind == AdjustmentKind.Veto))
            reasons.Add(new FiredVeto(veto.Key, scheme.Veto(veto.Key)?.Name ?? veto.Key, "安委办认定：" + veto.Reason));
        var bonus = adjustments.Where(a => a.Kind == AdjustmentKind.Bonus && ItemKey.TryParse(a.Key, out _))
            .Select(a => (Finding)new ClauseFinding(ItemKey.Parse(a.Key), a.Clause ?? 1, a.Count)).ToList();
        var input = new TargetInput(sheet.Target!.Name, parts, scheme.Bonus is null ? [] : bonus, [.. reasons.Select(r => r.Key).Distinct()]);
        return (SchemeResult.Of(scheme, input), reasons);
    }

    /// <summary>A fired veto with every reason given for it: the statistics', the office's, or none for a total below its threshold.</summary>
    private static FiredVeto Fired(Scheme scheme, string key, IReadOnlyList<FiredVeto> reasons)
    {
        var given = reasons.Where(r => r.Key == key).Select(r => r.Reason).OfType<string>().ToList();
        var veto = scheme.Veto(key);
        var reason = given.Count > 0 ? string.Join("；", given)
            : veto?.Below is { } below ? $"总分低于{Kaoping.Text.Points.Format(below)}分" : null;
        return new FiredVeto(key, veto?.Name ?? key, reason);
    }
}
