using Kaoping.Scoring;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

public sealed record CampaignListItem(int Id, string Name, int Year, int RubricId, string RubricTitle, int SheetCount);

/// <summary>A row of the board: <c>score</c> is the team's (null for a reporter until published),
/// <c>selfScore</c> the self-assessment's once handed in, <c>differences</c> the items where they differ, <c>deducted</c> the
/// items the team took points off (0 while the caller may not see the team's findings), <c>region</c> the target's.</summary>
public sealed record BoardSheet(int Id, string Target, string? Team, string State, string StateName, decimal? Score, bool CanEdit,
    decimal? SelfScore, int Differences, DateOnly? Due, int DaysLate, int PendingAppeals, string? Region, int Deducted)
{
    public static BoardSheet Of(BoardRow r, bool english) => new(r.SheetId, r.Target, r.Team, Names.CamelCase(r.State.ToString()),
        english ? Campaigns.SheetStates.English(r.State) : Campaigns.SheetStates.Chinese(r.State),
        r.SeesTeam ? r.Score : null, r.CanEdit, r.SelfScore, r.Differences, r.Due, r.DaysLate, r.PendingAppeals, r.Region, r.Deducted);
}

/// <summary>One page of the board: <c>total</c> sheets match in all.</summary>
public sealed record BoardSheetPage(int Total, int Page, int PageSize, IReadOnlyList<BoardSheet> Items);

/// <summary>
/// A place in the ranking, as on the results page (<c>SchemeRanking</c>): <c>score</c> the total under the campaign's scheme,
/// <c>grade</c> after quotas; <c>sheetScore</c> and <c>categories</c> are the sheet's own (its rubric's points).
/// </summary>
public sealed record RankingRow(int Rank, string Target, decimal Score, IReadOnlyList<CategoryTotal> Categories, decimal SheetScore, string Grade,
    bool Vetoed);

public sealed record CategoryTotal(string Name, decimal Points, decimal Score);

