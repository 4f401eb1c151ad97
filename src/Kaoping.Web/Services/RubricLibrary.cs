using System.Collections.Concurrent;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Documents.Rubrics;
using Kaoping.Rubrics;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>A rubric file read and checked, before anything is saved.</summary>
public sealed record RubricImport(string FileName, string? SourceText, Rubric? Rubric, LocalizedText? Error, IReadOnlyList<RubricProblem> Problems)
{
    public bool CanSave => Rubric is not null && Error is null && Problems.Count == 0;

    public IEnumerable<(RubricItem? Item, LocalizedText Warning)> Warnings =>
        Rubric is null ? [] : Rubric.Warnings.Select(w => ((RubricItem?)null, w))
            .Concat(Rubric.Items.SelectMany(i => i.Warnings.Select(w => ((RubricItem?)i, w))));
}

public sealed record RubricSummary(int Id, string Title, string? Annex, decimal Points, int Version, int? PreviousVersionId,
    int ItemCount, int Campaigns, bool Archived, DateTimeOffset CreatedAt)
{
    /// <summary>How many schemes of the library have the rubric as a part or as their bonus.</summary>
    public int Schemes { get; init; }

    public bool InUse => Campaigns > 0 || Schemes > 0;
}

/// <summary>What became of an archive, restore or delete.</summary>
public enum RubricOutcome
{
    Done,
    NotFound,
    InUse,
    InScheme,
}

/// <summary>The rubric library: import (read, check, then save), list, and the parsed model of a stored rubric.</summary>
public sealed class RubricLibrary(IDbContextFactory<KaopingDbContext> contexts, RubricCache cache, SecurityLog log, TimeProvider clock)
{
    public static RubricImport Read(Stream stream, string fileName, long maxBytes)
    {
        try
        {
            var bytes = BoundedStream.ReadAll(stream, (int)Math.Min(maxBytes, int.MaxValue), () => new InvalidInputException(LocalizedText.Format(
                "{0}：文件过大（超过{1} MB）。", "{0}: the file is too large (over {1} MB).", fileName, maxBytes / 1024 / 1024)));
            // A Word rubric is stored as the table text it reads to, so every stored rubric is read by one reader.
            var isWord = bytes.Length >= 4 && (bytes[0] == 'P' && bytes[1] == 'K' || bytes[0] == 0xD0 && bytes[1] == 0xCF);
            var source = isWord ? null : TextRubricReader.Decode(bytes, fileName);
            var table = source is null
                ? DocxRubricReader.ReadTable(new MemoryStream(bytes), fileName)
                : TextRubricReader.ReadTable(source, fileName);
            var rubric = RubricBuilder.Build(table);
            var text = source ?? TextRubricWriter.Write(table);
            return new RubricImport(fileName, text, rubric, null, RubricCheck.Check(rubric));
        }
        catch (InvalidInputException e)
        {
            return new RubricImport(fileName, null, null, e.Text, []);
        }
    }

