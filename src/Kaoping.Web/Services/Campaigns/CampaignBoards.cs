using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>
/// One row of a campaign's board: a target's sheet with its region, team, state and score (the team's, which a reporter
/// sees only once published: <see cref="SeesTeam"/>), its self-assessed score, how many items differ and how many the team
/// took points off, and how late it is.
/// </summary>
public sealed record BoardRow(int SheetId, string Target, string? Team, SheetState State, decimal Score, decimal Points, bool CanEdit,
    bool SeesTeam = true, decimal? SelfScore = null, int Differences = 0, int DaysLate = 0, DateOnly? Due = null, int PendingAppeals = 0)
{
    public string? Region { get; init; }

    public int Deducted { get; init; }
}

/// <summary>
/// A campaign's board: the sheets the caller may see that match the query, from one query of the sheets with their
/// stored tallies (<see cref="SheetTallies"/>) — only sheets changed since their tally was stored are scored again.
/// </summary>
public sealed class CampaignBoards(IDbContextFactory<KaopingDbContext> contexts, RubricLibrary rubrics, SheetTallies tallies, OfficeCalendar calendar)
{
    /// <summary>Every sheet of the campaign the caller may see.</summary>
    public Task<IReadOnlyList<BoardRow>?> BoardAsync(int campaignId, Caller caller, CancellationToken cancel = default) =>
        BoardAsync(campaignId, caller, BoardQuery.All, cancel);

    /// <summary>
    /// The sheets of a campaign the caller may see that match the query, in its order; null when the campaign is not the
    /// caller's. A team the campaign does not have is a <see cref="CampaignInputException"/>.
    /// </summary>
    public async Task<IReadOnlyList<BoardRow>?> BoardAsync(int campaignId, Caller caller, BoardQuery query, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Teams).FirstOrDefaultAsync(c => c.Id == campaignId, cancel);
        if (campaign is null)
            return null;
        var mine = db.Sheets.AsNoTracking().Where(s => s.CampaignId == campaignId);
        // A campaign with none of the caller's sheets is none of theirs (the system administrator's and auditor's never are).
        if (caller.Role is not (Role.Admin or Role.Leader)
            && !(await mine.Select(s => new SheetFacts(s.TargetId, s.TeamId, s.State)).ToListAsync(cancel)).Any(f => SheetAccess.CanView(caller, f)))
            return null;
        var filtered = caller.Role switch
        {
            Role.Assessor => mine.Where(s => s.TeamId != null && caller.TeamIds.Contains(s.TeamId.Value)),
            Role.Reporter => mine.Where(s => s.TargetId == caller.TargetId),
            Role.Admin or Role.Leader or Role.SystemAdmin or Role.Auditor => mine,
        };
        if (query.State is { } state)
            filtered = filtered.Where(s => s.State == state);
        if (query.Team is { } teamName)
        {
            var team = campaign.Teams.FirstOrDefault(t => t.Name == teamName || t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == teamName)
                ?? throw new CampaignInputException(new Dictionary<string, LocalizedText>
                {
                    ["team"] = LocalizedText.Format("本次考评没有考评组“{0}”。", "the campaign has no team “{0}”.", teamName),
                });
            filtered = filtered.Where(s => s.TeamId == team.Id);
        }
        if (query.Search is { } search)
            filtered = filtered.Where(s => s.Target!.Name.Contains(search));
        // In the office's order of its targets (as entered: 禹州市, 长葛市, 鄢陵县 …), as its own tables list them; sorting
        // by name would follow ICU's pinyin, which reads 长葛 as “zhǎng…”.
        var read = await (from s in filtered
                          join t in db.SheetTallies on s.Id equals t.SheetId into tallied
                          from t in tallied.DefaultIfEmpty()
                          orderby s.TargetId
                          select new { Sheet = s, Target = s.Target!.Name, s.Target.Region, Team = s.Team!.Name, Tally = t })
            .ToListAsync(cancel);
        var visible = read.Where(r => SheetAccess.CanView(caller, r.Sheet.Facts) && BoardQuery.InRegion(r.Region, query.Region)).ToList();
        var current = await tallies.CurrentAsync(await rubrics.ModelAsync(campaign.RubricId, cancel),
            [.. visible.Select(r => (r.Sheet, (SheetTally?)r.Tally))], cancel);
        var pending = await db.SheetAppeals.AsNoTracking()
            .Where(a => a.Status == AppealStatus.Pending && db.Sheets.Any(s => s.Id == a.SheetId && s.CampaignId == campaignId))
            .GroupBy(a => a.SheetId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var today = calendar.Today;
        return [.. query.Apply(visible.Select(r => Row(r.Sheet, r.Target, r.Team, current[r.Sheet.Id], caller, r.Sheet.DeadlinesIn(campaign), today)
            with { PendingAppeals = pending.GetValueOrDefault(r.Sheet.Id), Region = r.Region }))];
    }

    /// <summary>The regions a filter of the campaign's board can choose: its targets' regions and those above them.</summary>
    public async Task<IReadOnlyList<string>> RegionsAsync(int campaignId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return Regions.Choices(await db.Sheets.AsNoTracking().Where(s => s.CampaignId == campaignId && s.Target!.Region != null)
            .Select(s => s.Target!.Region).Distinct().ToListAsync(cancel));
    }

    /// <summary>Each sheet's target's region (null for none): the ranking's region filter.</summary>
    public async Task<IReadOnlyDictionary<int, string?>> SheetRegionsAsync(int campaignId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.Sheets.AsNoTracking().Where(s => s.CampaignId == campaignId).Select(s => new { s.Id, s.Target!.Region })
            .ToDictionaryAsync(s => s.Id, s => s.Region, cancel);
    }

    private static BoardRow Row(Sheet sheet, string target, string? team, SheetTally tally, Caller caller, CampaignDeadlines deadlines, DateOnly today)
    {
        var seesTeam = SheetAccess.CanSeeTeamFindings(caller, sheet.Facts);
        return new BoardRow(sheet.Id, target, team, sheet.State, seesTeam ? tally.Score : tally.Points, tally.Points,
            SheetAccess.EditableSide(caller, sheet.Facts) is not null, seesTeam, tally.SelfScore, seesTeam ? tally.Differences : 0,
            deadlines.DaysLate(sheet.State, today), deadlines.DueFor(sheet.State))
        {
            Deducted = seesTeam ? tally.Deducted : 0,
        };
    }
}
