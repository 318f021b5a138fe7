using System.Text.RegularExpressions;
using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>
/// A person who works for two agencies follows a link to a case of the one they are not working in now (as the daily
/// reminder e-mail sends them): told which agency it is, one button switches 当前单位 and opens the case.
/// </summary>
public class CaseElsewhereBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task OfficerOfTwoAgencies_FollowsALinkToTheOthersCase_SwitchesAndSeesIt()
    {
        var (app, baseUrl) = LiveApp.Start(settings: new Dictionary<string, string?> { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" });
        using var _ = app;
        var a = await app.AddAgencyAsync("jyj", "示范县教育局");
        var b = await app.AddAgencyAsync("mzj", "示范县民政局");
        await Staff.CreateInAsync(app, "yi", b.Id, StaffRoles.DisclosureOfficer);
        var both = await Staff.CreateInAsync(app, "liang", a.Id, StaffRoles.DisclosureOfficer);
        await Staff.AddMembershipAsync(app, both, b.Id, StaffRoles.DisclosureOfficer);
        await using var officeOfB = await browser.DesktopAsync(baseUrl);
        await using var phone = await browser.PhoneAsync(baseUrl);

        await Browser.RunAsync([officeOfB, phone], async () =>
        {
            // 民政局's 公开办 registers an application at the counter.
            var registering = await officeOfB.NewPageAsync();
            await new LoginPage(registering).SignInAsync("yi", Staff.Password);
            var registered = new CasePage(registering);
            await registered.RegisterInPersonAsync("乙申请人", "440106199001015674", "13900001111", "本局2025年低保审批名单", Gongkai.Web.Cases.CaseWorkspace.Today(TimeProvider.System));
            var link = new Uri(registered.Url).AbsolutePath;

            // Working in 教育局, the officer opens the link on a phone: the page says the case is 民政局's.
            var page = await phone.NewPageAsync();
            await new LoginPage(page).SignInAsync("liang", Staff.Password);
            await page.GotoAsync(link);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/staff/cases/elsewhere/\\d+$"));
            var elsewhere = new CaseElsewherePage(page);
            await Assertions.Expect(elsewhere.Heading).ToContainTextAsync("属于示范县民政局");
            await Layout.AssertFitsAsync(page);
            await Browser.StepAsync(page, "phone-staff-case-elsewhere");

            // One button: 当前单位 is 民政局 and the case is open.
            await elsewhere.SwitchAndOpenAsync("示范县民政局");
            await Assertions.Expect(new CasePage(page).Details).ToContainTextAsync("乙申请人");
            await StaffStatus.ExpectAsync(page, "当前单位已切换为：示范县民政局。");
            await Browser.StepAsync(page, "phone-staff-case-after-switch");

            // The pages changed with it fit a phone too: the report page (下载 PDF) and 公开分类.
            await new ReportPage(page).GoToYearAsync(2025);
            await Layout.AssertFitsAsync(page);
            await Browser.StepAsync(page, "phone-staff-report-downloads");
            await page.GotoAsync("/staff/disclosure/categories");
            await Layout.AssertFitsAsync(page);
            await Browser.StepAsync(page, "phone-staff-categories");
        });
    }
}