    public async Task<StoredRubric> SaveAsync(RubricImport import, int? previousVersionId, string userName, CancellationToken cancel = default)
    {
        if (!import.CanSave)
            throw new InvalidOperationException("Only a rubric without problems is saved.");
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var version = 1;
        if (previousVersionId is { } previousId)
        {
            var previous = await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Id == previousId, cancel)
                ?? throw new InvalidInputException(LocalizedText.Format("没有编号为{0}的考评细则。", "there is no rubric {0}.", previousId));
            version = previous.Version + 1;
        }
        var stored = new StoredRubric
        {
            Title = import.Rubric!.Title,
            Annex = import.Rubric.Annex,
            Points = import.Rubric.Points,
            Version = version,
            PreviousVersionId = previousVersionId,
            SourceName = import.FileName,
            SourceText = import.SourceText!,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = userName,
        };
        db.Rubrics.Add(stored);
        await db.SaveChangesAsync(cancel);
        await log.RecordAsync(SecurityEventKind.RubricImported, null, userName, detail: Describe(stored), cancel: cancel);
        return stored;
    }

    /// <summary>The id of a built-in rubric in the library, stored first if it is not there yet.</summary>
    public async Task<int> StoreBuiltInAsync(string name, string userName, CancellationToken cancel = default)
    {
        if (!BuiltInRubrics.TryOpen(name, out var stream))
            throw new InvalidInputException(LocalizedText.Format("没有内置考评细则“{0}”。", "there is no built-in rubric “{0}”.", name));
        string text;
        using (var reader = new StreamReader(stream))
            text = await reader.ReadToEndAsync(cancel);
        return await StoreSourceAsync(BuiltInRubrics.Prefix + name, text, userName, cancel);
    }

    /// <summary>
    /// The id of the rubric stored from <paramref name="source"/> (the oldest of that name), stored from its text first if
    /// the library has none: the built-in rubrics and the demo's, which the first run seeds.
    /// </summary>
    public async Task<int> StoreSourceAsync(string source, string text, string userName, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (await db.Rubrics.Where(r => r.SourceName == source).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancel) is { } id)
            return id;
        var rubric = TextRubricReader.Read(text, source);
        var stored = new StoredRubric
        {
            Title = rubric.Title, Annex = rubric.Annex, Points = rubric.Points, SourceName = source, SourceText = text,
            CreatedAt = clock.GetUtcNow(), CreatedBy = userName,
        };
        db.Rubrics.Add(stored);
        await db.SaveChangesAsync(cancel);
        return stored.Id;
    }

    public async Task<IReadOnlyList<RubricSummary>> ListAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var rubrics = await db.Rubrics.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancel);
        var used = await db.Campaigns.GroupBy(c => c.RubricId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var schemes = (await db.Schemes.AsNoTracking().Select(s => s.Json).ToListAsync(cancel)).SelectMany(Schemes.SchemeLibrary.RubricIds)
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        return [.. rubrics.Select(r => new RubricSummary(r.Id, r.Title, r.Annex, r.Points, r.Version, r.PreviousVersionId,
            Model(r).ItemCount, used.GetValueOrDefault(r.Id), r.ArchivedAt is not null, r.CreatedAt) { Schemes = schemes.GetValueOrDefault(r.Id) })];
    }

    /// <summary>The rubrics a new campaign may use: not archived.</summary>
    public async Task<IReadOnlyList<RubricSummary>> CurrentAsync(CancellationToken cancel = default) =>
        [.. (await ListAsync(cancel)).Where(r => !r.Archived)];

    /// <summary>
    /// A stored rubric with the same content (title, annex, points, every item, criterion and clause) as one just read,
    /// whatever file it came from: importing it again would only make a duplicate.
    /// </summary>
    public async Task<RubricSummary?> IdenticalAsync(Rubric rubric, CancellationToken cancel = default)
    {
        var content = RubricJson.Write(rubric, Language.Zh);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var candidates = await db.Rubrics.AsNoTracking().Where(r => r.Title == rubric.Title && r.Points == rubric.Points).ToListAsync(cancel);
        var same = candidates.FirstOrDefault(r => RubricJson.Write(Model(r), Language.Zh) == content);
        return same is null ? null : (await ListAsync(cancel)).First(r => r.Id == same.Id);
    }

    public async Task<RubricOutcome> ArchiveAsync(int id, bool archived, string userName, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (await db.Rubrics.FirstOrDefaultAsync(r => r.Id == id, cancel) is not { } stored)
            return RubricOutcome.NotFound;
        if ((stored.ArchivedAt is not null) == archived)
            return RubricOutcome.Done;
        (stored.ArchivedAt, stored.ArchivedBy) = archived ? (clock.GetUtcNow(), userName) : ((DateTimeOffset?)null, (string?)null);
        await db.SaveChangesAsync(cancel);
        await log.RecordAsync(archived ? SecurityEventKind.RubricArchived : SecurityEventKind.RubricRestored, null, userName,
            detail: Describe(stored), cancel: cancel);
        return RubricOutcome.Done;
    }

    /// <summary>Deletes a rubric no campaign and no scheme uses; a later version then points at the one this replaced.</summary>
    public async Task<RubricOutcome> DeleteAsync(int id, string userName, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (await db.Rubrics.FirstOrDefaultAsync(r => r.Id == id, cancel) is not { } stored)
            return RubricOutcome.NotFound;
        if (await db.Campaigns.AnyAsync(c => c.RubricId == id, cancel))
            return RubricOutcome.InUse;
        if ((await db.Schemes.AsNoTracking().Select(s => s.Json).ToListAsync(cancel)).Any(json => Schemes.SchemeLibrary.RubricIds(json).Contains(id)))
            return RubricOutcome.InScheme;
        foreach (var later in await db.Rubrics.Where(r => r.PreviousVersionId == id).ToListAsync(cancel))
            later.PreviousVersionId = stored.PreviousVersionId;
        db.Rubrics.Remove(stored);
        await db.SaveChangesAsync(cancel);
        await log.RecordAsync(SecurityEventKind.RubricDeleted, null, userName, detail: Describe(stored), cancel: cancel);
        return RubricOutcome.Done;
    }

    private static string Describe(StoredRubric rubric) => $"#{rubric.Id} {rubric.Annex} {rubric.Title} v{rubric.Version}".Replace("  ", " ");

    public async Task<(StoredRubric Stored, Rubric Model)?> GetAsync(int id, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var stored = await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancel);
        return stored is null ? null : (stored, Model(stored));
    }

    public Rubric Model(StoredRubric stored) => cache.Get(stored);

    /// <summary>The parsed model of a stored rubric, read from the database only the first time.</summary>
    public async Task<Rubric> ModelAsync(int rubricId, CancellationToken cancel = default)
    {
        if (cache.TryGet(rubricId) is { } model)
            return model;
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return Model(await db.Rubrics.AsNoTracking().FirstAsync(r => r.Id == rubricId, cancel));
    }
}

/// <summary>Stored rubrics never change, so their parsed model is kept by id.</summary>
public sealed class RubricCache
{
    private readonly ConcurrentDictionary<int, Rubric> _models = new();

    public Rubric Get(StoredRubric stored) =>
        _models.GetOrAdd(stored.Id, _ => TextRubricReader.Read(stored.SourceText, stored.SourceName));

    public Rubric? TryGet(int id) => _models.GetValueOrDefault(id);
}
