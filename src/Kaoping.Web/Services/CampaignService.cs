using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Scoring;
using Kaoping.Text;
using Kaoping.Web.Services.Results;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

public sealed record TeamInput(string Name, IReadOnlyList<string> MemberUserIds, IReadOnlyList<int> TargetIds);

public sealed record CampaignInput(
    string Name,
    int Year,
    int RubricId,
    IReadOnlyList<TeamInput> Teams,
    IReadOnlyList<int> TargetIds,
    DateOnly? SelfAssessmentDue = null,
    DateOnly? AssessmentDue = null,
    DateOnly? ApprovalDue = null,
    DateOnly? ReviewDue = null,
    DateOnly? AppealDue = null,
    bool SelfAssessment = true,
    int? SchemeId = null);

public sealed record CampaignSummary(int Id, string Name, int Year, int RubricId, string RubricTitle, int SheetCount, DateOnly? AssessmentDue);

/// <summary>Campaigns: create them, list those a caller takes part in, their board and ranking.</summary>
public sealed class CampaignService(IDbContextFactory<KaopingDbContext> contexts, RubricLibrary rubrics, Callers callers,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(Caller caller, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var campaigns = db.Campaigns.AsNoTracking();
        campaigns = caller.Role switch
        {
            Role.Admin or Role.Leader => campaigns,
            Role.Assessor => campaigns.Where(c => c.Teams.Any(t => caller.TeamIds.Contains(t.Id))),
            Role.Reporter => campaigns.Where(c => c.Sheets.Any(s => s.TargetId == caller.TargetId)),
            Role.SystemAdmin or Role.Auditor => campaigns.Where(c => false), // no assessment work (三员分立)
        };
        return await campaigns.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new CampaignSummary(c.Id, c.Name, c.Year, c.RubricId, c.Rubric!.Title, c.Sheets.Count, c.AssessmentDue))
            .ToListAsync(cancel);
    }

    public async Task<Campaign?> FindAsync(int id, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.Campaigns.AsNoTracking().Include(c => c.Rubric).Include(c => c.Teams).ThenInclude(t => t.Members)
            .FirstOrDefaultAsync(c => c.Id == id, cancel);
    }

    /// <summary>
    /// Creates the campaign and one sheet per target: open for the targets' self-assessment (自评中), or, without one,
    /// waiting for the team (未开始). Nothing is saved when the input is wrong.
    /// </summary>
    public async Task<Campaign> CreateAsync(CampaignInput input, string userName, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var problems = await ValidateAsync(db, input, cancel);
        if (problems.Count > 0)
            throw new CampaignInputException(problems);
        var campaign = new Campaign
        {
            Name = input.Name.Trim(),
            Year = input.Year,
            RubricId = input.RubricId,
            SchemeId = input.SchemeId,
            SelfAssessmentDue = input.SelfAssessmentDue,
            AssessmentDue = input.AssessmentDue,
            ReviewDue = input.ReviewDue,
            ApprovalDue = input.ApprovalDue,
            AppealDue = input.AppealDue,
            CreatedAt = clock.GetUtcNow(),
        };
        var teamOf = new Dictionary<int, Team>();
        foreach (var teamInput in input.Teams)
        {
            var team = new Team { Name = teamInput.Name.Trim(), Members = [.. teamInput.MemberUserIds.Distinct().Select(u => new TeamMember { UserId = u })] };
            campaign.Teams.Add(team);
            foreach (var target in teamInput.TargetIds)
                teamOf[target] = team;
        }
        foreach (var targetId in input.TargetIds.Distinct())
        {
            var sheet = new Sheet { TargetId = targetId, Team = teamOf.GetValueOrDefault(targetId), State = SheetState.NotStarted };
            if (input.SelfAssessment)
                sheet.Move(SheetAction.StartSelfAssessment, SheetState.SelfAssessing, null, userName, clock.GetUtcNow());
            campaign.Sheets.Add(sheet);
        }
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancel);
        foreach (var sheet in campaign.Sheets)
            sheet.TeamId = sheet.Team?.Id;
        foreach (var member in campaign.Teams.SelectMany(t => t.Members))
            callers.Forget(member.UserId);
        return campaign;
    }

    private static async Task<Dictionary<string, LocalizedText>> ValidateAsync(KaopingDbContext db, CampaignInput input, CancellationToken cancel)
    {
        var problems = new Dictionary<string, LocalizedText>();
        if (string.IsNullOrWhiteSpace(input.Name))
            problems["name"] = new("请填写考评任务名称。", "the campaign needs a name.");
        var dues = new[] { input.SelfAssessmentDue, input.AssessmentDue, input.ReviewDue, input.ApprovalDue, input.AppealDue }.OfType<DateOnly>().ToList();
        if (!dues.SequenceEqual(dues.Order()))
            problems["deadlines"] = new("各阶段截止日期应依次为：自评、考评、复核、审定、申诉。",
                "the deadlines must follow the stages: self-assessment, assessment, review, approval, appeal.");
        if (input.Year is < 2000 or > 2100)
            problems["year"] = LocalizedText.Format("年度“{0}”不对。", "the year “{0}” is not right.", input.Year);
        var rubric = await db.Rubrics.AsNoTracking().Where(r => r.Id == input.RubricId).Select(r => new { r.ArchivedAt }).FirstOrDefaultAsync(cancel);
        if (rubric is null)
            problems["rubricId"] = LocalizedText.Format("没有编号为{0}的考评细则。", "there is no rubric {0}.", input.RubricId);
        else if (rubric.ArchivedAt is not null)
            problems["rubricId"] = LocalizedText.Format("考评细则{0}已归档，不能用于新的考评；请先在细则库中恢复它。",
                "rubric {0} is archived and cannot be used for a new campaign; restore it in the library first.", input.RubricId);
        if (input.SchemeId is { } schemeId)
        {
            var scheme = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId, cancel);
            if (scheme is null)
                problems["schemeId"] = LocalizedText.Format("没有编号为{0}的考核方案。", "there is no scheme {0}.", schemeId);
            else if (scheme.SheetRubricId != input.RubricId)
                problems["schemeId"] = LocalizedText.Format("考核方案“{0}”的考评表部分用的是考评细则{1}，不是所选的{2}。",
                    "the scheme “{0}” scores its sheets by rubric {1}, not the chosen {2}.", scheme.Title, scheme.SheetRubricId, input.RubricId);
        }
        var targets = input.TargetIds.Distinct().ToList();
        if (targets.Count == 0)
            problems["targetIds"] = new("请至少选择一个被考评单位。", "choose at least one target.");
        var known = await db.Targets.Where(t => targets.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancel);
        if (targets.Except(known).FirstOrDefault() is var unknown and > 0)
            problems["targetIds"] = LocalizedText.Format("没有编号为{0}的被考评单位。", "there is no target {0}.", unknown);
        var assigned = new HashSet<int>();
        for (var i = 0; i < input.Teams.Count; i++)
        {
            var team = input.Teams[i];
            if (string.IsNullOrWhiteSpace(team.Name))
                problems[$"teams[{i}].name"] = new("请填写考评组名称。", "the team needs a name.");
            foreach (var target in team.TargetIds)
            {
                if (!targets.Contains(target))
                    problems[$"teams[{i}].targetIds"] = LocalizedText.Format("考评组分到的单位{0}不在本次考评范围内。", "target {0} of the team is not in the campaign.", target);
                else if (!assigned.Add(target))
                    problems[$"teams[{i}].targetIds"] = LocalizedText.Format("单位{0}被分给了两个考评组。", "target {0} is given to two teams.", target);
            }
            var members = team.MemberUserIds.Distinct().ToList();
            var assessors = await (from ur in db.UserRoles
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   where members.Contains(ur.UserId) && r.Name == Roles.Assessor
                                   select ur.UserId).ToListAsync(cancel);
            if (members.Except(assessors).Any())
                problems[$"teams[{i}].memberUserIds"] = new("考评组成员必须是考评员。", "team members must be assessors.");
        }
        return problems;
    }

    /// <summary>Every sheet of the campaign scored in full (the team's findings), in the office's order, with its pending appeals.</summary>
    private async Task<IReadOnlyList<(Sheet Sheet, SheetScore Score, int Pending)>> ScoredAsync(int campaignId, CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancel);
        if (campaign is null)
            return [];
        var rubric = await rubrics.ModelAsync(campaign.RubricId, cancel);
        var sheets = await db.Sheets.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .Include(s => s.Target).Include(s => s.Findings).AsSplitQuery().OrderBy(s => s.TargetId).ToListAsync(cancel);
        var pending = await db.SheetAppeals.AsNoTracking()
            .Where(a => a.Status == AppealStatus.Pending && db.Sheets.Any(s => s.Id == a.SheetId && s.CampaignId == campaignId))
            .GroupBy(a => a.SheetId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        return [.. sheets.Select(s => (s, Scorer.Score(rubric, s.Target!.Name, s.ToFindings(FindingSide.Team)), pending.GetValueOrDefault(s.Id)))];
    }

    /// <summary>Everything the campaign's reports need: for the office and leaders only.</summary>
    public async Task<Documents.Reports.CampaignResults?> ResultsAsync(int campaignId, Caller caller, CancellationToken cancel = default)
    {
        if (caller.Role is not (Role.Admin or Role.Leader))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancel);
        if (campaign is null)
            return null;
        var board = await ScoredAsync(campaignId, cancel);
        var rubric = await rubrics.ModelAsync(campaign.RubricId, cancel);
        var marks = await db.SheetNotApplicable.AsNoTracking()
            .Join(db.Sheets.Where(s => s.CampaignId == campaignId), n => n.SheetId, s => s.Id, (n, s) => new { s.Target!.Name, n.ItemKey, n.Reason })
            .ToListAsync(cancel);
        return new Documents.Reports.CampaignResults(rubric, [.. board.Where(r => ResultStates.IsFinal(r.Sheet.State)).Select(r => r.Score)],
            new Documents.Sheets.SheetHeading(campaign.Name, campaign.Year))
        {
            Unfinished = [.. board.Where(r => !ResultStates.IsFinal(r.Sheet.State))
                .Select(r => new Documents.Reports.UnfinishedSheet(r.Score, r.Sheet.State.Chinese()))],
            PendingAppeals = board.Sum(r => r.Pending),
            NotApplicable = marks.GroupBy(m => m.Name).ToDictionary(g => g.Key,
                g => (IReadOnlyDictionary<Kaoping.Rubrics.ItemKey, string>)g.ToDictionary(m => m.ItemKey, m => m.Reason)),
        };
    }
}

public sealed class CampaignInputException(IReadOnlyDictionary<string, LocalizedText> problems) : Exception("The campaign input is not valid.")
{
    public IReadOnlyDictionary<string, LocalizedText> Problems { get; } = problems;
}
