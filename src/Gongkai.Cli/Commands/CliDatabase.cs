using System.CommandLine;
using System.Data.Common;
using Gongkai.Data;

namespace Gongkai.Cli.Commands;

/// <summary>The <c>--db</c> / <c>--connection</c> options every data command takes, and opening the database they name.</summary>
internal sealed class CliDatabase
{
    private readonly Option<string?> _db = new("--db") { Description = "SQLite 数据库文件（不存在则创建）" };

    private readonly Option<string?> _connection = new("--connection")
    {
        Description = "PostgreSQL 连接串，如 \"Host=localhost;Database=gongkai;Username=gongkai;Password=…\"",
    };

    /// <summary>Adds both options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_db);
        command.Options.Add(_connection);
    }

    /// <summary>Whether the command line named a database at all.</summary>
    public bool IsGiven(ParseResult parse) => parse.GetValue(_db) is not null || parse.GetValue(_connection) is not null;

    /// <summary>
    /// Opens the database the options name, creating or upgrading its schema; null (with a message) when the
    /// options are wrong or the database cannot be reached.
    /// </summary>
    public async Task<GongkaiDbContext?> OpenAsync(ParseResult parse, CliOutput output, CancellationToken cancellationToken)
    {
        var file = parse.GetValue(_db);
        var connection = parse.GetValue(_connection);
        if (file is not null && connection is not null)
        {
            output.Fail("--db 与 --connection 只能二选一");
            return null;
        }

        if (file is null && connection is null)
        {
            output.Fail("请用 --db 指定 SQLite 数据库文件，或用 --connection 指定 PostgreSQL 连接串");
            return null;
        }

        DatabaseSettings settings;
        try
        {
            settings = file is not null ? DatabaseSettings.SqliteFile(file) : DatabaseSettings.PostgreSql(connection!);
        }
        catch (ArgumentException e)
        {
            output.Fail($"连接串无效：{e.Message}");
            return null;
        }

        try
        {
            await SchemaMigrator.MigrateAsync(settings, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // An unreachable server or an unwritable file is the user's to fix: say which and why, no stack trace.
            output.Fail($"无法打开数据库（{settings.Describe()}）：{e.Message}");
            return null;
        }

        return settings.Open();
    }
}
