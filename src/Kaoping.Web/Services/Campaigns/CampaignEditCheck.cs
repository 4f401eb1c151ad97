using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>What is wrong with an edit of a campaign, each under the field it is about; and the targets it adds and removes.</summary>
internal sealed record CampaignEditCheck(Dictionary<string, LocalizedText> Problems, HashSet<int> Added, HashSet<int> Removed)
{
    public static async Task<CampaignEditCheck> RunAsync(KaopingDbContext db, Campaign campaign, CampaignEdit edit, CancellationToken cancel)
    {
        var problems = new Dictionary<string, LocalizedText>();
        if (string.IsNullOrWhiteSpace(edit.Name))
            problems["name"] = new("请填写考评任务名称。", "the campaign needs a name.");
        else if (edit.Name.Trim().Length > 200)
            problems["name"] = new("考评任务名称不能超过200字。", "the name cannot be longer than 200 characters.");
        var dues = new[] { edit.SelfAssessmentDue, edit.AssessmentDue, edit.ReviewDue, edit.ApprovalDue, edit.AppealDue }.OfType<DateOnly>().ToList();
        if (!dues.SequenceEqual(dues.Order()))
        {
            problems["deadlines"] = new("各阶段截止日期应依次为：自评、考评、复核、审定、申诉。",
                "the deadlines must follow the stages: self-assessment, assessment, review, approval, appeal.");
        }
        var inCampaign = campaign.Sheets.Select(s => s.TargetId).ToHashSet();
        var added = (edit.AddTargetIds ?? []).ToHashSet();
        var removed = (edit.RemoveTargetIds ?? []).ToHashSet();
        var known = await db.Targets.Where(t => added.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancel);
        if (added.Except(known).FirstOrDefault() is var unknown and > 0)
            problems["addTargetIds"] = LocalizedText.Format("没有编号为{0}的被考评单位。", "there is no target {0}.", unknown);
        else if (added.FirstOrDefault(inCampaign.Contains) is var already and > 0)
            problems["addTargetIds"] = LocalizedText.Format("单位{0}已在本次考评中。", "target {0} is in the campaign already.", already);
        if (removed.FirstOrDefault(t => !inCampaign.Contains(t)) is var outside and > 0)
            problems["removeTargetIds"] = LocalizedText.Format("单位{0}不在本次考评中。", "target {0} is not in the campaign.", outside);
        else if (await StartedAsync(db, campaign, removed, cancel) is { } started)
        {
            problems["removeTargetIds"] = LocalizedText.Format("“{0}”的考评表已开始（{1}），不能移除。", "the sheet of “{0}” has started ({1}); it cannot be removed.",
                started.Target!.Name, new LocalizedText(started.State.Chinese(), started.State.English()));
        }
        if (added.Overlaps(removed))
            problems["removeTargetIds"] = new("同一单位不能既增加又移除。", "a target cannot be added and removed at once.");
        var after = inCampaign.Except(removed).Union(added).ToHashSet();
        if (edit.Teams is { } teams)
            await CheckTeamsAsync(db, campaign, teams, after, problems, cancel);
        if (after.Count == 0)
            problems["removeTargetIds"] = new("考评任务至少要有一个被考评单位。", "a campaign needs at least one target.");
        return new CampaignEditCheck(problems, added, removed);
    }

    /// <summary>The first sheet to remove that has started: moved past the self-assessment, or with anything entered.</summary>
    private static async Task<Sheet?> StartedAsync(KaopingDbContext db, Campaign campaign, HashSet<int> removed, CancellationToken cancel)
    {
        var sheets = campaign.Sheets.Where(s => removed.Contains(s.TargetId)).ToList();
        if (sheets.FirstOrDefault(s => s.State is not (SheetState.NotStarted or SheetState.SelfAssessing)) is { } moved)
            return moved;
        var ids = sheets.Select(s => s.Id).ToList();
        var entered = await db.SheetFindings.Where(f => ids.Contains(f.SheetId)).Select(f => f.SheetId)
            .Concat(db.SheetRemarks.Where(r => ids.Contains(r.SheetId)).Select(r => r.SheetId))
            .Concat(db.SheetEvidence.Where(e => ids.Contains(e.SheetId)).Select(e => e.SheetId))
            .FirstOrDefaultAsync(cancel);
        return entered == 0 ? null : sheets.First(s => s.Id == entered);
    }

    private static async Task CheckTeamsAsync(KaopingDbContext db, Campaign campaign, IReadOnlyList<TeamEdit> teams, HashSet<int> targets,
        Dictionary<string, LocalizedText> problems, CancellationToken cancel)
    {
        var assigned = new HashSet<int>();
        var ids = new HashSet<int>();
        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i];
            if (team.Id is { } id && (!ids.Add(id) || campaign.Teams.All(t => t.Id != id)))
                problems[$"teams[{i}].id"] = LocalizedText.Format("本次考评没有编号为{0}的考评组（或重复）。", "the campaign has no team {0} (or it is repeated).", id);
            if (string.IsNullOrWhiteSpace(team.Name))
                problems[$"teams[{i}].name"] = new("请填写考评组名称。", "the team needs a name.");
            else if (team.Name.Trim().Length > 100)
                problems[$"teams[{i}].name"] = new("考评组名称不能超过100字。", "the team's name cannot be longer than 100 characters.");
            foreach (var target in team.TargetIds ?? [])
            {
                if (!targets.Contains(target))
                {
                    problems[$"teams[{i}].targetIds"] = LocalizedText.Format("考评组分到的单位{0}不在本次考评范围内。",
                        "target {0} of the team is not in the campaign.", target);
                }
                else if (!assigned.Add(target))
                    problems[$"teams[{i}].targetIds"] = LocalizedText.Format("单位{0}被分给了两个考评组。", "target {0} is given to two teams.", target);
            }
            var members = (team.MemberUserIds ?? []).Distinct().ToList();
            var assessors = await (from ur in db.UserRoles
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   where members.Contains(ur.UserId) && r.Name == Roles.Assessor
                                   select ur.UserId).ToListAsync(cancel);
            if (members.Except(assessors).Any())
                problems[$"teams[{i}].memberUserIds"] = new("考评组成员必须是考评员。", "team members must be assessors.");
        }
    }
}

/// <summary>How a campaign's audit trail describes what changed: in Chinese, as the office reads it.</summary>
internal static class CampaignText
{
    public static string Header(Campaign c) => Header(c.Name, c.SelfAssessmentDue, c.AssessmentDue, c.ReviewDue, c.ApprovalDue, c.AppealDue);

    public static string Header(CampaignEdit e) => Header(e.Name.Trim(), e.SelfAssessmentDue, e.AssessmentDue, e.ReviewDue, e.ApprovalDue, e.AppealDue);

    private static string Header(string name, params DateOnly?[] dues)
    {
        string[] stages = ["自评", "考评", "复核", "审定", "申诉"];
        return name + "；截止日期：" + string.Join("，", stages.Zip(dues, (s, d) =>
            s + (d is { } day ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "无")));
    }

    public static string Teams(IEnumerable<Team> teams, IEnumerable<Sheet> sheets) =>
        string.Join("；", teams.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t =>
            $"{t.Name}（成员{t.Members.Count}人：{string.Join("、", sheets.Where(s => s.Team == t).Select(s => s.Target?.Name).Order(StringComparer.Ordinal))}）"));
}
