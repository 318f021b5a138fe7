using System.Text.RegularExpressions;
using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>The staff's work list as an officer uses it: the counts on the home card lead to lists of as many cases.</summary>
public class WorklistBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Officer_HomeCardCount_OpensTheListWithAsManyCases_WithRemainingWorkingDays()
    {
        var (app, baseUrl) = LiveApp.Start();
        using var _ = app;
        await Staff.CreateAsync(app, "gongkaiban", StaffRoles.DisclosureOfficer);
        await using var desktop = await browser.DesktopAsync(baseUrl);

        await Browser.RunAsync([desktop], async () =>
        {
            var page = await desktop.NewPageAsync();
            await new LoginPage(page).SignInAsync("gongkaiban", Staff.Password);
            var open = page.Locator(".cards .counts a[href='/staff/cases?status=open'] strong");
            var count = await open.InnerTextAsync();
            await Browser.StepAsync(page, "staff-home-case-counts");

            await page.Locator(".cards .counts a[href='/staff/cases?status=open']").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("status=open$"));
            await Assertions.Expect(page.GetByText($"共 {count} 件").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "剩余工作日" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Excel表格（XLSX）" })).ToBeVisibleAsync();
            await Browser.StepAsync(page, "staff-worklist-remaining-days");
        });
    }
}
