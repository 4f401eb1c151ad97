using Microsoft.EntityFrameworkCore.Design;

namespace Kaoping.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for the Sqlite migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KaopingDbContext>
{
    public KaopingDbContext CreateDbContext(string[] args) => DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, "Data Source=design.db");
}
