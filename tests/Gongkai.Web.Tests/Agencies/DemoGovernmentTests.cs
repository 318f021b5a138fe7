using System.Diagnostics;
using Gongkai.Data;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>The first start's demo government (issue #12): a tree with two years of records a supervisor can look at.</summary>
public class DemoGovernmentTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FirstStart_MakesTheCountyWithFifteenDepartmentsAndFiveTowns_EachWithTwoYearsOfRecords(DatabaseProvider provider)
    {
        var started = Stopwatch.StartNew();
        using var app = new GongkaiApp(provider, new Dictionary<string, string?> { ["Demo:Government"] = "true" });
        using var client = app.NewClient();
        await client.SignInOkAsync(StartupTasks.AdministratorUserName, GongkaiApp.AdminPassword);
        started.Stop();
        await using var db = app.Database.Open();
        var agencies = await db.Agencies.AsNoTracking().ToListAsync();
        var root = agencies.Single(a => a.ParentId == null);
        var year = Gongkai.Domain.Calendar.ChinaTime.Today(TimeProvider.System).Year;

        Assert.Equal(("sfx", "示范县人民政府", "government"), (root.Code, root.Name, root.Kind));
        Assert.Equal(15, agencies.Count(a => a.ParentId == root.Id && a.Kind == "department"));
        Assert.Equal(5, agencies.Count(a => a.ParentId == root.Id && a.Kind == "town"));
        Assert.Equal(("wjj", root.Id), agencies.Where(a => a.Name == "示范县卫生健康局").Select(a => (a.Code, a.ParentId!.Value)).Single());
        var counts = await db.Cases.GroupBy(c => new { c.AgencyId, Year = c.ReceivedOn.Year }).Select(g => new { g.Key.AgencyId, g.Key.Year, N = g.Count() }).ToListAsync();
        Assert.All(agencies, a => Assert.Contains(counts, c => c.AgencyId == a.Id && c.Year == year - 1 && c.N > 0));
        Assert.All(agencies.Where(a => a.Code != "wjj"), a => Assert.Contains(counts, c => c.AgencyId == a.Id && c.Year == year));
        Assert.All(agencies, a => Assert.True(db.CatalogItems.Any(i => i.AgencyId == a.Id && i.Status == "Published"), a.Name));

        // Last year's reports: most published in January, two late, one a draft, one that does not add up, the bureau's missing.
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year - 1).ToListAsync();
        var byCode = reports.ToDictionary(r => agencies.Single(a => a.Id == r.AgencyId).Code);
        var deadline = new DateOnly(year, 1, 31);
        DateOnly? Published(string code) => byCode[code].PublishedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime) : null;
        Assert.False(byCode.ContainsKey("wjj"));
        Assert.Equal("draft", byCode["sfj"].Status);
        Assert.True(Published("jtysj") > deadline && Published("dhz") > deadline);
        Assert.Equal(16, agencies.Count(a => a.Kind != "government" && byCode.ContainsKey(a.Code) && Published(a.Code) <= deadline));
        Assert.True(Published("sfx") <= new DateOnly(year, 3, 31));
        var wrong = ReportJson.Read(byCode["mzj"].Json).Report!;
        Assert.Contains(ReportChecker.Check(wrong), f => f.Severity == FindingSeverity.Error);
        Assert.DoesNotContain(ReportChecker.Check(ReportJson.Read(byCode["jyj"].Json).Report!), f => f.Severity == FindingSeverity.Error);

        // Measured in the README; the bound only catches a regression (one transaction per case) on a loaded machine.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"first start took {started.Elapsed}");
        Console.WriteLine($"first start with the demo government ({provider}): {started.Elapsed.TotalSeconds:F1} s");
    }
}
