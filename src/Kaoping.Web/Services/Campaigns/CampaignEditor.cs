using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>A team as edited: an existing one by its id, a new one without; <c>targetIds</c> are all of its targets.</summary>
public sealed record TeamEdit(int? Id, string Name, IReadOnlyList<string> MemberUserIds, IReadOnlyList<int> TargetIds);

/// <summary>
/// A campaign as the office edits it: name and deadlines replace the old ones; teams, when given, are the whole new list
/// (a team left out is removed and its targets are left without a team); targets are added, or removed while their sheet
/// has not started.
/// </summary>
public sealed record CampaignEdit(
    string Name,
    DateOnly? SelfAssessmentDue = null,
    DateOnly? AssessmentDue = null,
    DateOnly? ReviewDue = null,
    DateOnly? ApprovalDue = null,
    DateOnly? AppealDue = null,
    IReadOnlyList<TeamEdit>? Teams = null,
    IReadOnlyList<int>? AddTargetIds = null,
    IReadOnlyList<int>? RemoveTargetIds = null,
    bool SelfAssessment = true);

public sealed record CampaignSheetFact(int TargetId, string Target, int? TeamId, SheetState State);

/// <summary>
/// Edits a campaign for the office: checked as a whole first (nothing is saved when anything is wrong), then saved in one
/// transaction with an entry of the campaign's audit trail for each kind of change.
/// </summary>
public sealed class CampaignEditor(IDbContextFactory<KaopingDbContext> contexts, Callers callers, TimeProvider clock)
{
    /// <summary>The campaign's sheets as its edit page lists them: target, team and state, in the office's order.</summary>
    public async Task<IReadOnlyList<CampaignSheetFact>> SheetsAsync(int id, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.Sheets.AsNoTracking().Where(s => s.CampaignId == id).OrderBy(s => s.TargetId)
            .Select(s => new CampaignSheetFact(s.TargetId, s.Target!.Name, s.TeamId, s.State)).ToListAsync(cancel);
    }

    /// <summary>Null when there is no such campaign; a <see cref="CampaignInputException"/> when the edit is wrong.</summary>
    public async Task<Campaign?> EditAsync(int id, CampaignEdit edit, string userName, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var campaign = await db.Campaigns.Include(c => c.Teams).ThenInclude(t => t.Members).Include(c => c.Sheets).ThenInclude(s => s.Target)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, cancel);
        if (campaign is null)
            return null;
        var check = await CampaignEditCheck.RunAsync(db, campaign, edit, cancel);
        if (check.Problems.Count > 0)
            throw new CampaignInputException(check.Problems);
        var now = clock.GetUtcNow();
        var audit = new List<CampaignAuditEntry>();
        void Audit(CampaignChange kind, string? before, string? after)
        {
            if (before != after)
                audit.Add(new CampaignAuditEntry { CampaignId = id, Kind = kind, Before = CampaignAuditEntry.Clip(before), After =
                    CampaignAuditEntry.Clip(after), By = userName, At = now });
        }

        Audit(CampaignChange.Edited, CampaignText.Header(campaign), CampaignText.Header(edit));
        campaign.Name = edit.Name.Trim();
        (campaign.SelfAssessmentDue, campaign.AssessmentDue, campaign.ReviewDue, campaign.ApprovalDue, campaign.AppealDue) =
            (edit.SelfAssessmentDue, edit.AssessmentDue, edit.ReviewDue, edit.ApprovalDue, edit.AppealDue);

        var removed = campaign.Sheets.Where(s => check.Removed.Contains(s.TargetId)).ToList();
        Audit(CampaignChange.TargetRemoved, removed.Count == 0 ? null : string.Join("、", removed.Select(s => s.Target!.Name)), null);
        var added = await db.Targets.Where(t => check.Added.Contains(t.Id)).ToListAsync(cancel);
        Audit(CampaignChange.TargetAdded, null, added.Count == 0 ? null : string.Join("、", added.Select(t => t.Name)));

        var teamsBefore = CampaignText.Teams(campaign.Teams, campaign.Sheets);
        var touchedUsers = campaign.Teams.SelectMany(t => t.Members).Select(m => m.UserId).ToHashSet();
        // A sheet removed has not started: its rows (the opening transition and its audit entry) go with it, by the database's cascade.
        foreach (var sheet in removed)
        {
            campaign.Sheets.Remove(sheet);
            db.Sheets.Remove(sheet);
        }
        foreach (var target in added)
        {
            var sheet = new Sheet { TargetId = target.Id, Target = target, State = SheetState.NotStarted };
            if (edit.SelfAssessment)
                sheet.Move(SheetAction.StartSelfAssessment, SheetState.SelfAssessing, null, userName, now);
            campaign.Sheets.Add(sheet);
        }
        if (edit.Teams is { } teams)
        {
            ApplyTeams(campaign, teams);
            Audit(CampaignChange.Teams, teamsBefore, CampaignText.Teams(campaign.Teams, campaign.Sheets));
            touchedUsers.UnionWith(teams.SelectMany(t => t.MemberUserIds));
        }
        db.CampaignAudit.AddRange(audit);
        await db.SaveChangesAsync(cancel);
        foreach (var user in touchedUsers)
            callers.Forget(user);
        return campaign;
    }

    private static void ApplyTeams(Campaign campaign, IReadOnlyList<TeamEdit> teams)
    {
        var kept = new List<Team>();
        foreach (var edit in teams)
        {
            var team = edit.Id is { } teamId ? campaign.Teams.Single(t => t.Id == teamId) : new Team { Name = edit.Name.Trim() };
            team.Name = edit.Name.Trim();
            var members = edit.MemberUserIds.Distinct().ToHashSet();
            team.Members.RemoveAll(m => !members.Contains(m.UserId));
            foreach (var user in members.Where(u => team.Members.All(m => m.UserId != u)))
                team.Members.Add(new TeamMember { UserId = user });
            if (edit.Id is null)
                campaign.Teams.Add(team);
            kept.Add(team);
            foreach (var sheet in campaign.Sheets.Where(s => edit.TargetIds.Contains(s.TargetId)))
                sheet.Team = team;
        }
        var assigned = teams.SelectMany(t => t.TargetIds).ToHashSet();
        foreach (var sheet in campaign.Sheets.Where(s => !assigned.Contains(s.TargetId)))
        {
            sheet.Team = null;
            sheet.TeamId = null;
        }
        campaign.Teams.RemoveAll(t => !kept.Contains(t));
    }
}
