using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kaoping.Data.Sheets;

public enum SheetSaveOutcome
{
    Saved,

    /// <summary>The change declined to be made (a refusal): nothing was written.</summary>
    Refused,

    NotFound,

    /// <summary>Someone saved the sheet between this change's read and its save: nothing was written.</summary>
    Stale,
}

/// <summary>What became of a change: the sheet as saved (or as read, when refused) and the change's refusal.</summary>
public readonly record struct SheetSave<T>(SheetSaveOutcome Outcome, Sheet? Sheet, T? Refusal) where T : class;

/// <summary>
/// The one home of a sheet's persistence. Each operation takes a context of its own from the factory; connections,
/// snapshots, the kept rows and the change tracker stay in here.
/// <para>
/// A sheet's rows are kept a while with the sheet's version. The version rises in every save that changes the sheet or
/// its rows (<see cref="SheetVersions"/>), so rows kept for a version are what the database holds at that version,
/// whichever process wrote them: a read takes the header (whose campaign, target and team change without the sheet's
/// version) and, when the version matches, copies the kept rows — one query instead of seven.
/// </para>
/// </summary>
public sealed class SheetStore(IDbContextFactory<KaopingDbContext> contexts, IMemoryCache cache, SqliteWriteGate gate) : IAsyncDisposable
{
    private readonly StoreSessions _sessions = new(contexts);

    private static readonly MemoryCacheEntryOptions s_keep = new() { SlidingExpiration = TimeSpan.FromMinutes(10) };

    private readonly SheetQueries _queries = new();

    // Of the one model the factory's contexts share; made by the first change (a race makes two alike, one is kept).
    private SheetWriter? _writer;

    // SQLite's writes, one at a time in the gate, on one connection: SQLite drops a connection's page cache whenever
    // another connection wrote, so writes spread over the sessions' connections each began from a cold cache.
    private StoreSession? _sqliteWriter;

    /// <summary>The sheet with its campaign, target, team and rows (not its audit trail), to read; null when there is none.</summary>
    public async Task<Sheet?> ReadAsync(int id, CancellationToken cancel)
    {
        var session = await _sessions.TakeAsync(cancel);
        var healthy = false;
        try
        {
            var read = (await ReadAsync(session.Db, id, cancel))?.Sheet;
            healthy = true;
            return read;
        }
        finally
        {
            await _sessions.GiveBackAsync(session, healthy);
        }
    }

    /// <summary>The sheet's audit trail, oldest first.</summary>
    public async Task<List<SheetAuditEntry>> AuditAsync(int id, CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.SheetAudit.AsNoTracking().Where(e => e.SheetId == id).OrderBy(e => e.Id).ToListAsync(cancel);
    }

    /// <summary>
    /// One change of a sheet as a unit of work: reads the sheet, lets <paramref name="change"/> change it — or refuse, by
    /// returning its refusal — and writes what it changed (<see cref="SheetWriter"/>), provided nobody saved the sheet in
    /// between.
    /// </summary>
    public async Task<SheetSave<T>> ChangeAsync<T>(int id, Func<Sheet, Task<T?>> change, CancellationToken cancel) where T : class
    {
        var session = await _sessions.TakeAsync(cancel);
        var healthy = false;
        try
        {
            var save = await ChangeAsync(session, id, change, cancel);
            healthy = true;
            return save;
        }
        finally
        {
            await _sessions.GiveBackAsync(session, healthy);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteWriter is { } writer)
            await writer.DisposeAsync();
        await _sessions.DisposeAsync();
    }

    private async Task<SheetSave<T>> ChangeAsync<T>(StoreSession session, int id, Func<Sheet, Task<T?>> change, CancellationToken cancel) where T : class
    {
        var db = session.Db;
        if (await ReadAsync(db, id, cancel) is not ({ } sheet, { } rows))
            return new(SheetSaveOutcome.NotFound, null, null);
        var before = sheet.CopyHeader();
        if (await change(sheet) is { } refusal)
            return new(SheetSaveOutcome.Refused, sheet, refusal);
        var writer = _writer ??= new SheetWriter(db.Model);
        var plan = writer.PlanOf(before, rows, sheet);
        if (plan.Header.Count == 0 && plan.Rows.Count == 0)
            return new(SheetSaveOutcome.Saved, sheet, null);
        // SQLite takes one writer at a time: the write queues in the gate once for all its statements.
        var written = db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection
            ? await gate.HoldAsync(() => WriteOnSqliteAsync(writer, before, sheet, plan, cancel), cancel)
            : await writer.WriteAsync(session, before, sheet, plan, cancel);
        if (!written)
            return new(SheetSaveOutcome.Stale, null, null);
        cache.Set(Key(id), KeptRows.Of(sheet), s_keep);
        return new(SheetSaveOutcome.Saved, sheet, null);
    }

    // Called holding the gate: the writer session is this call's alone. One that failed is ended and made anew.
    private async Task<bool> WriteOnSqliteAsync(SheetWriter writer, Sheet before, Sheet sheet, SheetWriter.Plan plan, CancellationToken cancel)
    {
        var session = _sqliteWriter ??= await _sessions.OpenAsync(cancel);
        try
        {
            return await writer.WriteAsync(session, before, sheet, plan, cancel);
        }
        catch
        {
            _sqliteWriter = null;
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>The sheet, and its rows as they were read (kept, never changed: what a change is compared with).</summary>
    private async Task<(Sheet Sheet, KeptRows Rows)?> ReadAsync(KaopingDbContext db, int id, CancellationToken cancel)
    {
        // The header alone is one statement, hence of one moment: no snapshot needed when the rest was kept.
        if (await HeaderAsync(db, id) is not { } sheet)
            return null;
        if (cache.TryGetValue(Key(id), out KeptRows? kept) && kept!.Version == sheet.Version)
        {
            kept.CopyTo(sheet);
            return (sheet, kept);
        }
        await using var snapshot = await db.Database.SnapshotAsync(cancel);
        if (await HeaderAsync(db, id) is not { } read)
            return null;
        read.Findings = await SheetQueries.ListAsync(_queries.Findings(db, id), cancel);
        read.Remarks = await SheetQueries.ListAsync(_queries.Remarks(db, id), cancel);
        read.Evidence = await SheetQueries.ListAsync(_queries.Evidence(db, id), cancel);
        read.Appeals = await SheetQueries.ListAsync(_queries.Appeals(db, id), cancel);
        read.Transitions = await SheetQueries.ListAsync(_queries.Transitions(db, id), cancel);
        read.NotApplicable = await SheetQueries.ListAsync(_queries.NotApplicable(db, id), cancel);
        var rows = KeptRows.Of(read);
        cache.Set(Key(id), rows, s_keep);
        return (read, rows);
    }

    private async Task<Sheet?> HeaderAsync(KaopingDbContext db, int id)
    {
        if (await _queries.HeaderOf(db, id) is not { } header)
            return null;
        var sheet = header.Sheet;
        sheet.Campaign = header.Campaign;
        sheet.Target = header.Target;
        sheet.Team = header.Team;
        return sheet;
    }

    private static string Key(int id) => "sheet-rows:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
