using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Cases;

/// <summary>
/// The real web server (the built Gongkai.Web.dll, a child process on its own SQLite file) killed with SIGKILL while
/// online applications arrive from several clients, then started again: what an applicant was shown is kept, what was
/// not shown can be had by submitting the same form again, and the database file is sound.
/// </summary>
public sealed partial class ApplyCrashTests
{
    private const int Applications = 1000;
    private const int Clients = 8;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task Apply_ServerKilledMidway_AcknowledgedKeptAndTheRestRecoverableByTheirKey()
    {
        var dll = Path.Combine(Paths.RepoRoot, "src", "Gongkai.Web", "bin", "Release", "net10.0", "Gongkai.Web.dll");
        Assert.True(File.Exists(dll), "build src/Gongkai.Web in Release first: " + dll);
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            var keys = Enumerable.Range(0, Applications).Select(_ => QueryCodes.NewKey()).ToArray();
            var acknowledged = new ConcurrentDictionary<string, (string Number, string Code)>();

            using (var first = StartServer(dll, folder, port))
            {
                await WaitHealthyAsync(baseUrl, first);
                var next = -1;
                var killed = 0;
                var workers = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
                {
                    using var client = NewClient(baseUrl);
                    for (var i = Interlocked.Increment(ref next); i < keys.Length && Volatile.Read(ref killed) == 0; i = Interlocked.Increment(ref next))
                    {
                        try
                        {
                            acknowledged[keys[i]] = await SubmitAsync(client, keys[i]);
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                        {
                            return; // the server is gone
                        }
                    }
                })).ToList();
                while (acknowledged.Count < Applications / 3 && workers.Any(w => !w.IsCompleted))
                {
                    await Task.Delay(5);
                }

                first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
                Volatile.Write(ref killed, 1);
                await first.WaitForExitAsync();
                await Task.WhenAll(workers);
            }

            Assert.True(acknowledged.Count >= Applications / 3, $"only {acknowledged.Count} acknowledged before the kill");
            using var second = StartServer(dll, folder, port);
            try
            {
                await WaitHealthyAsync(baseUrl, second);
                var storedBefore = await StoredAsync(folder);

                Assert.True(storedBefore.Count >= acknowledged.Count && storedBefore.Count < Applications, $"{storedBefore.Count} stored before the restart");

                // Every number an applicant saw is there, with its key.
                foreach (var (key, (number, _)) in acknowledged)
                {
                    Assert.True(storedBefore.TryGetValue(key, out var stored) && stored == number, $"acknowledged {number} lost");
                }

                // Every application not acknowledged is absent or comes back by submitting the same form again; the
                // ones never sent before the kill are sent now, from several clients again.
                var rest = new ConcurrentQueue<string>(keys.Where(k => !acknowledged.ContainsKey(k)));
                var resubmitted = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
                {
                    using var client = NewClient(baseUrl);
                    var answers = new List<(string Key, string Number)>();
                    while (rest.TryDequeue(out var key))
                    {
                        answers.Add((key, (await SubmitAsync(client, key)).Number));
                    }

                    return answers;
                })));
                foreach (var (key, number) in resubmitted.SelectMany(a => a))
                {
                    if (storedBefore.TryGetValue(key, out var stored))
                    {
                        Assert.Equal(stored, number);
                    }
                }

                // An acknowledged form submitted again after the restart shows the same number and query code.
                using var again = NewClient(baseUrl);
                foreach (var (key, shown) in acknowledged.Take(5))
                {
                    Assert.Equal(shown, await SubmitAsync(again, key));
                }

                var storedAfter = await StoredAsync(folder);
                Assert.Equal(Applications, storedAfter.Count);
                Assert.Equal(storedAfter.Count, storedAfter.Values.Distinct().Count());
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }

            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "gongkai.db")}");
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Dictionary<string, string>> StoredAsync(string folder)
    {
        await using var db = DatabaseSettings.SqliteFile(Path.Combine(folder, "gongkai.db")).Open();
        return await db.OnlineApplications.AsNoTracking().Where(a => a.IdempotencyKey != null)
            .ToDictionaryAsync(a => a.IdempotencyKey!, a => a.Number);
    }

    private static async Task<(string Number, string Code)> SubmitAsync(HttpClient client, string key)
    {
        var token = StaffClient.Token(await client.GetStringAsync("/apply"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(key), "Key" },
            { new StringContent("NaturalPerson"), "Input.ApplicantType" },
            { new StringContent("赵某"), "Input.ApplicantName" },
            { new StringContent("居民身份证"), "Input.IdType" },
            { new StringContent("440106199001015674"), "Input.IdNumber" },
            { new StringContent("13900001111"), "Input.Phone" },
            { new StringContent("本局2025年行政处罚决定书"), "Input.Description" },
            { new StringContent("电子数据"), "Input.Form" },
            { new StringContent("网上查询下载"), "Input.Delivery" },
            { new ByteArrayContent(Png), "Proof", "id.png" },
        };
        using var response = await client.PostAsync("/apply", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var number = NumberField().Match(html).Groups[1].Value;
        var code = CodeField().Match(html).Groups[1].Value;
        Assert.True(number.Length > 0 && code.Length > 0, html);
        return (number, code);
    }

    private static HttpClient NewClient(string baseUrl) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static Process StartServer(string dll, string folder, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GONGKAI_DATA"] = folder;
        start.Environment["Demo__Cases"] = "false";
        start.Environment["Demo__Catalog"] = "false";
        start.Environment["GONGKAI_ADMIN_PASSWORD"] = GongkaiApp.AdminPassword;
        start.Environment["RateLimits__PublicForms__PermitLimit"] = "1000000";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(string baseUrl, Process server)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            Assert.False(server.HasExited, $"the server exited with {(server.HasExited ? server.ExitCode : 0)}");
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        Assert.Fail("the server did not become healthy within 120 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("id=\"case-number\">([^<]+)<")]
    private static partial Regex NumberField();

    [GeneratedRegex("id=\"query-code\">([^<]+)<")]
    private static partial Regex CodeField();
}
