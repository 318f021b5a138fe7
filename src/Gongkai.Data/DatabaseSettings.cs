using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Gongkai.Data;

/// <summary>Which database server holds Gongkai's data.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (the default: one office, one machine).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (production, several instances behind a load balancer).</summary>
    PostgreSql,
}

/// <summary>Where the database is: a provider and its connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>A SQLite file (created if missing) in WAL mode with a busy timeout (see <see cref="SqliteConnectionSetup"/>).</summary>
    public static DatabaseSettings SqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString());

    /// <summary>A PostgreSQL connection string (Npgsql syntax: <c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public static DatabaseSettings PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    /// <summary>The options for a <see cref="GongkaiDbContext"/> on this database.</summary>
    public DbContextOptions<GongkaiDbContext> ContextOptions()
    {
        var builder = new DbContextOptionsBuilder<GongkaiDbContext>();
        Configure(builder);
        return builder.Options;
    }

    /// <summary>Configures an options builder (also used by the web host's AddDbContext).</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ConnectionString).AddInterceptors(SqliteConnectionSetup.Instance);
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(ConnectionString);
                break;
        }
    }

    /// <summary>Opens a context on this database.</summary>
    public GongkaiDbContext Open() => new(ContextOptions());

    /// <summary>A description without secrets, for messages and logs.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        DatabaseProvider.PostgreSql => DescribePostgres(ConnectionString),
    };

    private static string DescribePostgres(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}

/// <summary>
/// Every SQLite connection waits up to 5 s for a lock instead of failing at once, and syncs in WAL's
/// NORMAL mode (Jellyfin's settings: short transactions, no spurious "database is locked").
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static SqliteConnectionSetup Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Setup(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Setup(connection);
        return Task.CompletedTask;
    }

    private static void Setup(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
