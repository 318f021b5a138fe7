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
            var home = new StaffHomePage(page);
            var count = await home.OpenCasesCount.InnerTextAsync();
            await Browser.StepAsync(page, "staff-home-case-counts");

            await home.OpenCases.ClickAsync();
            var list = new StaffCasesPage(page);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("status=open$"));
            await Assertions.Expect(list.Count(count)).ToBeVisibleAsync();
            await Assertions.Expect(list.Link("剩余工作日")).ToBeVisibleAsync();
            await Assertions.Expect(list.Link("Excel表格（XLSX）")).ToBeVisibleAsync();
            await Browser.StepAsync(page, "staff-worklist-remaining-days");
        });
    }
}
