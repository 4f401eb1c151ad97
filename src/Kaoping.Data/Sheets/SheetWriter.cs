using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kaoping.Data.Sheets;

/// <summary>
/// Writes a change of a sheet without the change tracker: what differs between the sheet as it was read and as it is
/// now — its own columns, rows added (id 0), changed or gone — in one transaction that first raises the sheet's version,
/// only if it is still the version read. Attaching a sheet's graph to a context and saving it through the change tracker
/// took about 40% of the server's CPU on a findings PUT (bench/README.md).
/// </summary>
internal sealed class SheetWriter(IModel model)
{
    /// <summary>A row type's columns that a change compares: all but the key and the concurrency token, with their getters.</summary>
    private sealed record Columns(IEntityType Type, (IProperty Property, IClrPropertyGetter Get)[] Compared);

    private enum Step
    {
        Insert,
        Update,
        Delete,
    }

    private sealed record RowWrite(Step Step, Columns Columns, ISheetRow Row, IReadOnlyList<IProperty> Changed);

    /// <summary>What a change writes: the sheet's own columns that changed, and its rows' writes.</summary>
    public sealed record Plan(IReadOnlyList<IProperty> Header, IReadOnlyList<object> Rows);

    private readonly Dictionary<Type, Columns> _columns = new[]
    {
        typeof(Sheet), typeof(SheetFinding), typeof(SheetRemark), typeof(SheetEvidence), typeof(SheetAppeal), typeof(SheetTransition), typeof(SheetAuditEntry),
        typeof(SheetNotApplicable),
    }.ToDictionary(t => t, t => ColumnsOf(model.FindEntityType(t)!));

    private static Columns ColumnsOf(IEntityType type) =>
        new(type, [.. type.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken).Select(p => (p, p.GetGetter()))]);

    /// <summary>What a change of the sheet writes; empty when it changed nothing.</summary>
    public Plan PlanOf(Sheet before, KeptRows rowsBefore, Sheet sheet)
    {
        var rows = new List<object>();
        Rows(rows, rowsBefore.Findings, sheet.Findings);
        Rows(rows, rowsBefore.Remarks, sheet.Remarks);
        Rows(rows, rowsBefore.Evidence, sheet.Evidence);
        Rows(rows, rowsBefore.Appeals, sheet.Appeals);
        Rows(rows, rowsBefore.Transitions, sheet.Transitions);
        Rows(rows, rowsBefore.NotApplicable, sheet.NotApplicable);
        Rows(rows, [], sheet.Audit.Where(e => e.Id == 0).ToList());
        return new(Changed(_columns[typeof(Sheet)], before, sheet), rows);
    }

    /// <summary>False, and nothing written, when someone saved the sheet since <paramref name="before"/> was read.</summary>
    public async Task<bool> WriteAsync(StoreSession session, Sheet before, Sheet sheet, Plan plan, CancellationToken cancel)
    {
        // The statements are the store's own, not the context's: an ADO.NET transaction of the session's connection.
        await using var transaction = await session.Db.Database.GetDbConnection().BeginTransactionAsync(cancel);
        var write = new RowStatements(session, transaction);
        var type = _columns[typeof(Sheet)].Type;
        var version = type.FindProperty(nameof(Sheet.Version))!;
        sheet.Version = before.Version + 1;
        if (await write.UpdateAsync(type, sheet, [.. plan.Header, version], (version, before.Version), cancel) == 0)
        {
            sheet.Version = before.Version;
            return false;
        }
        foreach (RowWrite row in plan.Rows)
        {
            row.Row.SheetId = sheet.Id;
            switch (row.Step)
            {
                case Step.Insert:
                    row.Row.Id = await write.InsertAsync(row.Columns.Type, row.Row, cancel);
                    break;
                case Step.Update:
                    await write.UpdateAsync(row.Columns.Type, row.Row, row.Changed, null, cancel);
                    break;
                case Step.Delete:
                    await write.DeleteAsync(row.Columns.Type, row.Row.Id, cancel);
                    break;
            }
        }
        await transaction.CommitAsync(cancel);
        return true;
    }

    private void Rows<T>(List<object> plan, IReadOnlyList<T> before, List<T> now) where T : class, ISheetRow
    {
        var columns = _columns[typeof(T)];
        var old = before.ToDictionary(r => r.Id);
        var kept = new HashSet<long>();
        foreach (var row in now)
        {
            if (row.Id == 0 || !old.TryGetValue(row.Id, out var was))
                plan.Add(new RowWrite(Step.Insert, columns, row, []));
            else if (kept.Add(row.Id) && Changed(columns, was, row) is { Count: > 0 } changed)
                plan.Add(new RowWrite(Step.Update, columns, row, changed));
        }
        foreach (var gone in before.Where(r => !kept.Contains(r.Id)))
            plan.Add(new RowWrite(Step.Delete, columns, gone, []));
    }

    private static List<IProperty> Changed(Columns columns, object before, object now)
    {
        var changed = new List<IProperty>();
        foreach (var (property, get) in columns.Compared)
        {
            if (!Equals(get.GetClrValueUsingContainingEntity(before), get.GetClrValueUsingContainingEntity(now)))
                changed.Add(property);
        }
        return changed;
    }
}
