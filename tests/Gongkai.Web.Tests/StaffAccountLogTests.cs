using System.Collections.Concurrent;
using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Web.Tests;

/// <summary>Lockouts and unlocks are in the production log (Warning), with user names and nothing else about a person.</summary>
public class StaffAccountLogTests
{
    [Fact]
    public async Task Lockout_ThenUnlock_AreLoggedAtWarningWithUserNamesOnly()
    {
        var lines = new ConcurrentQueue<(LogLevel Level, string Message)>();
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(new CollectingProvider(lines))));
        using (var scope = logged.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var root = await scope.ServiceProvider.GetRequiredService<Gongkai.Web.Infrastructure.AgencyList>().RootAsync();
            var second = new StaffUser { UserName = "admin2", DisplayName = "第二管理员", AgencyId = root.Id };
            Assert.True((await users.CreateAsync(second, Staff.Password)).Succeeded);
            await scope.ServiceProvider.GetRequiredService<StaffMemberships>().AddAsync(second.Id, root.Id, [StaffRoles.Administrator]);
        }

        using var intruder = NewClient(logged);
        for (var i = 0; i < 6; i++)
        {
            (await intruder.SignInAsync("admin", "guess-pass-" + i)).Dispose();
        }

        using var other = NewClient(logged);
        await other.SignInOkAsync("admin2", Staff.Password);
        var page = await other.GetTextAsync("/staff/admin/users");
        var unlock = System.Text.RegularExpressions.Regex.Match(page, "action=\"([^\"]*handler=Unlock[^\"]*)\"").Groups[1].Value;
        (await other.PostFormAsync("/staff/admin/users", unlock)).Dispose();

        var warnings = lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Single(warnings, m => m == "Staff account admin locked out after repeated failed sign-ins");
        Assert.Single(warnings, m => m == "Staff account admin unlocked by administrator admin2");
        Assert.DoesNotContain(lines, l => l.Message.Contains("guess-pass", StringComparison.Ordinal));
    }

    private static StaffClient NewClient(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    private sealed class CollectingProvider(ConcurrentQueue<(LogLevel, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collecting(lines);

        public void Dispose()
        {
        }
    }

    private sealed class Collecting(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
