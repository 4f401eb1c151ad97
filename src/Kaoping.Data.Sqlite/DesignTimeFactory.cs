using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kaoping.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for the Sqlite migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KaopingDbContext>
{
    public KaopingDbContext CreateDbContext(string[] args) => Create(DatabaseProvider.Sqlite, "Data Source=design.db");

    private static KaopingDbContext Create(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<KaopingDbContext>();
        options.UseKaopingDatabase(provider, connectionString);
        return new KaopingDbContext(options.Options);
    }
}
