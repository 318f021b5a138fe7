using Gongkai.Browser.Tests.Pages;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>
/// Issue #12: the government's 政务公开办 (监督) on a desktop — the dashboard filtered and exported, two published
/// reports of agencies uploaded, one match corrected and both confirmed, and the roll-up counting them "from the
/// published report" with its chart.
/// </summary>
public class SupervisionFlowTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Supervisor_FiltersAndExportsTheDashboard_UploadsTwoReports_CorrectsAMatch_SeesThemInTheRollup()
    {
        var (app, baseUrl) = LiveApp.Start(settings: new Dictionary<string, string?> { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" });
        using var _ = app;
        var panyu = await app.AddAgencyAsync("py-wjj", "番禺区卫生健康局", "department");
        var town = await app.AddAgencyAsync("hlz", "华龙镇", "town");
        await Staff.CreateAsync(app, "jdy", StaffRoles.Supervisor);
        await using var desk = await browser.DesktopAsync(baseUrl);

        await Browser.RunAsync([desk], async () =>
        {
            var page = await desk.NewPageAsync();
            await new LoginPage(page).SignInAsync("jdy", Staff.Password);
            var dashboard = new SupervisionDashboardPage(page);
            await dashboard.OpenAsync();

            // The dashboard for 2020: every agency of the tree, then only the towns.
            await dashboard.FilterAsync(2020);
            await Assertions.Expect(dashboard.Agency("番禺区卫生健康局")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.Agency("华龙镇")).ToBeVisibleAsync();
            await dashboard.FilterAsync(2020, "乡镇街道");
            await Assertions.Expect(dashboard.Agency("华龙镇")).ToBeVisibleAsync();
            await Assertions.Expect(dashboard.Agency("番禺区卫生健康局")).ToHaveCountAsync(0);
            await Browser.StepAsync(page, "supervision-dashboard-towns");

            // Exported as CSV: the filtered rows, in Chinese.
            var csv = await dashboard.ExportCsvAsync();
            Assert.Contains("华龙镇", csv, StringComparison.Ordinal);
            Assert.DoesNotContain("番禺区卫生健康局", csv, StringComparison.Ordinal);

            // Two published reports of 2020 uploaded at once.
            var uploads = new SupervisionUploadPage(page);
            await uploads.UploadAsync(Paths.Seed("001"), Paths.Seed("003"));
            await Assertions.Expect(uploads.Rows).ToHaveCountAsync(2);
            await Browser.StepAsync(page, "supervision-upload-matches");

            // 番禺's report is matched by its name; 龙口's agency is not on the platform, so the office assigns it to 华龙镇
            // (in the test: any agency of the tree the office chooses).
            await Assertions.Expect(uploads.AgencyOf(Paths.Seed("001"))).ToHaveValueAsync(panyu.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await uploads.ChooseAgencyAsync(Paths.Seed("003"), town.Id);
            await uploads.ConfirmAsync();

            // The roll-up of 2020 counts both from their published reports, beside the chart.
            var rollup = new SupervisionRollupPage(page);
            await rollup.OpenAsync(2020);
            await Assertions.Expect(rollup.Part("番禺区卫生健康局")).ToContainTextAsync("据导入的已发布年报");
            await Assertions.Expect(rollup.Part("华龙镇")).ToContainTextAsync("据导入的已发布年报");
            await Assertions.Expect(rollup.Chart).ToBeVisibleAsync();
            Assert.True(await rollup.ChartLibraryLoadedAsync(), "the chart library is served by the application");
            await Browser.StepAsync(page, "supervision-rollup");
        });
    }
}
