using Kaoping.Campaigns;
using Kaoping.Text;
using Kaoping.Web.Services.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kaoping.Web.Api;

/// <summary>
/// A campaign's result, close to the CLI's <c>rank --json</c> and <c>result --json</c>: every ranked target with its
/// parts, bonus, vetoes, total and grade; the sheets not yet final under <c>unfinished</c>, never scored.
/// </summary>
public sealed record ResultsDocument(int CampaignId, string Campaign, int Year, SchemeOutput Scheme, IReadOnlyList<ResultOutput> Ranking,
    IReadOnlyList<UnfinishedOutput> Unfinished, int PendingAppeals, bool Complete);

public sealed record SchemeOutput(string Title, decimal Points, IReadOnlyList<SchemePartOutput> Parts, decimal? BonusCap, string VetoGrade,
    IReadOnlyList<GradeOutput> Grades);

public sealed record SchemePartOutput(string Key, string Name, decimal Points, string Rubric);

public sealed record GradeOutput(string Name, decimal Min, decimal? Quota);

/// <summary><c>grade</c> is after quotas (as <c>rank</c>), <c>bandGrade</c> the band's (as <c>result</c>).</summary>
public sealed record ResultOutput(int Rank, int SheetId, string Target, decimal Points, decimal Score, IReadOnlyList<PartOutput> Parts,
    decimal Bonus, IReadOnlyList<VetoOutput> Vetoes, bool Vetoed, string Grade, string BandGrade);

public sealed record PartOutput(string Key, string Name, decimal Points, decimal Score);

public sealed record VetoOutput(string Key, string Name, string? Reason);

/// <summary><c>accidentsMissing</c>: the scheme has an accident part and the target's statistics are not entered yet.</summary>
public sealed record UnfinishedOutput(int SheetId, string Target, string State, string StateName, bool AccidentsMissing);

public static class ResultsApi
{
    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/campaigns").WithTags("Results").RequireAuthorization(Auth.ApiPolicy).RequireCaller();
        api.MapGet("/{id:int}/results", Results)
            .WithSummary("The campaign's result under its scheme: final sheets ranked, the others listed as unfinished. For the office and leaders.");
        api.MapGet("/{id:int}/results.xlsx", (int id, ApiCaller caller, ResultsService results, CancellationToken cancel) =>
                TableAsync(id, "xlsx", caller, results, cancel))
            .WithSummary("汇总表 in Excel: every target, every part, bonus, vetoes, total, grade, rank; unfinished sheets as 未完成 with their state.");
        api.MapGet("/{id:int}/results.docx", (int id, ApiCaller caller, ResultsService results, CancellationToken cancel) =>
                TableAsync(id, "docx", caller, results, cancel))
            .WithSummary("汇总表 in Word, as results.xlsx.");
        return routes;
    }

    private static async Task<Results<Ok<ResultsDocument>, NotFound, ForbidHttpResult>> Results(int id, ApiCaller caller, ResultsService results,
        CancellationToken cancel)
    {
        if (caller.Caller.Role is not (Role.Admin or Role.Leader))
            return TypedResults.Forbid();
        if (await results.ResultsAsync(id, caller.Caller, cancel) is not { } set)
            return TypedResults.NotFound();
        return TypedResults.Ok(Of(set, caller.English));
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> TableAsync(int id, string format, ApiCaller caller,
        ResultsService results, CancellationToken cancel)
    {
        if (caller.Caller.Role is not (Role.Admin or Role.Leader))
            return TypedResults.Forbid();
        if (await results.ResultsAsync(id, caller.Caller, cancel) is not { } set)
            return TypedResults.NotFound();
        var table = TableOf(set);
        using var output = new MemoryStream();
        if (format == "xlsx")
            Documents.Reports.ResultsTableWriter.WriteXlsx(output, table);
        else
            Documents.Reports.ResultsTableWriter.WriteDocx(output, table);
        return TypedResults.File(output.ToArray(), Documents.Sheets.SheetExport.ContentType(format), $"{set.Campaign}-考评结果汇总表.{format}");
    }

    public static Documents.Reports.RankedResult PlaceOf(ResultRow row) =>
        new(row.Place.Rank, row.Result.Target, row.Result.Score, row.Place.Grade, [.. row.Vetoes.Select(VetoText)]);

    private static string VetoText(FiredVeto veto) => veto.Reason is { } why ? $"{veto.Name}（{why}）" : veto.Name;

    public static Documents.Reports.ResultsTable TableOf(CampaignResultSet set) =>
        new(set.Campaign, set.Year, set.Scheme,
            [.. set.Ranked.Select(r => new Documents.Reports.ResultsTableRow(r.Place, [.. r.Vetoes.Select(VetoText)]))],
            [.. set.Unfinished.Select(u => new Documents.Reports.ResultsTableUnfinished(u.Target, u.State.Chinese()))],
            set.PendingAppeals);

    public static ResultsDocument Of(CampaignResultSet set, bool english)
    {
        var scheme = set.Scheme;
        return new ResultsDocument(set.CampaignId, set.Campaign, set.Year,
            new SchemeOutput(scheme.Title, scheme.Points, [.. scheme.Parts.Select(p => new SchemePartOutput(p.Key, p.Name, p.Points, p.RubricSource))],
                scheme.Bonus?.Cap, scheme.VetoGrade, [.. scheme.Grades.Select(g => new GradeOutput(g.Name, g.Min, g.Quota))]),
            [.. set.Ranked.Select(r => new ResultOutput(r.Place.Rank, r.SheetId, r.Result.Target, r.Result.Points, r.Result.Score,
                [.. r.Result.Parts.Select(p => new PartOutput(p.Key, p.Name, p.Points, p.Score))], r.Result.Bonus,
                [.. r.Vetoes.Select(v => new VetoOutput(v.Key, v.Name, v.Reason))], r.Result.Vetoed, r.Place.Grade, r.Result.Grade))],
            [.. set.Unfinished.Select(u => new UnfinishedOutput(u.SheetId, u.Target, Names.CamelCase(u.State.ToString()),
                english ? SheetStates.English(u.State) : SheetStates.Chinese(u.State), u.MissingAccidents))],
            set.PendingAppeals, set.Complete);
    }
}
