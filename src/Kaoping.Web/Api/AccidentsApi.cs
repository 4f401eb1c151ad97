using Kaoping.Data.Entities;
using Kaoping.Text;
using Kaoping.Web.Services.Accidents;
using Kaoping.Web.Services.Results;
using Microsoft.AspNetCore.Mvc;

namespace Kaoping.Web.Api;

/// <summary>A target's accident statistics as the API takes them; a missing number is 0, a missing concealment “no”.</summary>
public sealed record AccidentFigures(int? Deaths, int? Injuries, int? Serious, int? Major, int? EspeciallyMajor, int? DeathQuota, bool? Concealed,
    int? Accidents = null, int? AccidentQuota = null, int? MineFatalAccidents = null)
{
    public AccidentInput ToInput() => new(Deaths ?? 0, Injuries ?? 0, Serious ?? 0, Major ?? 0, EspeciallyMajor ?? 0, DeathQuota ?? 0, Concealed ?? false,
        Accidents ?? 0, AccidentQuota ?? 0, MineFatalAccidents ?? 0);
}

/// <summary>A target's statistics: <c>accidents</c> (事故起数), <c>accidentQuota</c> (its control quota), <c>mineFatalAccidents</c> (非煤矿山亡人事故).</summary>
public sealed record AccidentOutput(int TargetId, string Target, bool Entered, int Deaths, int Injuries, int Serious, int Major, int EspeciallyMajor,
    int DeathQuota, bool Concealed, DateTimeOffset? ChangedAt, string? ChangedBy, int Accidents, int AccidentQuota, int MineFatalAccidents);

/// <summary><c>{"targetId","kind":"veto"|"bonus","key","clause","count","reason"}</c>.</summary>
public sealed record AdjustmentFigures(int TargetId, string? Kind, string? Key, int? Clause, int? Count, string? Reason);

public sealed record AdjustmentOutput(int Id, int TargetId, string Kind, string Key, int? Clause, int Count, string Reason, string By, DateTimeOffset At);

public sealed record WithdrawInput(string? Reason);

