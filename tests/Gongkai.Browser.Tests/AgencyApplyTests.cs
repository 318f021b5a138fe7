using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>Issue #12: an applicant on a phone finds an agency on the government's portal and applies to it.</summary>
public class AgencyApplyTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task PhoneFindsAnAgencyOnTheHomePage_AppliesToIt_TheCaseIsInThatAgencysWorkListOnly()
    {
        var (app, baseUrl) = LiveApp.Start(settings: new Dictionary<string, string?> { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" });
        using var _ = app;
        var town = await app.AddAgencyAsync("qsz", "青石镇", "town");
        await app.AddAgencyAsync("tyj", "示范县体育局", "department");
        await Staff.CreateInAsync(app, "cgz-gkb", town.Id, StaffRoles.DisclosureOfficer);
        await Staff.CreateAsync(app, "xian-gkb", StaffRoles.DisclosureOfficer);
        await using var phone = await browser.PhoneAsync(baseUrl);
        await using var townDesk = await browser.DesktopAsync(baseUrl);
        await using var rootDesk = await browser.DesktopAsync(baseUrl);

        await Browser.RunAsync([phone, townDesk, rootDesk], async () =>
        {
            // The applicant opens the government's portal, finds the town in the list and opens its column.
            var portal = await phone.NewPageAsync();
            var home = new PortalHomePage(portal);
            await home.OpenAsync();
            await Layout.AssertFitsAsync(portal);
            await Browser.StepAsync(portal, "phone-home-agencies");
            await home.OpenAgencyAsync("青石镇");
            await Assertions.Expect(new PortalChrome(portal).Heading).ToHaveTextAsync("青石镇 政府信息公开");
            await home.NavigateAsync("依申请公开");
            Assert.EndsWith("/agencies/qsz/apply", portal.Url);

            // The form has the town chosen; the applicant fills it in and submits.
            var apply = new ApplyPage(portal);
            Assert.Equal("青石镇", (await apply.ChosenAgencyAsync()).Trim());
            await apply.FillAsync("孙某", "440106199001015674", "13900001111", "青石镇2025年农村危房改造补助名单", new FilePayload { Name = "id.png", MimeType = "image/png", Buffer = Png });
            await Layout.AssertFitsAsync(portal);
            await Browser.StepAsync(portal, "phone-agency-apply-form");
            var (number, _) = await apply.SubmitAsync();
            await Assertions.Expect(apply.AppliedTo).ToHaveTextAsync("青石镇");
            await Browser.StepAsync(portal, "phone-agency-apply-done");

            // The town's 公开办 has it to confirm; the county's own 公开办 does not.
            var townStaff = await townDesk.NewPageAsync();
            await new LoginPage(townStaff).SignInAsync("cgz-gkb", Staff.Password);
            var townCases = new StaffCasesPage(townStaff);
            await townCases.OpenAsync();
            await Assertions.Expect(townCases.Text("待确认的在线申请（1）")).ToBeVisibleAsync();
            await Assertions.Expect(townCases.CaseLink(number)).ToBeVisibleAsync();
            await Browser.StepAsync(townStaff, "staff-town-pending");

            var rootStaff = await rootDesk.NewPageAsync();
            await new LoginPage(rootStaff).SignInAsync("xian-gkb", Staff.Password);
            var rootCases = new StaffCasesPage(rootStaff);
            await rootCases.OpenAsync();
            await Assertions.Expect(rootCases.Text("孙某")).ToHaveCountAsync(0);
            await Assertions.Expect(rootCases.CaseLink(number)).ToHaveCountAsync(0);
        });
    }
}
