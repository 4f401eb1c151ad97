using System.Data.Common;
using Kaoping.Campaigns;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kaoping.Data;

/// <summary>
/// Saves a change of one item of a sheet that was loaded without tracking: the most frequent write there is (every
/// input on the scoring sheet, every findings PUT). On SQLite every write waits for the one before it, so this one
/// holds the database as briefly as it can: its statements are written out beforehand, from the EF model's names and
/// type mappings, and run as plain commands (ADR 0007).
/// </summary>
public static class SheetItemWrites
{
    /// <summary>
    /// In one transaction: the sheet's new version (only if it is still at <paramref name="loadedVersion"/>), the item's
    /// findings and remark of one side as <paramref name="sheet"/> now has them, and the audit entries it has gained.
    /// False, and nothing written, when someone saved the sheet in between.
    /// </summary>
    public static Task<bool> SaveItemAsync(this KaopingDbContext db, Sheet sheet, int loadedVersion, FindingSide side, string itemKey, CancellationToken cancel)
    {
        var write = new Statements(db);
        var sheetType = write.Type<Sheet>();
        var move = write.Update(sheetType,
            [(nameof(Sheet.Version), sheet.Version), (nameof(Sheet.UpdatedAt), sheet.UpdatedAt), (nameof(Sheet.UpdatedBy), sheet.UpdatedBy)],
            [(nameof(Sheet.Id), sheet.Id), (nameof(Sheet.Version), loadedVersion)]);
        var ofItem = (IReadOnlyList<(string, object?)>)[(nameof(SheetFinding.SheetId), sheet.Id), (nameof(SheetFinding.Side), side), (nameof(SheetFinding.ItemKey), itemKey)];
        var findings = sheet.Findings.Where(f => f.Side == side && f.ItemKey == itemKey).ToList();
        var remarks = sheet.Remarks.Where(r => r.Side == side && r.ItemKey == itemKey).ToList();
        var audit = sheet.Audit.Where(e => e.Id == 0).ToList();
        findings.ForEach(f => f.SheetId = sheet.Id);
        remarks.ForEach(r => r.SheetId = sheet.Id);
        audit.ForEach(e => e.SheetId = sheet.Id);
        List<Statement> rest =
        [
            write.Delete(write.Type<SheetFinding>(), ofItem),
            write.Delete(write.Type<SheetRemark>(), ofItem),
            .. findings.Select(write.Insert),
            .. remarks.Select(write.Insert),
            .. audit.Select(write.Insert),
        ];
        // Only this change is saved, whatever a long-lived context (a page's) may still track.
        db.ChangeTracker.Clear();
        if (SqliteWriteGate.IsSqlite(db))
        {
            var writer = SqliteWriter.For(db.Database.GetConnectionString()!);
            return SqliteWriteGate.RunAsync(db, () => Task.FromResult(writer.InTransaction(() =>
            {
                if (move.Execute(writer) == 0)
                    return false;
                foreach (var statement in rest)
                    statement.Execute(writer);
                return true;
            })), cancel);
        }
        return SaveAsync(db, move, rest, cancel);
    }

    private static async Task<bool> SaveAsync(KaopingDbContext db, Statement move, IReadOnlyList<Statement> rest, CancellationToken cancel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        if (await move.ExecuteAsync(db, cancel) == 0)
            return false;
        foreach (var statement in rest)
            await statement.ExecuteAsync(db, cancel);
        await transaction.CommitAsync(cancel);
        return true;
    }

    /// <summary>One SQL statement and its parameters' values with the type mappings that make them what the database stores.</summary>
    private sealed record Statement(string Sql, IReadOnlyList<(RelationalTypeMapping Mapping, object? Value)> Parameters)
    {
        public int Execute(SqliteWriter writer)
        {
            var command = writer.Command(Sql);
            for (var i = 0; i < Parameters.Count; i++)
                command.Parameters.Add(Parameters[i].Mapping.CreateParameter(command, "@p" + i, Parameters[i].Value));
            return command.ExecuteNonQuery();
        }

        public async Task<int> ExecuteAsync(KaopingDbContext db, CancellationToken cancel)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = Sql;
            for (var i = 0; i < Parameters.Count; i++)
                command.Parameters.Add(Parameters[i].Mapping.CreateParameter(command, "@p" + i, Parameters[i].Value));
            return await command.ExecuteNonQueryAsync(cancel);
        }
    }

    /// <summary>Writes statements with the model's table and column names and each column's type mapping (and converter).</summary>
    private sealed class Statements(KaopingDbContext db)
    {
        private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
        private readonly List<(RelationalTypeMapping, object?)> _parameters = [];

        public IEntityType Type<T>() => db.Model.FindEntityType(typeof(T))!;

        public Statement Update(IEntityType type, IReadOnlyList<(string Property, object? Value)> set, IReadOnlyList<(string Property, object? Value)> where) =>
            Take($"UPDATE {Table(type)} SET {string.Join(", ", set.Select(s => Column(type, s)))} WHERE {Where(type, where)}");

        public Statement Delete(IEntityType type, IReadOnlyList<(string Property, object? Value)> where) =>
            Take($"DELETE FROM {Table(type)} WHERE {Where(type, where)}");

        /// <summary>Every column of the row but the key the database generates.</summary>
        public Statement Insert<T>(T row) where T : class
        {
            var type = Type<T>();
            var columns = type.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
            var names = string.Join(", ", columns.Select(p => _sql.DelimitIdentifier(p.GetColumnName())));
            var values = string.Join(", ", columns.Select(p => Parameter(p, p.PropertyInfo!.GetValue(row))));
            return Take($"INSERT INTO {Table(type)} ({names}) VALUES ({values})");
        }

        private string Table(IEntityType type) => _sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());

        private string Where(IEntityType type, IReadOnlyList<(string Property, object? Value)> conditions) =>
            string.Join(" AND ", conditions.Select(c => Column(type, c)));

        private string Column(IEntityType type, (string Property, object? Value) assignment)
        {
            var property = type.FindProperty(assignment.Property)!;
            return _sql.DelimitIdentifier(property.GetColumnName()) + " = " + Parameter(property, assignment.Value);
        }

        private string Parameter(IProperty property, object? value)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            _parameters.Add((mapping, value)); // CreateParameter applies the mapping's converter
            return _sql.GenerateParameterNamePlaceholder("p" + (_parameters.Count - 1));
        }

        // Each statement numbers its parameters from 0.
        private Statement Take(string sql)
        {
            var statement = new Statement(sql, [.. _parameters]);
            _parameters.Clear();
            return statement;
        }
    }
}
