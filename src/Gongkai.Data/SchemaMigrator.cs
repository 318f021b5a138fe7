using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>A schema script shipped with Gongkai: its version, description and SQL for one provider.</summary>
public sealed record SchemaScript(int Version, string Description, string Sql);

/// <summary>
/// Creates and upgrades the schema from numbered SQL scripts embedded in this assembly, one folder per
/// provider (<c>Schema/Sqlite/0001_initial.sql</c>, <c>Schema/PostgreSql/0001_initial.sql</c>), recording each
/// applied version in <c>schema_version</c>. See docs/adr/0004: EF's design-time tools are not available, and
/// explicit SQL keeps both providers' schemas reviewable.
/// </summary>
public static partial class SchemaMigrator
{
    /// <summary>The scripts for a provider, in version order.</summary>
    public static IReadOnlyList<SchemaScript> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Schema.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Name: n[prefix.Length..^4], Resource: n))
            .Select(n => (Match: ScriptName().Match(n.Name), n.Resource))
            .Where(n => n.Match.Success)
            .Select(n => new SchemaScript(
                int.Parse(n.Match.Groups[1].Value, CultureInfo.InvariantCulture),
                n.Match.Groups[2].Value,
                Read(assembly, n.Resource)))
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion(DatabaseProvider provider) => Scripts(provider).Max(s => s.Version);

    /// <summary>
    /// Brings the database up to <paramref name="targetVersion"/> (default: the latest), one script per
    /// transaction. Safe when several instances start at once: on PostgreSQL an advisory lock serialises them,
    /// on SQLite an immediate transaction does. Returns the versions applied.
    /// </summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(
        DatabaseSettings settings, int? targetVersion = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(settings);
        }

        await using var db = settings.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        }

        var applied = new List<int>();
        foreach (var script in Scripts(settings.Provider).Where(s => s.Version <= (targetVersion ?? int.MaxValue)))
        {
            await using var transaction = settings.Provider == DatabaseProvider.Sqlite
                ? await BeginImmediateAsync(connection, cancellationToken)
                : await connection.BeginTransactionAsync(cancellationToken);
            if (settings.Provider == DatabaseProvider.PostgreSql)
            {
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(4711001);", cancellationToken);
            }

            await ExecuteAsync(connection, transaction,
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);",
                cancellationToken);
            if (await IsAppliedAsync(connection, transaction, script.Version, cancellationToken))
            {
                await transaction.CommitAsync(cancellationToken);
                continue;
            }

            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t);";
                record.AddParameter("@v", script.Version);
                record.AddParameter("@d", script.Description);
                record.AddParameter("@t", (clock ?? TimeProvider.System).GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied.Add(script.Version);
        }

        return applied;
    }

    /// <summary>The version the database is at (0 when it has no schema yet).</summary>
    public static async Task<int> CurrentVersionAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        await using var db = settings.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        return await CurrentVersionAsync(connection, null, cancellationToken);
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_version' AND table_schema = current_schema();"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether this version's script has run. Asked per version, not as "current ≥ version", so a script numbered
    /// lower than one already applied (two branches merged in either order) still runs.
    /// </summary>
    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_version WHERE version = @v;";
        command.AddParameter("@v", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static ValueTask<DbTransaction> BeginImmediateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite: a non-deferred transaction is BEGIN IMMEDIATE, so two starters cannot both migrate.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<DbTransaction>(((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void EnsureSqliteFolder(DatabaseSettings settings)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_(.+)$")]
    private static partial Regex ScriptName();
}
