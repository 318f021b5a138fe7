using System.Text.RegularExpressions;
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
            await page.GetByRole(AriaRole.Link, new() { Name = "监督" }).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/staff/supervision"));

            // The dashboard for 2020: every agency of the tree, then only the towns.
            await page.GetByLabel("报告年度").FillAsync("2020");
            await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
            var table = page.Locator("#dashboard");
            await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "番禺区卫生健康局" })).ToBeVisibleAsync();
            await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "华龙镇" })).ToBeVisibleAsync();
            await page.GetByLabel("机关类型").SelectOptionAsync(new SelectOptionValue { Label = "乡镇街道" });
            await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
            await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "华龙镇" })).ToBeVisibleAsync();
            await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "番禺区卫生健康局" })).ToHaveCountAsync(0);
            await Browser.StepAsync(page, "supervision-dashboard-towns");

            // Exported as CSV: the filtered rows, in Chinese.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 CSV" }).ClickAsync());
            var csv = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.Contains("华龙镇", csv, StringComparison.Ordinal);
            Assert.DoesNotContain("番禺区卫生健康局", csv, StringComparison.Ordinal);

            // Two published reports of 2020 uploaded at once.
            await page.GotoAsync("/staff/supervision/uploads");
            await page.Locator("input[type=file][name=files]").SetInputFilesAsync([Paths.Seed("001"), Paths.Seed("003")]);
            await page.GetByRole(AriaRole.Button, new() { Name = "上传并读取" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/staff/supervision/uploads/[^/]+$"), new() { Timeout = 60_000 });
            var rows = page.Locator("#uploads tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Browser.StepAsync(page, "supervision-upload-matches");

            // 番禺's report is matched by its name; 龙口's agency is not on the platform, so the office assigns it to 华龙镇
            // (in the test: any agency of the tree the office chooses).
            var panyuSelect = page.Locator($"#uploads tbody tr[data-file='{Path.GetFileName(Paths.Seed("001"))}'] select");
            await Assertions.Expect(panyuSelect).ToHaveValueAsync(panyu.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var longkouSelect = page.Locator($"#uploads tbody tr[data-file='{Path.GetFileName(Paths.Seed("003"))}'] select");
            await longkouSelect.SelectOptionAsync(new SelectOptionValue { Value = town.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await page.GetByRole(AriaRole.Button, new() { Name = "确认并保存所选报告" }).ClickAsync();

            // The roll-up of 2020 counts both from their published reports, beside the chart.
            await page.GotoAsync("/staff/supervision/rollup?year=2020");
            var parts = page.Locator("#parts");
            await Assertions.Expect(parts.Locator("tr", new() { HasText = "番禺区卫生健康局" })).ToContainTextAsync("据导入的已发布年报");
            await Assertions.Expect(parts.Locator("tr", new() { HasText = "华龙镇" })).ToContainTextAsync("据导入的已发布年报");
            await Assertions.Expect(page.Locator("#rollup-chart")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("typeof Chart !== 'undefined'"), "the chart library is served by the application");
            await Browser.StepAsync(page, "supervision-rollup");
        });
    }
}
