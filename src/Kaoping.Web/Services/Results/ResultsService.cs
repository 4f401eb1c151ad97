using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Schemes;
using Kaoping.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Results;

/// <summary>
/// A campaign's results under its scheme, for the office and leaders: each final sheet's team findings are the input of
/// its part; the Core computes the result (<see cref="SchemeResult"/>) and the ranking with quotas (<see cref="SchemeRanking"/>).
/// </summary>
public sealed class ResultsService(IDbContextFactory<KaopingDbContext> contexts, RubricLibrary rubrics)
{
    /// <summary>Null when the campaign does not exist or the caller may not see its results.</summary>
    public async Task<CampaignResultSet?> ResultsAsync(int campaignId, Caller caller, CancellationToken cancel = default)
    {
        if (caller.Role is not (Role.Admin or Role.Leader))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancel);
        if (campaign is null)
            return null;
        var rubric = await rubrics.ModelAsync(campaign.RubricId, cancel);
        var scheme = CampaignSchemes.Default(campaign.Name, campaign.RubricId, rubric);
        var sheets = await db.Sheets.AsNoTracking()
            .Where(s => s.CampaignId == campaignId)
            .Include(s => s.Target).Include(s => s.Findings).Include(s => s.NotApplicable)
            .AsSplitQuery()
            .OrderBy(s => s.TargetId)
            .ToListAsync(cancel);
        var pending = await db.SheetAppeals.AsNoTracking()
            .CountAsync(a => a.Status == AppealStatus.Pending && db.Sheets.Any(s => s.Id == a.SheetId && s.CampaignId == campaignId), cancel);

        var results = new List<(int SheetId, TargetResult Result)>();
        var unfinished = new List<UnfinishedRow>();
        foreach (var sheet in sheets)
        {
            if (!ResultStates.IsFinal(sheet.State))
            {
                unfinished.Add(new UnfinishedRow(sheet.Id, sheet.Target!.Name, sheet.State));
                continue;
            }
            var parts = new Dictionary<string, PartInput>
            {
                [CampaignSchemes.DefaultPartKey] = new(sheet.ToFindings(FindingSide.Team), sheet.NotApplicableItems()),
            };
            results.Add((sheet.Id, SchemeResult.Of(scheme, new TargetInput(sheet.Target!.Name, parts, [], []))));
        }
        var sheetOf = new Dictionary<TargetResult, int>(ReferenceEqualityComparer.Instance);
        foreach (var (sheetId, result) in results)
            sheetOf[result] = sheetId;
        var ranked = SchemeRanking.Rank(scheme, [.. results.Select(r => r.Result)])
            .Select(p => new ResultRow(sheetOf[p.Result], p, [.. p.Result.Vetoes.Select(k => Fired(scheme, k))]))
            .ToList();
        return new CampaignResultSet(campaign.Id, campaign.Name, campaign.Year, scheme, ranked, unfinished, pending);
    }

    private static FiredVeto Fired(Scheme scheme, string key) => new(key, scheme.Veto(key)?.Name ?? key, null);
}