/// <summary>
/// The inputs of a campaign's result beyond its sheets: the targets' accident statistics (entered one by one or imported
/// from the Excel template) and the office's vetoes and bonus items. The office and leaders read; the office changes.
/// </summary>
public static class AccidentsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapAccidentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/campaigns").WithTags("Results").RequireAuthorization(Auth.ApiPolicy).RequireCaller();
        api.MapGet("/{id:int}/accidents", List).WithSummary("Each target's accident statistics (entered: false when not yet): the office and leaders.");
        api.MapGet("/{id:int}/accidents/template.xlsx", Template).WithSummary("The Excel template, one row per target with the current figures.");
        api.MapPut("/{id:int}/accidents/{targetId:int}", Set).RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Enter a target's statistics {deaths,injuries,serious,major,especiallyMajor,deathQuota,concealed}; audited.");
        api.MapPost("/{id:int}/accidents/import", Import).RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Import the filled template (multipart \"file\"): all rows or none; a wrong cell → 400 naming its row and column; audited.");
        api.MapGet("/{id:int}/adjustments", Adjustments).WithSummary("The office's vetoes and bonus items per target, with their reasons.");
        api.MapPost("/{id:int}/adjustments", Add).RequireAuthorization(Auth.AdminPolicy).RequireAntiforgeryForCookies()
            .WithSummary("Set a veto or a bonus item for a target with the reason: {targetId,kind:\"veto\"|\"bonus\",key,clause,count,reason}; audited.");
        api.MapPost("/{id:int}/adjustments/{adjustmentId:int}/withdraw", Withdraw).RequireAuthorization(Auth.AdminPolicy)
            .RequireAntiforgeryForCookies().WithSummary("Withdraw a veto or bonus item {reason}; audited.");
        return routes;
    }

    private static async Task<IResult> List(int id, ApiCaller caller, AccidentService accidents, CancellationToken cancel) =>
        await accidents.ListAsync(id, caller.Caller, cancel) is { } entries ? TypedResults.Ok(entries.Select(Output).ToList()) : Refused(caller);

    private static async Task<IResult> Template(int id, ApiCaller caller, AccidentService accidents, CancellationToken cancel)
    {
        if (await accidents.ListAsync(id, caller.Caller, cancel) is not { } entries)
            return Refused(caller);
        return TypedResults.File(AccidentWorkbook.Template(entries.Select(e => (e.Target, e.Input))), Xlsx, "事故统计.xlsx");
    }

    private static async Task<IResult> Set(int id, int targetId, AccidentFigures figures, ApiCaller caller, AccidentService accidents,
        CancellationToken cancel)
    {
        var answer = await accidents.SetAsync(id, targetId, figures.ToInput(), caller.Caller, caller.UserName, cancel);
        if (answer.Outcome != ChangeOutcome.Saved)
            return Answer(answer, caller);
        var entries = await accidents.ListAsync(id, caller.Caller, cancel);
        return TypedResults.Ok(Output(entries!.First(e => e.TargetId == targetId)));
    }

    private static async Task<IResult> Import(int id, IFormFile? file, ApiCaller caller, AccidentService accidents, CancellationToken cancel)
    {
        if (file is null || file.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [caller.Text(new LocalizedText(
                "请在“file”字段上传填好的事故统计表（.xlsx）。", "Upload the filled workbook (.xlsx) in the field “file”."))] });
        await using var stream = file.OpenReadStream();
        var answer = await accidents.ImportAsync(id, stream, file.FileName, caller.Caller, caller.UserName, cancel);
        return answer.Outcome == ChangeOutcome.Saved ? TypedResults.Ok(new { changed = answer.Changed }) : Answer(answer, caller);
    }

    private static async Task<IResult> Adjustments(int id, ApiCaller caller, AdjustmentService adjustments, CancellationToken cancel) =>
        await adjustments.ListAsync(id, caller.Caller, cancel) is { } list ? TypedResults.Ok(list.Select(Output).ToList()) : Refused(caller);

    private static async Task<IResult> Add(int id, AdjustmentFigures figures, ApiCaller caller, AdjustmentService adjustments, CancellationToken cancel)
    {
        AdjustmentKind? kind = figures.Kind switch { "veto" => AdjustmentKind.Veto, "bonus" => AdjustmentKind.Bonus, _ => null };
        if (kind is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [caller.Text(LocalizedText.Format(
                "kind 应是 veto（一票否决）或 bonus（加分），读到的是“{0}”。", "kind must be veto or bonus; got “{0}”.", figures.Kind ?? ""))] });
        var (answer, added) = await adjustments.AddAsync(id, new AdjustmentInput(figures.TargetId, kind.Value, figures.Key, figures.Clause,
            figures.Count ?? 1, figures.Reason), caller.Caller, caller.UserName, cancel);
        return added is not null ? TypedResults.Created($"/api/campaigns/{id}/adjustments", Output(added)) : Answer(answer, caller);
    }

    private static async Task<IResult> Withdraw(int id, int adjustmentId, WithdrawInput input, ApiCaller caller, AdjustmentService adjustments,
        CancellationToken cancel)
    {
        var answer = await adjustments.WithdrawAsync(id, adjustmentId, input.Reason, caller.Caller, caller.UserName, cancel);
        return answer.Outcome == ChangeOutcome.Saved ? TypedResults.NoContent() : Answer(answer, caller);
    }

    private static IResult Refused(ApiCaller caller) =>
        caller.Caller.Role is Campaigns.Role.Admin or Campaigns.Role.Leader ? TypedResults.NotFound() : TypedResults.Forbid();

    private static IResult Answer(ChangeAnswer answer, ApiCaller caller) => answer.Outcome switch
    {
        ChangeOutcome.Forbidden => TypedResults.Forbid(),
        ChangeOutcome.NotFound => TypedResults.NotFound(),
        _ => TypedResults.ValidationProblem((answer.Problems ?? []).ToDictionary(p => p.Key, p => new[] { caller.Text(p.Value) })),
    };

    private static AccidentOutput Output(AccidentEntry e)
    {
        var i = e.Input ?? AccidentInput.None;
        return new AccidentOutput(e.TargetId, e.Target, e.Input is not null, i.Deaths, i.Injuries, i.Serious, i.Major, i.EspeciallyMajor, i.DeathQuota,
            i.Concealed, e.ChangedAt, e.ChangedBy, i.Accidents, i.AccidentQuota, i.MineFatalAccidents);
    }

    private static AdjustmentOutput Output(ResultAdjustment a) =>
        new(a.Id, a.TargetId, a.Kind == AdjustmentKind.Veto ? "veto" : "bonus", a.Key, a.Clause, a.Count, a.Reason, a.By, a.At);
}
