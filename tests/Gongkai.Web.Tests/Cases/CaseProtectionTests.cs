using System.Collections.Concurrent;
using System.Net;
using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

public class CaseProtectionTests
{
    [Fact]
    public async Task StatusLookup_TooManySubmissions_Limited()
    {
        var settings = NoDemoCases;
        settings["RateLimits:StatusLookups:PermitLimit"] = "3";
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, settings);
        using var client = app.NewClient();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostFormAsync("/status", "/status", ("Number", "2026-W00001"), ("Code", "AAAAAAAAAAAA"));
            codes.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task Extension_SecondRequestOrMoreThan20Days_Refused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var liaison = await Staff.SignedInAsync(app, "liaison1", StaffRoles.DepartmentLiaison);
        var page = await RegisterAsync(officer, arrived: Today(app));

        var tooLong = await StepAsync(officer, page, "ExtensionRequest", ("Step.WorkingDays", "21"), ("Step.Reason", "档案多"));
        await StepAsync(officer, page, "ExtensionRequest", ("Step.WorkingDays", "10"), ("Step.Reason", "档案多"));
        var second = await StepAsync(officer, page, "ExtensionRequest", ("Step.WorkingDays", "10"), ("Step.Reason", "再次"));
        var html = await officer.GetHtmlAsync(page);
        var listed = (await officer.GetTextAsync("/staff/cases")).Contains("待审批的延期申请（1）", StringComparison.Ordinal);
        using var officerApproves = await officer.PostFormAsync(page, $"{page}?handler=ExtensionApprove&requestId=1");

        Assert.Contains("延长天数：须为1至20个工作日（第三十三条）", tooLong);
        Assert.Contains("已有待审批的延期申请", second);
        Assert.True(listed);
        Assert.DoesNotContain("批准延期（第三十三条）", html);
        Assert.StartsWith("/account/access-denied", officerApproves.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Apply_PersonalDataNeverInTheLog()
    {
        var log = new ConcurrentQueue<string>();
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLogger(log))));
        using var applicant = new StaffClient(logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

        using var response = await PortalApplicationTests.ApplyAsync(applicant, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(log);
        Assert.DoesNotContain(log, l => l.Contains("440106199001015674", StringComparison.Ordinal) || l.Contains("13900001111", StringComparison.Ordinal) || l.Contains("赵某", StringComparison.Ordinal));
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + exception);

        public void Dispose()
        {
        }
    }
}
