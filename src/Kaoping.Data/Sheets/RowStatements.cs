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
internal sealed class RowStatements(KaopingDbContext db, DbTransaction transaction)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private readonly DbConnection _connection = db.Database.GetDbConnection();

    public IEntityType Type<T>() => db.Model.FindEntityType(typeof(T))!;

    /// <summary>UPDATE of the given columns of one row, where its key (and <paramref name="guard"/>, a column's old value) matches; the rows changed.</summary>
    public Task<int> UpdateAsync(IEntityType type, object row, IReadOnlyList<IProperty> columns, (IProperty Column, object? Value)? guard,
        CancellationToken cancel)
    {
        var command = Command();
        var set = string.Join(", ", columns.Select(c => Column(c) + " = " + Parameter(command, c, c.GetGetter().GetClrValueUsingContainingEntity(row))));
        var key = type.FindPrimaryKey()!.Properties[0];
        var where = Column(key) + " = " + Parameter(command, key, key.GetGetter().GetClrValueUsingContainingEntity(row));
        if (guard is { } g)
            where += " AND " + Column(g.Column) + " = " + Parameter(command, g.Column, g.Value);
        command.CommandText = $"UPDATE {Table(type)} SET {set} WHERE {where}";
        return Run(command, cancel);
    }

    public Task<int> DeleteAsync(IEntityType type, long id, CancellationToken cancel)
    {
        var command = Command();
        var key = type.FindPrimaryKey()!.Properties[0];
        command.CommandText = $"DELETE FROM {Table(type)} WHERE {Column(key)} = {Parameter(command, key, id)}";
        return Run(command, cancel);
    }

    /// <summary>INSERT of every column but the generated key; the key the database gave the row.</summary>
    public async Task<long> InsertAsync(IEntityType type, object row, CancellationToken cancel)
    {
        var command = Command();
        var key = type.FindPrimaryKey()!.Properties[0];
        var columns = type.GetProperties().Where(p => p != key).ToList();
        var values = string.Join(", ", columns.Select(c => Parameter(command, c, c.GetGetter().GetClrValueUsingContainingEntity(row))));
        command.CommandText = $"INSERT INTO {Table(type)} ({string.Join(", ", columns.Select(Column))}) VALUES ({values}) RETURNING {Column(key)}";
        await using (command)
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    private DbCommand Command()
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    private static async Task<int> Run(DbCommand command, CancellationToken cancel)
    {
        await using (command)
            return await command.ExecuteNonQueryAsync(cancel);
    }

    private string Table(IEntityType type) => _sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());

    private string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName());

    private string Parameter(DbCommand command, IProperty property, object? value)
    {
        var name = "p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The mapping's parameter applies the column's converter (an item key's text, an enum's name).
        command.Parameters.Add(((RelationalTypeMapping)property.GetTypeMapping()).CreateParameter(command, name, value));
        return _sql.GenerateParameterNamePlaceholder(name);
    }
}
