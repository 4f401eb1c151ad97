using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kaoping.Data.Sheets;

/// <summary>
/// The SQL of a sheet's writes, written from the EF model: table and column names, each column's type mapping and
/// converter, so that a row is stored exactly as EF would store it. The one place with hand-written SQL.
/// </summary>
internal sealed class RowStatements(StoreSession session, DbTransaction transaction)
{
    private readonly KaopingDbContext db = session.Db;
    private readonly ISqlGenerationHelper _sql = session.Db.GetService<ISqlGenerationHelper>();

    public IEntityType Type<T>() => db.Model.FindEntityType(typeof(T))!;

    /// <summary>UPDATE of the given columns of one row, where its key (and <paramref name="guard"/>, a column's old value) matches; the rows changed.</summary>
    public Task<int> UpdateAsync(IEntityType type, object row, IReadOnlyList<IProperty> columns, (IProperty Column, object? Value)? guard,
        CancellationToken cancel)
    {
        var values = new List<(IProperty, object?)>();
        var set = string.Join(", ", columns.Select(c => Column(c) + " = " + Parameter(values, c, c.GetGetter().GetClrValueUsingContainingEntity(row))));
        var key = type.FindPrimaryKey()!.Properties[0];
        var where = Column(key) + " = " + Parameter(values, key, key.GetGetter().GetClrValueUsingContainingEntity(row));
        if (guard is { } g)
            where += " AND " + Column(g.Column) + " = " + Parameter(values, g.Column, g.Value);
        return Command($"UPDATE {Table(type)} SET {set} WHERE {where}", values).ExecuteNonQueryAsync(cancel);
    }

    public Task<int> DeleteAsync(IEntityType type, long id, CancellationToken cancel)
    {
        var values = new List<(IProperty, object?)>();
        var key = type.FindPrimaryKey()!.Properties[0];
        return Command($"DELETE FROM {Table(type)} WHERE {Column(key)} = {Parameter(values, key, id)}", values).ExecuteNonQueryAsync(cancel);
    }

    /// <summary>INSERT of every column but the generated key; the key the database gave the row.</summary>
    public async Task<long> InsertAsync(IEntityType type, object row, CancellationToken cancel)
    {
        var values = new List<(IProperty, object?)>();
        var key = type.FindPrimaryKey()!.Properties[0];
        var columns = type.GetProperties().Where(p => p != key).ToList();
        var placeholders = string.Join(", ", columns.Select(c => Parameter(values, c, c.GetGetter().GetClrValueUsingContainingEntity(row))));
        var sql = $"INSERT INTO {Table(type)} ({string.Join(", ", columns.Select(Column))}) VALUES ({placeholders}) RETURNING {Column(key)}";
        return Convert.ToInt64(await Command(sql, values).ExecuteScalarAsync(cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The session's command for the SQL (prepared the first time it runs), with its parameters as the columns' mappings make them.</summary>
    private DbCommand Command(string sql, List<(IProperty Column, object? Value)> values)
    {
        var command = session.Command(sql, transaction);
        for (var i = 0; i < values.Count; i++)
        {
            var name = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The mapping's parameter applies the column's converter (an item key's text, an enum's name).
            command.Parameters.Add(((RelationalTypeMapping)values[i].Column.GetTypeMapping()).CreateParameter(command, name, values[i].Value));
        }
        return command;
    }

    private string Table(IEntityType type) => _sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());

    private string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName());

    private string Parameter(List<(IProperty, object?)> values, IProperty property, object? value)
    {
        values.Add((property, value));
        return _sql.GenerateParameterNamePlaceholder("p" + (values.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
