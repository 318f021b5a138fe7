using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gongkai.Data;
using Npgsql;

namespace Gongkai.TestSupport;

/// <summary>
/// A real PostgreSQL server for the tests. With GONGKAI_TEST_POSTGRES set (a connection string of a user that
/// may create databases) that server is used; otherwise a private cluster is created in a temporary folder with
/// Debian's postgresql binaries, started on a free loopback port, and stopped when the test process ends.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string? _dataDir;
    private readonly string? _binDir;

    private PostgresServer(string adminConnectionString, string? dataDir, string? binDir)
    {
        AdminConnectionString = adminConnectionString;
        _dataDir = dataDir;
        _binDir = binDir;
    }

    /// <summary>The one server of this test process.</summary>
    public static PostgresServer Instance => Shared.Value;

    public string AdminConnectionString { get; }

    /// <summary>A new, empty database on the server, for one test.</summary>
    public DatabaseSettings CreateDatabase()
    {
        var name = "gk_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return DatabaseSettings.PostgreSql(builder.ToString());
    }

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return new PostgresServer(external, null, null);
        }

        var binDir = FindBinDir() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: the data tests need a real server. Install it (apt-get install postgresql) " +
            "or set GONGKAI_TEST_POSTGRES to a connection string.");
        var dataDir = Path.Combine(Path.GetTempPath(), $"gongkai-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", dataDir], null);
        }

        var port = FreePort();
        Run(Path.Combine(binDir, "initdb"), ["-D", Path.Combine(dataDir, "db"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], asRoot ? "postgres" : null);
        Run(Path.Combine(binDir, "pg_ctl"),
        [
            "-D", Path.Combine(dataDir, "db"), "-l", Path.Combine(dataDir, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {dataDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        ], asRoot ? "postgres" : null);
        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=30",
            dataDir, binDir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private void Stop(bool asRoot)
    {
        if (_dataDir is null || _binDir is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(Path.Combine(_binDir, "pg_ctl"), ["-D", Path.Combine(_dataDir, "db"), "-m", "immediate", "-w", "stop"], asRoot ? "postgres" : null);
        }
        finally
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static string? FindBinDir()
    {
        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }

        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string[] args, string? asUser)
    {
        var start = asUser is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser");
        if (asUser is not null)
        {
            foreach (var a in new[] { "-u", asUser, "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        }
    }
}
