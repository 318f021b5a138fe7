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
        const string overview = "2024年，示范县卫生健康局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息312条。";

        await Browser.RunAsync([desktop, phone], async () =>
        {
            var staff = await desktop.NewPageAsync();
            await new LoginPage(staff).SignInAsync("gongkaiban", Staff.Password);
            var reports = new ReportPage(staff);
            await reports.OpenYearAsync(2024);
            await reports.WriteSectionAsync("一、总体情况", overview);
            await reports.RequestPublicationAsync();
            // Parts 二 to 六 are still empty: no 确认发布, the reasons listed.
            await Assertions.Expect(reports.Confirmation).ToContainTextAsync("暂不能发布");
            await Assertions.Expect(reports.Confirmation).ToContainTextAsync("“六、其他需要报告的事项”没有正文");
            await Browser.StepAsync(staff, "staff-report-2024-publish-refused");
            await reports.WriteSectionAsync("二、主动公开政府信息情况", "主动公开情况见下表。");
            await reports.WriteSectionAsync("三、收到和处理政府信息公开申请情况", "依申请公开情况见下表。");
            await reports.WriteSectionAsync("四、政府信息公开行政复议、行政诉讼情况", "无。");
            await reports.WriteSectionAsync("五、存在的主要问题及改进情况", "无。");
            await reports.WriteSectionAsync("六、其他需要报告的事项", "无。");
            await Browser.StepAsync(staff, "staff-report-2024-before-publish");
            await reports.RequestPublicationAsync();
            await Assertions.Expect(reports.Confirmation).ToContainTextAsync("示范县卫生健康局");
            await Assertions.Expect(reports.Confirmation).ToContainTextAsync("2024年度政府信息公开工作年度报告");
            await Assertions.Expect(reports.Confirmation).ToContainTextAsync("网页（HTML）和 Word 文档（DOCX）");
            await Browser.StepAsync(staff, "staff-report-2024-confirm");
            await reports.ConfirmPublicationAsync();
            Assert.Equal("已发布", await reports.Status.InnerTextAsync());
            await Browser.StepAsync(staff, "staff-report-2024-published");

            var portal = await phone.NewPageAsync();
            var published = new PortalReportPage(portal);
            await published.OpenFromHomeAsync("示范县卫生健康局2024年政府信息公开工作年度报告", 2024);
            await Assertions.Expect(published.Heading).ToHaveTextAsync("示范县卫生健康局2024年政府信息公开工作年度报告");
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
