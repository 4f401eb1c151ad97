using Kaoping.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Data.Tests;

/// <summary>Both providers' migrations describe the current model: a change to the model without a migration in both fails here.</summary>
public class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=none")]
    public void Migrations_MatchTheModel(DatabaseProvider provider, string connectionString)
    {
        using var db = DatabaseSetup.CreateContext(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: run scripts/add-migration.sh NAME.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Migrations_HaveTheSameNamesForBothProviders()
    {
        static IEnumerable<string> Names(DatabaseProvider provider, string cs)
        {
            using var db = DatabaseSetup.CreateContext(provider, cs);
            return [.. db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..])];
        }

        Assert.Equal(Names(DatabaseProvider.Sqlite, "Data Source=:memory:"), Names(DatabaseProvider.Postgres, "Host=localhost;Database=none"));
    }
}
