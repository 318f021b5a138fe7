using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

public class PublishReportTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Officer_WritesSectionOneAndPublishes_PhoneSeesTheReportOnThePortal()
    {
        var (app, baseUrl) = LiveApp.Start();
        using var _ = app;
        await Staff.CreateAsync(app, "gongkaiban", StaffRoles.DisclosureOfficer);
        await using var desktop = await browser.DesktopAsync(baseUrl);
        await using var phone = await browser.PhoneAsync(baseUrl);
        const string overview = "2024年，示范区卫生健康局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息312条。";

        await Browser.RunAsync([desktop, phone], async () =>
        {
            var staff = await desktop.NewPageAsync();
            await new LoginPage(staff).SignInAsync("gongkaiban", Staff.Password);
            var reports = new ReportPage(staff);
            await reports.OpenYearAsync(2024);
            await reports.WriteSectionAsync("一、总体情况", overview);
            await Browser.StepAsync(staff, "staff-report-2024-before-publish");
            await reports.PublishAsync();
            Assert.Equal("已发布", await reports.Status.InnerTextAsync());
            await Browser.StepAsync(staff, "staff-report-2024-published");

            var portal = await phone.NewPageAsync();
            var published = new PortalReportPage(portal);
            await published.OpenFromHomeAsync("示范区卫生健康局2024年政府信息公开工作年度报告", 2024);
            await Assertions.Expect(published.Heading).ToHaveTextAsync("示范区卫生健康局2024年政府信息公开工作年度报告");
            await Assertions.Expect(published.Text(overview)).ToBeVisibleAsync();
            await Assertions.Expect(published.WordDownload).ToBeVisibleAsync();
            // Usable on a phone: the page itself does not scroll sideways (wide tables scroll inside their box).
            await Layout.AssertFitsAsync(portal);
            await Browser.StepAsync(portal, "phone-report-2024");
            await portal.GotoAsync("/");
            await Browser.StepAsync(portal, "phone-home");
        });
    }
}
