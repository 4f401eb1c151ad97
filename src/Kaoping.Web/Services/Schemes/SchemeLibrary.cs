using System.Collections.Concurrent;
using System.Globalization;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Rubrics;
using Kaoping.Schemes;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Schemes;

public sealed record SchemeSummary(int Id, string Title, decimal Points, string SheetPart, int SheetRubricId, string? AccidentPart, int PartCount,
    bool InUse, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// The scheme library: a scheme's JSON or a form's spec checked by the Core (<see cref="SchemeBuilder"/>) with its rubrics
/// taken from the rubric library, then stored with every rubric named <c>library:ID</c>; list, and the model of a stored one.
/// A rubric is named <c>library:ID</c>, <c>builtin:NAME</c> (stored in the library when the scheme is saved), or by the
/// file name it was imported from (the newest of that name), so that a scheme file written beside its rubrics imports as is.
/// </summary>
public sealed class SchemeLibrary(IDbContextFactory<KaopingDbContext> contexts, RubricLibrary rubrics, SchemeCache cache, TimeProvider clock)
{
    public const string LibraryPrefix = "library:";

    public async Task<SchemeCheck> CheckJsonAsync(Stream json, string fileName, CancellationToken cancel = default)
    {
        var resolver = await ResolverAsync(cancel);
        try
        {
            return Checked(SchemeJson.Read(json, fileName, resolver.Open), fileName, resolver);
        }
        catch (InvalidInputException e)
        {
            return SchemeCheck.Refused(e);
        }
    }

    public async Task<SchemeCheck> CheckSpecAsync(SchemeSpec spec, CancellationToken cancel = default)
    {
        var resolver = await ResolverAsync(cancel);
        try
        {
            return Checked(SchemeBuilder.Build(spec, "考核方案", resolver.Open), "考核方案", resolver);
        }
        catch (InvalidInputException e)
        {
            return SchemeCheck.Refused(e);
        }
    }

    private static SchemeCheck Checked(Scheme scheme, string source, Resolver resolver)
    {
        if (SchemeCheck.WebProblem(scheme, source) is { } problem)
            return SchemeCheck.Refused(problem);
        var builtIns = scheme.Parts.Select(p => p.RubricSource).Concat(scheme.Bonus is { } b ? [b.RubricSource] : [])
            .Where(r => resolver.IdOf(r) is null).Distinct().ToList();
        return new SchemeCheck(scheme, null, null, SchemeCheck.Write(scheme, r => resolver.IdOf(r) is { } id ? Library(id) : r), builtIns);
    }

    /// <summary>Stores a checked scheme; null when the caller (as the database has them now) is not the office.</summary>
    public async Task<StoredScheme?> SaveAsync(SchemeCheck check, Caller? caller, string userName, CancellationToken cancel = default)
    {
        if (caller?.Role is not Role.Admin)
            return null;
        if (!check.CanSave)
            throw new InvalidOperationException("Only a scheme without problems is saved.");
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var json = check.Json!;
        foreach (var builtIn in check.BuiltIns)
        {
            var rubricId = await rubrics.StoreBuiltInAsync(builtIn[BuiltInRubrics.Prefix.Length..], userName, cancel);
            json = json.Replace($"\"{builtIn}\"", $"\"{Library(rubricId)}\"", StringComparison.Ordinal);
        }
        var scheme = check.Scheme!;
        var stored = new StoredScheme
        {
            Title = scheme.Title, Points = scheme.Points, Json = json, SheetPart = check.SheetPart!, AccidentPart = check.AccidentPart,
            CreatedAt = clock.GetUtcNow(), CreatedBy = userName,
            SheetRubricId = LibraryId(json, check.SheetPart!) ?? throw new InvalidOperationException("The sheet part has no library rubric."),
        };
        db.Schemes.Add(stored);
        await db.SaveChangesAsync(cancel);
        return stored;
    }

    public async Task<IReadOnlyList<SchemeSummary>> ListAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var used = (await db.Campaigns.Where(c => c.SchemeId != null).Select(c => c.SchemeId!.Value).Distinct().ToListAsync(cancel)).ToHashSet();
        var schemes = await db.Schemes.AsNoTracking().OrderByDescending(s => s.Id).ToListAsync(cancel);
        var list = new List<SchemeSummary>();
        foreach (var s in schemes)
            list.Add(new SchemeSummary(s.Id, s.Title, s.Points, s.SheetPart, s.SheetRubricId, s.AccidentPart, (await ModelAsync(s, cancel)).Parts.Count,
                used.Contains(s.Id), s.CreatedAt, s.CreatedBy));
        return list;
    }

    public async Task<(StoredScheme Stored, Scheme Model)?> GetAsync(int id, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var stored = await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancel);
        return stored is null ? null : (stored, await ModelAsync(stored, cancel));
    }

    /// <summary>The model of a stored scheme (stored schemes never change, so it is read once).</summary>
    public async Task<Scheme> ModelAsync(StoredScheme stored, CancellationToken cancel = default)
    {
        if (cache.TryGet(stored.Id) is { } model)
            return model;
        var resolver = await ResolverAsync(cancel);
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored.Json));
        return cache.Add(stored.Id, SchemeJson.Read(json, stored.Title, resolver.Open));
    }

    /// <summary>The library rubrics a stored scheme's JSON names (its parts' and its bonus's), each once.</summary>
    public static IEnumerable<int> RubricIds(string json) =>
        System.Text.RegularExpressions.Regex.Matches(json, "\"" + LibraryPrefix + "([0-9]{1,9})\"")
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct();

    public static string Library(int rubricId) => LibraryPrefix + rubricId.ToString(CultureInfo.InvariantCulture);

    private static int? LibraryId(string json, string partKey)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var part = document.RootElement.GetProperty("parts").EnumerateArray().First(p => p.GetProperty("key").GetString() == partKey);
        var reference = part.GetProperty("rubric").GetString() ?? "";
        return reference.StartsWith(LibraryPrefix, StringComparison.Ordinal)
            && int.TryParse(reference[LibraryPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private async Task<Resolver> ResolverAsync(CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var stored = await db.Rubrics.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancel);
        return new Resolver(stored, rubrics);
    }

    /// <summary>Opens the rubrics a scheme names, from the library as read once for the check.</summary>
    private sealed class Resolver(IReadOnlyList<StoredRubric> stored, RubricLibrary library)
    {
        public int? IdOf(string reference)
        {
            if (reference.StartsWith(LibraryPrefix, StringComparison.Ordinal))
                return int.TryParse(reference[LibraryPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && stored.Any(r => r.Id == id) ? id : null;
            return stored.LastOrDefault(r => r.SourceName == reference)?.Id;
        }

        public Rubric Open(string reference)
        {
            if (IdOf(reference) is { } id)
                return library.Model(stored.First(r => r.Id == id));
            if (reference.StartsWith(BuiltInRubrics.Prefix, StringComparison.Ordinal)
                && BuiltInRubrics.Names.Contains(reference[BuiltInRubrics.Prefix.Length..]))
                return BuiltInRubrics.Load(reference[BuiltInRubrics.Prefix.Length..]);
            throw new InvalidInputException(LocalizedText.Format(
                "考评细则库中没有“{0}”：请写 library:编号、builtin:名称，或先导入这个文件名的考评细则。",
                "the rubric library has no “{0}”: write library:ID or builtin:NAME, or import a rubric of that file name first.", reference));
        }
    }
}

/// <summary>Stored schemes never change, so their model is kept by id.</summary>
public sealed class SchemeCache
{
    private readonly ConcurrentDictionary<int, Scheme> _models = new();

    public Scheme? TryGet(int id) => _models.GetValueOrDefault(id);

    public Scheme Add(int id, Scheme scheme) => _models.GetOrAdd(id, scheme);
}