public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/campaigns").WithTags("Campaigns").RequireAuthorization(Auth.ApiPolicy);
        api.MapGet("/", List);
        api.MapPost("/", Create).RequireAuthorization(Auth.AdminPolicy);
        api.MapGet("/{id:int}/sheets",
            Sheets).WithSummary("The sheets of the campaign the caller may see; optional state, team, q, region, late, differing, appeal, sort; "
            + "with page (and pageSize ≤ 500) one page: {total,page,pageSize,items}.");
        api.MapGet("/{id:int}/ranking", RankingOf).WithSummary("The ranking: for the office and leaders.");
        api.MapGet("/{id:int}/reports/{report}", Report)
            .WithSummary("ranking.xlsx, ranking.docx, circular.docx (the 通报; refused with 409 while sheets are unfinished or appeals pending, "
                + "unless ?draft=true, which says 草稿 on every page), "
                + "deductions.xlsx (per-item deduction statistics) or sheets.zip (every filled sheet as .xlsx; or those of sheetIds=1,2,3 "
                + "and/or of the board's filter state, team, q, region, late, differing, appeal): for the office and leaders.");
        api.MapCampaignAdministration();
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<CampaignListItem>>, ForbidHttpResult>> List(ApiCaller caller, CampaignService campaigns,
        CancellationToken cancel)
    {
        if (caller.Known is not { } known)
            return TypedResults.Forbid();
        var list = await campaigns.ListAsync(known, cancel);
        return TypedResults.Ok<IReadOnlyList<CampaignListItem>>([.. list.Select(c => new CampaignListItem(c.Id, c.Name, c.Year, c.RubricId,
            c.RubricTitle, c.SheetCount))]);
    }

    private static async Task<Results<Created<CampaignListItem>, ValidationProblem>> Create(CampaignInput input, CampaignService campaigns,
        HttpContext context, CancellationToken cancel)
    {
        try
        {
            var campaign = await campaigns.CreateAsync(input, context.User.Identity?.Name ?? "", cancel);
            return TypedResults.Created($"/api/campaigns/{campaign.Id}",
                new CampaignListItem(campaign.Id, campaign.Name, campaign.Year, campaign.RubricId, "", campaign.Sheets.Count));
        }
        catch (CampaignInputException e)
        {
            return TypedResults.ValidationProblem(e.Problems.Errors(context));
        }
    }

    /// <summary>Every matching sheet as a list; with <c>page</c>, one page of them with the total.</summary>
    private static async Task<IResult> Sheets(int id, string? state, string? team, string? q, string? region, string? page, string? pageSize,
        string? sort, bool? late, bool? differing, bool? appeal, ApiCaller caller, CampaignBoards campaigns, CancellationToken cancel)
    {
        var problems = new Dictionary<string, Text.LocalizedText>();
        var query = BoardQuery.Read(state, team, q, page, pageSize, sort, late ?? false, differing ?? false, appeal ?? false, problems, region);
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { caller.Text(p.Value) }));
        IReadOnlyList<BoardRow>? board;
        try
        {
            board = caller.Known is { } known ? await campaigns.BoardAsync(id, known, query, cancel) : null;
        }
        catch (CampaignInputException e)
        {
            return TypedResults.ValidationProblem(e.Problems.ToDictionary(p => p.Key, p => new[] { caller.Text(p.Value) }));
        }
        if (board is null)
            return TypedResults.NotFound();
        if (query.Page is not { } number)
            return TypedResults.Ok<IReadOnlyList<BoardSheet>>([.. board.Select(r => BoardSheet.Of(r, caller.English))]);
        var items = board.Skip((number - 1) * query.PageSize).Take(query.PageSize).Select(r => BoardSheet.Of(r, caller.English)).ToList();
        return TypedResults.Ok(new BoardSheetPage(board.Count, number, query.PageSize, items));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult, ProblemHttpResult>> Report(
        int id, string report, bool? draft, ApiCaller caller, CampaignService campaigns, Services.Results.ResultsService schemeResults,
        CampaignBoards boards, HttpRequest request, CancellationToken cancel)
    {
        if (caller.Known is not { } known || known.Role is not (Campaigns.Role.Admin or Campaigns.Role.Leader))
            return TypedResults.Forbid();
        Action<Stream, Documents.Reports.CampaignResults>? write = report switch
        {
            "ranking.xlsx" => Documents.Reports.CampaignReports.WriteRanking,
            "deductions.xlsx" => Documents.Reports.CampaignReports.WriteDeductions,
            "sheets.zip" => Documents.Reports.CampaignReports.WriteAllSheets,
            "ranking.docx" => Documents.Reports.CircularDocxWriter.WriteRanking,
            "circular.docx" => (s, r) => Documents.Reports.CircularDocxWriter.WriteCircular(s, r),
            _ => null,
        };
        if (write is null || await campaigns.ResultsAsync(id, known, cancel) is not { } results)
            return TypedResults.NotFound();
        // The ranking and grades are the scheme's, as on the results page.
        if (await schemeResults.ResultsAsync(id, known, cancel) is { } set)
            results = results with { Ranking = [.. set.Ranked.Select(ResultsApi.PlaceOf)] };
        if (report == "sheets.zip")
        {
            var (chosen, problems) = await ChosenSheets.ReadAsync(id, request.Query, known, boards, cancel);
            if (problems.Count > 0)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: string.Join("；", problems.Values.Select(caller.Text)));
            if (chosen is not null)
                results = results with { Sheets = [.. results.Sheets.Where(s => chosen.Contains(s.Target))],
                    Unfinished = [.. results.Unfinished.Where(u => chosen.Contains(u.Score.Target))] };
        }
        if (report == "circular.docx")
        {
            if (draft != true && results.Missing is { Count: > 0 } missing)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: caller.Text(Text.LocalizedText.Format(
                    "结果尚未完成，通报不能印发：{0}。如需草稿，请选择“通报草稿”（draft=true）。",
                    "the result is not complete, the circular cannot be issued: {0}. Ask for a draft (draft=true) if needed.",
                    string.Join("；", missing))));
            results = results with { Draft = draft == true };
        }
        using var output = new MemoryStream();
        write(output, results);
        var (type, name) = report switch
        {
            "sheets.zip" => ("application/zip", "考评表.zip"),
            "deductions.xlsx" => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "扣分统计.xlsx"),
            "ranking.docx" => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "排名.docx"),
            "circular.docx" => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", results.Draft ? "通报（草稿）.docx" : "通报.docx"),
            _ => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "排名.xlsx"),
        };
        return TypedResults.File(output.ToArray(), type, $"{results.Heading.Campaign}-{name}");
    }

    private static async Task<Results<Ok<IReadOnlyList<RankingRow>>, NotFound, ForbidHttpResult>> RankingOf(int id, ApiCaller caller,
        CampaignService campaigns, Services.Results.ResultsService schemeResults, CancellationToken cancel)
    {
        if (caller.Known is not { } known)
            return TypedResults.Forbid();
        if (known.Role is not (Campaigns.Role.Admin or Campaigns.Role.Leader))
            return TypedResults.Forbid();
        if (await schemeResults.ResultsAsync(id, known, cancel) is not { } set || await campaigns.ResultsAsync(id, known, cancel) is not { } sheets)
            return TypedResults.NotFound();
        var scores = sheets.Sheets.ToDictionary(s => s.Target, StringComparer.Ordinal);
        return TypedResults.Ok<IReadOnlyList<RankingRow>>([.. set.Ranked.Where(r => scores.ContainsKey(r.Result.Target)).Select(r =>
        {
            var sheet = scores[r.Result.Target];
            return new RankingRow(r.Place.Rank, r.Result.Target, r.Result.Score,
                [.. sheet.Categories.Select(c => new CategoryTotal(c.Name, c.Points, c.Score))],
                sheet.Score, r.Place.Grade, r.Result.Vetoed);
        })]);
    }
}
