using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Work;

/// <summary>
/// 我的待办: what waits for the caller, from their current role, target and teams (the <see cref="Caller"/> is read from
/// the database). One query reads the caller's sheets that are not yet published, with the last step of each (to mark
/// returned ones), and the office's appeals are a second; every list is made from those in memory, so the cost does not
/// grow with a query per sheet.
/// </summary>
public sealed class MyWork(IDbContextFactory<KaopingDbContext> contexts, OfficeCalendar calendar)
{
    private sealed record Open(Sheet Sheet, Campaign Campaign, string Target, SheetAction? LastAction);

    public async Task<WorkLists> ForAsync(Caller caller, CancellationToken cancel = default)
    {
        if (!caller.Role.IsOffice())
            return new WorkLists([]);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var open = await Visible(db, caller).AsNoTracking()
            .Where(s => s.State != SheetState.Published)
            .OrderBy(s => s.CampaignId).ThenBy(s => s.TargetId)
            .Select(s => new Open(s, s.Campaign!, s.Target!.Name,
                s.Transitions.OrderByDescending(t => t.Id).Select(t => (SheetAction?)t.Action).FirstOrDefault()))
            .ToListAsync(cancel);
        var today = calendar.Today;
        var items = open.Select(o => Item(o, today)).ToList();
        var lists = new List<WorkList>();
        void Add(WorkKind kind, IEnumerable<WorkItem> entries)
        {
            var all = entries.ToList();
            if (all.Count > 0)
                lists.Add(new WorkList(kind, all.Count, [.. all.Take(WorkLists.Shown)]));
        }

        switch (caller.Role)
        {
            case Role.Reporter:
                Add(WorkKind.SelfAssess, items.Where(i => i.State == SheetState.SelfAssessing).OrderByDescending(i => i.Returned));
                break;
            case Role.Assessor:
                Add(WorkKind.Score, items.Where(i => i.State is SheetState.NotStarted or SheetState.SelfAssessed or SheetState.Assessing)
                    .OrderByDescending(i => i.Returned).ThenByDescending(i => i.DaysLate));
                break;
            case Role.Admin:
                Add(WorkKind.Review, items.Where(i => i.State == SheetState.Assessed));
                Add(WorkKind.Approve, items.Where(i => i.State == SheetState.Reviewed));
                Add(WorkKind.Publish, items.Where(i => i.State == SheetState.Approved));
                Add(WorkKind.Appeals, await AppealsAsync(db, cancel));
                break;
            case Role.Leader or Role.SystemAdmin or Role.Auditor:
                break;
        }
        if (caller.Role is Role.Admin or Role.Leader)
            Add(WorkKind.Overdue, items.Where(i => i.DaysLate > 0).OrderByDescending(i => i.DaysLate));
        var soon = today.AddDays(WorkLists.SoonDays);
        Add(WorkKind.DueSoon, items.Where(i => i.Due is { } due && due >= today && due <= soon).OrderBy(i => i.Due));
        return new WorkLists(lists);
    }

    private static IQueryable<Sheet> Visible(KaopingDbContext db, Caller caller) => caller.Role switch
    {
        Role.Admin or Role.Leader => db.Sheets,
        Role.Assessor => db.Sheets.Where(s => s.TeamId != null && caller.TeamIds.Contains(s.TeamId.Value)),
        Role.Reporter => db.Sheets.Where(s => s.TargetId == caller.TargetId),
        Role.SystemAdmin or Role.Auditor => db.Sheets.Where(s => false),
    };

    private static WorkItem Item(Open open, DateOnly today)
    {
        var (sheet, campaign) = (open.Sheet, open.Campaign);
        var deadlines = sheet.DeadlinesIn(campaign);
        var returned = (sheet.State, open.LastAction) is (SheetState.SelfAssessing, SheetAction.ReturnSelfAssessment)
            or (SheetState.Assessing, SheetAction.ReturnForRevision);
        return new WorkItem(sheet.Id, campaign.Id, campaign.Name, open.Target, sheet.State, deadlines.DueFor(sheet.State),
            deadlines.DaysLate(sheet.State, today), returned);
    }

    private static async Task<List<WorkItem>> AppealsAsync(KaopingDbContext db, CancellationToken cancel)
    {
        var appeals = await (from a in db.SheetAppeals.AsNoTracking()
                             join s in db.Sheets on a.SheetId equals s.Id
                             where a.Status == AppealStatus.Pending
                             orderby a.Id // in the order filed
                             select new { a.Id, a.SheetId, a.ItemKey, s.CampaignId, Campaign = s.Campaign!.Name, Target = s.Target!.Name, s.State })
            .ToListAsync(cancel);
        return [.. appeals.Select(a => new WorkItem(a.SheetId, a.CampaignId, a.Campaign, a.Target, a.State, AppealId: a.Id, Item: a.ItemKey.ToString()))];
    }
}
