using Microsoft.EntityFrameworkCore.Design;

namespace Kaoping.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the context for the Postgres migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KaopingDbContext>
{
    public KaopingDbContext CreateDbContext(string[] args)
        => DatabaseSetup.CreateContext(DatabaseProvider.Postgres, "Host=localhost;Database=kaoping;Username=postgres");
}
