using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

public class CaseFlowTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task PhoneApplies_OfficerHandlesWithSupplementAndApprovedExtension_ApplicantDownloadsReply_ReportCountsIt()
    {
        var (app, baseUrl) = LiveApp.Start(settings: new Dictionary<string, string?> { ["Demo:Cases"] = "false" });
        using var _ = app;
        await Staff.CreateAsync(app, "gongkaiban", StaffRoles.DisclosureOfficer);
        await Staff.CreateAsync(app, "lingdao", StaffRoles.ApprovingLeader);
        await using var phone = await browser.PhoneAsync(baseUrl);
        await using var desktop = await browser.DesktopAsync(baseUrl);
        await using var leaderDesktop = await browser.DesktopAsync(baseUrl);

        await Browser.RunAsync([phone, desktop, leaderDesktop], async () =>
        {
            // The applicant applies on a phone.
            var portal = await phone.NewPageAsync();
            var apply = new ApplyPage(portal);
            await apply.OpenAsync();
            await apply.FillAsync("钱某", "440106199001015674", "13900001111", "2025年本区医疗机构卫生监督抽检结果", new FilePayload { Name = "id.png", MimeType = "image/png", Buffer = Png });
            await Browser.StepAsync(portal, "phone-apply-form");
            var (number, code) = await apply.SubmitAsync();
            await Layout.AssertFitsAsync(portal);
            await Browser.StepAsync(portal, "phone-apply-done");

            // The officer confirms it, asks for a supplement, records it, asks for an extension.
            var staff = await desktop.NewPageAsync();
            await new LoginPage(staff).SignInAsync("gongkaiban", Staff.Password);
            var cases = new StaffCasesPage(staff);
            await cases.OpenAsync();
            await Assertions.Expect(cases.Text("待确认的在线申请（1）")).ToBeVisibleAsync();
            await Browser.StepAsync(staff, "staff-cases-pending");
            await cases.OpenAsync(number);
            var @case = new CasePage(staff);
            await @case.StepAsync("确认并登记", "已确认并登记");
            var casePage = @case.Url;
            await @case.StepAsync("告知补正", "已记录：告知补正");
            await @case.StepAsync("记录收到补正", "已记录：收到补正材料");
            await @case.RequestExtensionAsync("需调取历年档案");

            // The leader approves it from the work list.
            var leader = await leaderDesktop.NewPageAsync();
            await new LoginPage(leader).SignInAsync("lingdao", Staff.Password);
            var leaderCases = new StaffCasesPage(leader);
            await leaderCases.OpenAsync();
            await leaderCases.OpenAsync(number);
            var leaderCase = new CasePage(leader);
            await leaderCase.StepAsync("批准延期（第三十三条）", "已批准延期");
            await Assertions.Expect(leaderCase.Text("批准人 lingdao").First).ToBeVisibleAsync();

            // The officer replies and generates the notice.
            await @case.OpenAsync(casePage);
            await @case.ReplyAsync("Granted");
            await @case.GenerateNoticeAsync("art36-2", "本网站“申请查询”栏目下载");
            await Browser.StepAsync(staff, "staff-case-replied");

            // The applicant looks it up with the code and downloads the notice.
            var status = new StatusPage(portal);
            await status.LookUpAsync(number, code);
            await Assertions.Expect(status.Text("予以公开")).ToBeVisibleAsync();
            await Browser.StepAsync(portal, "phone-status-replied");
            Assert.EndsWith(".docx", await status.DownloadAsync("下载：政府信息公开申请答复书（予以公开）（DOCX）"));

            // The annual report of the year counts it in 三（一）.
            var report = new ReportPage(staff);
            await report.GoToYearAsync(Gongkai.Web.Cases.CaseWorkspace.Today(TimeProvider.System).Year);
            await Assertions.Expect(report.Cell("applications.granted.naturalPerson")).ToHaveTextAsync("1");
            await Browser.StepAsync(staff, "staff-report-counts-case");
        });
    }

    [Fact]
    public async Task WorkList_DemoData_MarksOverdueAndDueSoonInWords()
    {
        var (app, baseUrl) = LiveApp.Start();
        using var _ = app;
        await Staff.CreateAsync(app, "gongkaiban", StaffRoles.DisclosureOfficer);
        await using var desktop = await browser.DesktopAsync(baseUrl);
        await using var phone = await browser.PhoneAsync(baseUrl);

        await Browser.RunAsync([desktop, phone], async () =>
        {
            var staff = await desktop.NewPageAsync();
            await new LoginPage(staff).SignInAsync("gongkaiban", Staff.Password);
            await new StaffNavigation(staff).OpenAsync("依申请公开");
            var cases = new StaffCasesPage(staff);
            await Assertions.Expect(cases.Text("⚠ 已逾期").First).ToBeVisibleAsync();
            await Assertions.Expect(cases.Text("△ 临近期限").First).ToBeVisibleAsync();
            await Browser.StepAsync(staff, "staff-cases-demo");
            await cases.FilterAsync("overdue");
            await Assertions.Expect(cases.Text("△ 临近期限")).ToHaveCountAsync(0);
            await cases.OpenFirstAsync();
            await Assertions.Expect(new CasePage(staff).Text("⚠ 已逾期").First).ToBeVisibleAsync();
            await Browser.StepAsync(staff, "staff-case-overdue");

            var mobile = await phone.NewPageAsync();
            await new LoginPage(mobile).SignInAsync("gongkaiban", Staff.Password);
            await new StaffCasesPage(mobile).OpenAsync();
            await Layout.AssertFitsAsync(mobile);
            await Browser.StepAsync(mobile, "phone-staff-cases");
        });
    }
    [Fact]
    public async Task GuidedCasePage_OfficerFollowsNextStep_ErrorInTheStepsForm_AssignsRepliesDelivers()
    {
        var (app, baseUrl) = LiveApp.Start(settings: new Dictionary<string, string?> { ["Demo:Cases"] = "false" });
        using var _ = app;
        await Staff.CreateAsync(app, "gongkaiban", StaffRoles.DisclosureOfficer);
        await using var desktop = await browser.DesktopAsync(baseUrl);
        await using var phone = await browser.PhoneAsync(baseUrl);
        var today = Gongkai.Web.Cases.CaseWorkspace.Today(TimeProvider.System);

        await Browser.RunAsync([desktop, phone], async () =>
        {
            var staff = await desktop.NewPageAsync();
            await new LoginPage(staff).SignInAsync("gongkaiban", Staff.Password);
            var @case = new CasePage(staff);
            await @case.RegisterInPersonAsync("孙某", "440106199001015678", "13900002222", "2025年本区养老机构名单", today);

            // The next step first and highlighted; the clock in working days; no step the law does not allow now.
            await Assertions.Expect(@case.Actions.First).ToContainTextAsync("分办");
            await Assertions.Expect(@case.ExpectedAction).ToContainTextAsync("下一步");
            await Assertions.Expect(@case.ClockLine).ToContainTextAsync("剩余");
            await Assertions.Expect(@case.Action("收到补正材料")).ToHaveCountAsync(0);
            await Assertions.Expect(@case.Action("送达")).ToHaveCountAsync(0);
            await Browser.StepAsync(staff, "staff-case-guided");

            // A 补正 period that is not after the notice: refused inside the 补正 form, which stays open.
            await @case.RequestSupplementAsync(today);
            await Assertions.Expect(@case.Action("告知补正").GetByRole(AriaRole.Alert)).ToContainTextAsync("应晚于告知日期");
            await Assertions.Expect(@case.Action("告知补正").GetByLabel("补正期限")).ToBeVisibleAsync();
            await Assertions.Expect(StaffStatus.Of(staff)).ToHaveCountAsync(0);
            await Browser.StepAsync(staff, "staff-case-supplement-error");

            await @case.RequestSupplementAsync(today.AddDays(14));
            await StaffStatus.ExpectAsync(staff, "已记录：告知补正");
            await Assertions.Expect(@case.ClockLine).ToContainTextAsync("待申请人补正");
            await Assertions.Expect(@case.ClockLine).Not.ToContainTextAsync("征求意见");
            await Assertions.Expect(@case.ExpectedAction).ToContainTextAsync("收到补正材料");
            await @case.StepAsync("记录收到补正", "已记录：收到补正材料");

            await @case.AssignAsync("医政医管科");
            await Assertions.Expect(@case.ExpectedAction).ToContainTextAsync("承办意见");
            await @case.ReplyAsync("Granted");
            await Assertions.Expect(@case.ExpectedAction).ToContainTextAsync("送达");
            await @case.DeliverAsync("邮寄");
            await Assertions.Expect(@case.Actions).ToHaveCountAsync(0);
            await Assertions.Expect(@case.Text("送达（邮寄）")).ToBeVisibleAsync();
            await @case.GenerateNoticeAsync("delivery-receipt");
            await Assertions.Expect(@case.Text("送达回证").First).ToBeVisibleAsync();
            await Browser.StepAsync(staff, "staff-case-delivered");

            // On a phone the history is above the actions, folded away on request, and the page fits.
            var mobile = await phone.NewPageAsync();
            await new LoginPage(mobile).SignInAsync("gongkaiban", Staff.Password);
            await mobile.GotoAsync(@case.Url);
            await Layout.AssertFitsAsync(mobile);
            await Browser.StepAsync(mobile, "phone-staff-case");
        });
    }
}
