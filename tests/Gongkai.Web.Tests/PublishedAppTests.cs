using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.TestSupport;

namespace Gongkai.Web.Tests;

/// <summary>
/// The published application as an operator runs it: <c>dotnet /opt/gongkai/Gongkai.Web.dll</c>, started by a
/// service manager from some other working directory, in Production.
/// </summary>
public partial class PublishedAppTests
{
    [Fact]
    public async Task PublishedDll_StartedFromAnotherFolder_ServesItsStylesheetAndLogsNoSql()
    {
        var root = Path.Combine(Path.GetTempPath(), "gongkai-published-" + Guid.NewGuid().ToString("N"));
        var appFolder = Path.Combine(root, "opt", "gongkai");
        var elsewhere = Path.Combine(root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        try
        {
            var configuration = typeof(PublishedAppTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var (published, publishLog) = await RunAsync("dotnet", ["publish", Path.Combine(Paths.RepoRoot, "src", "Gongkai.Web", "Gongkai.Web.csproj"), "-c", configuration, "--no-build", "-o", appFolder], Paths.RepoRoot);
            Assert.True(published == 0, publishLog);

            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = elsewhere,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { Path.Combine(appFolder, "Gongkai.Web.dll"), "--urls", "http://127.0.0.1:0" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["GONGKAI_DATA"] = Path.Combine(root, "data");
            start.Environment["GONGKAI_ADMIN_PASSWORD"] = "admin-pass-2024";
            start.Environment["Demo__Cases"] = "false";

            using var process = Process.Start(start)!;
            var output = new StringBuilder();
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                if (e.Data is { } line && Started().Match(line) is { Success: true } m)
                {
                    listening.TrySetResult(m.Groups[1].Value);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

                using var css = await http.GetAsync("/css/site.css");
                using var home = await http.GetAsync("/");
                using var status = await http.GetAsync("/status");

                Assert.Equal(HttpStatusCode.OK, css.StatusCode);
                Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
                Assert.Contains("{", await css.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.OK, home.StatusCode);
                Assert.Contains("/css/site.css", await home.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            string log;
            lock (output)
            {
                log = output.ToString();
            }

            // Production logs at Warning: no SQL statement, no request lines.
            Assert.DoesNotContain("Executed DbCommand", log);
            Assert.DoesNotContain("Request starting", log);
            Assert.Contains("Gongkai 已启动", log);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"Gongkai 已启动：门户 (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex Started();
}
