using Kaoping.Text;
using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

/// <summary><c>{"action","comment","sheetIds":[…]}</c>: one workflow action on many sheets of the campaign.</summary>
public sealed record BulkTransitionInput(string? Action, string? Comment, IReadOnlyList<int>? SheetIds);

public sealed record BulkTransitionResult(int SheetId, bool Done, string? Error);

/// <summary>What became of each sheet, in the order asked, and how many were done and refused.</summary>
public sealed record BulkTransitionOutput(int Done, int Refused, IReadOnlyList<BulkTransitionResult> Results);

public sealed record CampaignAuditOutput(long Id, string Kind, string? Before, string? After, string By, DateTimeOffset At);

/// <summary>The office's administration of a campaign: bulk actions on its sheets, edits, and the campaign's own audit trail.</summary>
internal static class CampaignAdminApi
{
    public static RouteGroupBuilder MapCampaignAdministration(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:int}/transitions", Transitions).RequireAntiforgeryForCookies()
            .WithSummary("One action on many sheets: {\"action\",\"comment\",\"sheetIds\":[…]} → {\"results\":[{\"sheetId\",\"done\",\"error\"}]}; "
                + "each sheet by the rules of POST /api/sheets/{id}/transitions, refusals listed per sheet; an empty list or ids not in the campaign → 400.");
        api.MapPut("/{id:int}", Edit).RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Edit the campaign (the office): name, deadlines, teams (the whole list), addTargetIds, "
                + "removeTargetIds (sheets not started); audited.");
        api.MapGet("/{id:int}/audit", Audit).WithSummary("The campaign's own audit trail (edits, teams, targets added or removed): the office and leaders.");
        return api;
    }

    private static async Task<IResult> Transitions(int id, BulkTransitionInput input, ApiCaller caller, BulkTransitions bulk, CancellationToken cancel)
    {
        if (caller.Known is not { } known)
            return TypedResults.NotFound();
        if (SheetAnswers.ReadAction(input.Action) is not { } action)
            return SheetAnswers.BadAction(input.Action, caller);
        return await bulk.MoveAsync(id, action, input.Comment, input.SheetIds, known, caller.UserName, null, cancel) switch
        {
            BulkResult.Ran ran => TypedResults.Ok(new BulkTransitionOutput(ran.Outcomes.Count(o => o.Done), ran.Outcomes.Count(o => !o.Done),
                [.. ran.Outcomes.Select(o => new BulkTransitionResult(o.SheetId, o.Done, o.Error is null ? null : caller.Text(o.Error)))])),
            BulkResult.Refused refused => Problems(refused.Problems, caller),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<IResult> Edit(int id, CampaignEdit input, ApiCaller caller, CampaignEditor editor, CancellationToken cancel)
    {
        if (caller.Known is not { Role: Campaigns.Role.Admin })
            return TypedResults.Forbid();
        try
        {
            return await editor.EditAsync(id, input, caller.UserName, cancel) is { } campaign
                ? TypedResults.Ok(new CampaignListItem(campaign.Id, campaign.Name, campaign.Year, campaign.RubricId, "", campaign.Sheets.Count))
                : TypedResults.NotFound();
        }
        catch (CampaignInputException e)
        {
            return Problems(e.Problems, caller);
        }
    }

    private static async Task<IResult> Audit(int id, ApiCaller caller, CampaignAudit audit, CancellationToken cancel)
    {
        if (caller.Known is not { Role: Campaigns.Role.Admin or Campaigns.Role.Leader })
            return TypedResults.Forbid();
        return await audit.ListAsync(id, cancel) is { } entries
            ? TypedResults.Ok(entries.Select(e => new CampaignAuditOutput(e.Id, Names.CamelCase(e.Kind.ToString()), e.Before, e.After, e.By, e.At)).ToList())
            : TypedResults.NotFound();
    }

    private static IResult Problems(IReadOnlyDictionary<string, LocalizedText> problems, ApiCaller caller) =>
        TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { caller.Text(p.Value) }));
}
