using Kaoping.Campaigns;

namespace Kaoping.Web.Services.Work;

/// <summary>What a list of the home page holds: work the caller does next, or deadlines to watch.</summary>
public enum WorkKind
{
    /// <summary>填报员: self-assessments to fill (自评中), returned ones marked.</summary>
    SelfAssess,

    /// <summary>考评员: the team's sheets to start or score (未开始, 自评已提交, 考评中).</summary>
    Score,

    /// <summary>安委办: sheets to review (考评已提交).</summary>
    Review,

    /// <summary>安委办: sheets to approve (已复核).</summary>
    Approve,

    /// <summary>安委办: sheets to publish (已审定).</summary>
    Publish,

    /// <summary>安委办: appeals to decide.</summary>
    Appeals,

    /// <summary>安委办 and leaders: sheets past the deadline of the stage they wait in.</summary>
    Overdue,

    /// <summary>Everyone: the caller's sheets whose stage ends within <see cref="WorkLists.SoonDays"/> days.</summary>
    DueSoon,
}

/// <summary>One entry of a list: a sheet (and the appeal, for appeals) with where it stands.</summary>
public sealed record WorkItem(int SheetId, int CampaignId, string Campaign, string Target, SheetState State, DateOnly? Due = null, int DaysLate = 0,
    bool Returned = false, long? AppealId = null, string? Item = null);

/// <summary>A list of the home page: how many in all, and the first <see cref="WorkLists.Shown"/> of them.</summary>
public sealed record WorkList(WorkKind Kind, int Count, IReadOnlyList<WorkItem> Items)
{
    /// <summary>The campaign of every entry, when they are all of one: the list then links to that campaign's board, filtered.</summary>
    public int? OneCampaign => Items.Count > 0 && Items.All(i => i.CampaignId == Items[0].CampaignId) ? Items[0].CampaignId : null;

    /// <summary>Whether the caller does this work (counted on the navigation), rather than watching it.</summary>
    public bool IsTodo => Kind is not (WorkKind.Overdue or WorkKind.DueSoon);
}

/// <summary>The caller's lists, in the order the home page shows them; empty lists are left out.</summary>
public sealed record WorkLists(IReadOnlyList<WorkList> Lists)
{
    public const int Shown = 20;

    public const int SoonDays = 3;

    /// <summary>How many things wait for the caller: the navigation's count.</summary>
    public int Todo => Lists.Where(l => l.IsTodo).Sum(l => l.Count);

    public WorkList? Of(WorkKind kind) => Lists.FirstOrDefault(l => l.Kind == kind);
}
