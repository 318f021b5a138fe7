using Gongkai.Data;

namespace Gongkai.TestSupport;

/// <summary>A fresh database for one test, on either provider: a temporary SQLite file or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _folder;

    private TestDatabase(DatabaseSettings settings, string? folder)
    {
        Settings = settings;
        _folder = folder;
    }

    /// <summary>Both providers, for theories that run once per database.</summary>
    public static TheoryProviders Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    public DatabaseSettings Settings { get; }

    /// <summary>An empty database without schema.</summary>
    public static TestDatabase Empty(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            return new TestDatabase(PostgresServer.Instance.CreateDatabase(), null);
        }

        var folder = Path.Combine(Path.GetTempPath(), "gongkai-db-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase(DatabaseSettings.SqliteFile(Path.Combine(folder, "gongkai.db")), folder);
    }

    /// <summary>A database with the latest schema.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var db = Empty(provider);
        await SchemaMigrator.MigrateAsync(db.Settings);
        return db;
    }

    public GongkaiDbContext Open() => Settings.Open();

    public void Dispose()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>Database providers as xunit MemberData.</summary>
public sealed class TheoryProviders : List<object[]>
{
    public void Add(DatabaseProvider provider) => Add([provider]);
}
