using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Scoring;
using Kaoping.Text;

namespace Kaoping.Web.Services;

/// <summary>The items of a sheet: the one way their findings change, and how the audit trail and the comparison show them.</summary>
public static class SheetItems
{
    /// <summary>
    /// The one way an item's findings change: replaced (or, with null findings, left as they are) and recorded in the
    /// audit trail with the item before and after, and why.
    /// </summary>
    public static void Change(Rubric rubric, Sheet sheet, FindingSide side, ItemKey key, IReadOnlyList<Finding>? findings, string? remark,
        AuditKind kind, string? why, string userName, DateTimeOffset now)
    {
        var before = Describe(rubric, sheet, side, key);
        if (findings is not null)
            sheet.ReplaceItem(side, key, findings, remark, userName, now);
        sheet.Record(kind, key, before, Describe(rubric, sheet, side, key), why, userName, now);
    }

    /// <summary>An item as the audit trail shows it: its score, its 扣分及原因 and the note; or 不涉及 and why.</summary>
    public static string Describe(Rubric rubric, Sheet sheet, FindingSide side, ItemKey key)
    {
        if (side == FindingSide.Team && sheet.NotApplicableReason(key) is { } reason)
            return "不涉及：" + reason;
        var item = Scorer.ScoreItem(rubric, key, sheet.ToFindings(side));
        var text = $"得分{Points.Format(item.Score)}：{(item.Reason.Length > 0 ? item.Reason : "未扣分")}";
        return sheet.RemarkOf(side, key) is { } remark ? text + "；说明：" + remark : text;
    }

    public static ItemScore ScoreOf(SheetScore score, ItemKey key) =>
        score.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items).First(i => i.Key == key);

    public static IReadOnlyList<ItemKey> Differences(SheetScore team, SheetScore self) =>
        [.. team.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items)
            .Zip(self.Categories.SelectMany(c => c.Subcategories).SelectMany(s => s.Items))
            .Where(pair => pair.First.Score != pair.Second.Score)
            .Select(pair => pair.First.Key)];
}
