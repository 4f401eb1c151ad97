using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Results;

/// <summary>A veto (its key) or a bonus clause (item, clause, count) the office sets for a target, with the reason.</summary>
public sealed record AdjustmentInput(int TargetId, AdjustmentKind Kind, string? Key, int? Clause, int Count, string? Reason);

/// <summary>
/// The office's vetoes and bonus items per target of a campaign, checked against the campaign's scheme; each addition
/// and withdrawal is an entry of the campaign's audit trail, saved with it.
/// </summary>
public sealed class AdjustmentService(IDbContextFactory<KaopingDbContext> contexts, CampaignSchemeSource schemes, TimeProvider clock)
{
    public const int MaxReason = 1000;

    public async Task<IReadOnlyList<ResultAdjustment>?> ListAsync(int campaignId, Caller caller, CancellationToken cancel = default)
    {
        if (caller.Role is not (Role.Admin or Role.Leader))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancel))
            return null;
        return await db.ResultAdjustments.AsNoTracking().Where(a => a.CampaignId == campaignId).OrderBy(a => a.TargetId).ThenBy(a => a.Id)
            .ToListAsync(cancel);
    }

    public async Task<(ChangeAnswer Answer, ResultAdjustment? Added)> AddAsync(int campaignId, AdjustmentInput input, Caller caller, string userName,
        CancellationToken cancel = default)
    {
        if (caller.Role is not Role.Admin)
            return (new(ChangeOutcome.Forbidden), null);
        if (await schemes.ForAsync(campaignId, cancel) is not { } found)
            return (new(ChangeOutcome.NotFound), null);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var target = await db.Sheets.Where(s => s.CampaignId == campaignId && s.TargetId == input.TargetId).Select(s => s.Target!.Name)
            .FirstOrDefaultAsync(cancel);
        if (target is null)
            return (ChangeAnswer.Invalid("targetId", LocalizedText.Format("被考评单位{0}不在本考评任务中。", "target {0} is not in this campaign.",
                input.TargetId)), null);
        if (Problem(found.Scheme.Scheme, input) is { } problem)
            return (ChangeAnswer.Invalid(problem.Field, problem.Text), null);
        var key = input.Key!.Trim();
        if (await db.ResultAdjustments.AnyAsync(a => a.CampaignId == campaignId && a.TargetId == input.TargetId && a.Kind == input.Kind
            && a.Key == key && (input.Kind == AdjustmentKind.Veto || a.Clause == input.Clause), cancel))
            return (ChangeAnswer.Invalid("key", LocalizedText.Format("{0}已认定过这一项；如需修改，请先撤销原来的。",
                "{0} already has this; withdraw it first to change it.", target)), null);
        var added = new ResultAdjustment
        {
            CampaignId = campaignId, TargetId = input.TargetId, Kind = input.Kind, Key = key,
            Clause = input.Kind == AdjustmentKind.Bonus ? input.Clause : null, Count = input.Kind == AdjustmentKind.Bonus ? input.Count : 1,
            Reason = input.Reason!.Trim(), At = clock.GetUtcNow(), By = userName,
        };
        db.ResultAdjustments.Add(added);
        db.CampaignAudit.Add(new CampaignAuditEntry
        {
            CampaignId = campaignId, TargetId = input.TargetId, Kind = CampaignChange.Adjustment, After = target + "：" + Describe(found.Scheme.Scheme, added),
            By = userName, At = added.At,
        });
        await db.SaveChangesAsync(cancel);
        return (new(ChangeOutcome.Saved, Changed: 1), added);
    }

    public async Task<ChangeAnswer> WithdrawAsync(int campaignId, int adjustmentId, string? reason, Caller caller, string userName,
        CancellationToken cancel = default)
    {
        if (caller.Role is not Role.Admin)
            return new(ChangeOutcome.Forbidden);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReason)
            return ChangeAnswer.Invalid("reason", LocalizedText.Format("请写明撤销的理由（不超过{0}字）。", "give the reason for withdrawing it (at most {0} characters).",
                MaxReason));
        if (await schemes.ForAsync(campaignId, cancel) is not { } found)
            return new(ChangeOutcome.NotFound);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var adjustment = await db.ResultAdjustments.FirstOrDefaultAsync(a => a.Id == adjustmentId && a.CampaignId == campaignId, cancel);
        if (adjustment is null)
            return new(ChangeOutcome.NotFound);
        var target = await db.Targets.Where(t => t.Id == adjustment.TargetId).Select(t => t.Name).FirstAsync(cancel);
        db.ResultAdjustments.Remove(adjustment);
        db.CampaignAudit.Add(new CampaignAuditEntry
        {
            CampaignId = campaignId, TargetId = adjustment.TargetId, Kind = CampaignChange.Adjustment,
            Before = target + "：" + Describe(found.Scheme.Scheme, adjustment), After = "撤销：" + reason.Trim(), By = userName, At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancel);
        return new(ChangeOutcome.Saved, Changed: 1);
    }

    /// <summary>一票否决：瞒报、谎报生产安全事故（理由） or 加分：1.2.1 第1条 ×2（理由）.</summary>
    public static string Describe(Kaoping.Schemes.Scheme scheme, ResultAdjustment a) => a.Kind == AdjustmentKind.Veto
        ? $"一票否决：{scheme.Veto(a.Key)?.Name ?? a.Key}（{a.Reason}）"
        : $"加分：{a.Key} 第{a.Clause}条{(a.Count > 1 ? $" ×{a.Count}" : "")}（{a.Reason}）";

    private static (string Field, LocalizedText Text)? Problem(Kaoping.Schemes.Scheme scheme, AdjustmentInput input)
    {
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReason)
            return ("reason", LocalizedText.Format("请写明理由（不超过{0}字）。", "give the reason (at most {0} characters).", MaxReason));
        var key = input.Key?.Trim() ?? "";
        if (input.Kind == AdjustmentKind.Veto)
        {
            if (scheme.Veto(key) is not { } veto)
                return ("key", LocalizedText.Format("考核方案没有否决事项“{0}”（有：{1}）。", "the scheme has no veto “{0}” (it has: {1}).", key,
                    scheme.Vetoes.Count == 0 ? "无" : string.Join("、", scheme.Vetoes.Select(v => v.Key))));
            if (veto.Below is not null)
                return ("key", LocalizedText.Format("“{0}”由总分自动判定，不能另行认定。", "“{0}” follows from the total; it is not set by hand.", veto.Name));
            return null;
        }
        if (scheme.Bonus is not { } bonus)
            return ("kind", new LocalizedText("考核方案没有加分。", "the scheme has no bonus."));
        if (!ItemKey.TryParse(key, out var itemKey) || bonus.Rubric.Find(itemKey) is not { } item)
            return ("key", LocalizedText.Format("加分细则中没有考评项目“{0}”。", "the bonus rubric has no item “{0}”.", key));
        if (input.Clause is not ({ } clause and >= 1) || clause > item.Clauses.Count)
            return ("clause", LocalizedText.Format("加分项目{0}没有第{1}条（共{2}条）。", "bonus item {0} has no clause {1} (it has {2}).", key,
                input.Clause ?? 0, item.Clauses.Count));
        var max = item.Clauses[clause - 1].TakesCount ? 100 : 1;
        if (input.Count < 1 || input.Count > max)
            return ("count", LocalizedText.Format("加分项目{0}第{1}条的次数应在1到{2}之间。", "bonus item {0} clause {1}: the count must be 1 to {2}.", key,
                clause, max));
        return null;
    }
}
