using Gongkai.Data;

namespace Gongkai.Web.Infrastructure;

/// <summary>Where the web application's database is, from configuration.</summary>
public static class WebDatabase
{
    /// <summary>The SQLite file's name inside the data folder.</summary>
    public const string SqliteFileName = "gongkai.db";

    /// <summary>
    /// <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>) with <c>ConnectionStrings:Gongkai</c>;
    /// without a connection string, SQLite uses <c>gongkai.db</c> in the folder <c>GONGKAI_DATA</c> (default <c>./data</c>).
    /// </summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider 的值 “{providerName}” 无效，应为 Sqlite 或 PostgreSql");
        var connectionString = configuration.GetConnectionString("Gongkai");
        return provider switch
        {
            DatabaseProvider.PostgreSql => string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("使用 PostgreSQL 时须设置 ConnectionStrings:Gongkai（环境变量 ConnectionStrings__Gongkai）")
                : DatabaseSettings.PostgreSql(connectionString),
            DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(connectionString)
                ? DatabaseSettings.SqliteFile(Path.Combine(DataFolder(configuration), SqliteFileName))
                : new DatabaseSettings(DatabaseProvider.Sqlite, connectionString),
        };
    }

    /// <summary>The data folder: <c>GONGKAI_DATA</c>, default <c>./data</c>.</summary>
    public static string DataFolder(IConfiguration configuration) =>
        configuration["GONGKAI_DATA"] is { Length: > 0 } folder ? folder : Path.Combine(".", "data");
}
