using System.Globalization;
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
            await portal.GotoAsync("/apply");
            await portal.GetByLabel("姓名或名称").FillAsync("钱某");
            await portal.GetByLabel("身份证明号码").FillAsync("440106199001015678");
            await portal.GetByLabel("电话").FillAsync("13900001111");
            await portal.GetByLabel("特征性描述").FillAsync("2025年本区医疗机构卫生监督抽检结果");
            await portal.GetByLabel("上传身份证明").SetInputFilesAsync(new FilePayload { Name = "id.png", MimeType = "image/png", Buffer = Png });
            await Browser.StepAsync(portal, "phone-apply-form");
            await portal.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
            var number = (await portal.Locator("#case-number").InnerTextAsync()).Trim();
            var code = (await portal.Locator("#query-code").InnerTextAsync()).Trim();
            var overflow = await portal.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
            await Browser.StepAsync(portal, "phone-apply-done");

            // The officer confirms it, asks for a supplement, records it, asks for an extension.
            var staff = await desktop.NewPageAsync();
            await new Pages.LoginPage(staff).SignInAsync("gongkaiban", Staff.Password);
            await staff.GotoAsync("/staff/cases");
            await Assertions.Expect(staff.GetByText("待确认的在线申请（1）")).ToBeVisibleAsync();
            await Browser.StepAsync(staff, "staff-cases-pending");
            await staff.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await staff.GetByRole(AriaRole.Button, new() { Name = "确认并登记" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认并登记");
            var casePage = staff.Url;
            await staff.GetByRole(AriaRole.Button, new() { Name = "告知补正" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录：告知补正");
            await staff.GetByRole(AriaRole.Button, new() { Name = "记录收到补正" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录：收到补正材料");
            await staff.GetByLabel("理由", new() { Exact = true }).FillAsync("需调取历年档案");
            await staff.GetByRole(AriaRole.Button, new() { Name = "提交领导审批" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("待领导审批");

            // The leader approves it from the work list.
            var leader = await leaderDesktop.NewPageAsync();
            await new Pages.LoginPage(leader).SignInAsync("lingdao", Staff.Password);
            await leader.GotoAsync("/staff/cases");
            await leader.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).First.ClickAsync();
            await leader.GetByRole(AriaRole.Button, new() { Name = "批准延期（第三十三条）" }).ClickAsync();
            await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("已批准延期");
            await Assertions.Expect(leader.GetByText("批准人 lingdao").First).ToBeVisibleAsync();

            // The officer replies and generates the notice.
            await staff.GotoAsync(casePage);
            await staff.GetByLabel("办理结果").SelectOptionAsync("Granted");
            await staff.GetByRole(AriaRole.Button, new() { Name = "记录答复" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录：答复");
            await staff.GetByLabel("种类").SelectOptionAsync("art36-2");
            await staff.GetByLabel("获取方式和途径").FillAsync("本网站“申请查询”栏目下载");
            await staff.GetByRole(AriaRole.Button, new() { Name = "生成告知书（DOCX）" }).ClickAsync();
            await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("已生成");
            await Browser.StepAsync(staff, "staff-case-replied");

            // The applicant looks it up with the code and downloads the notice.
            await portal.GotoAsync("/status");
            await portal.GetByLabel("申请编号").FillAsync(number);
            await portal.GetByLabel("查询码").FillAsync(code);
            await portal.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Assertions.Expect(portal.GetByText("予以公开", new() { Exact = true })).ToBeVisibleAsync();
            await Browser.StepAsync(portal, "phone-status-replied");
            var download = await portal.RunAndWaitForDownloadAsync(() =>
                portal.GetByRole(AriaRole.Button, new() { Name = "下载：政府信息公开申请答复书（予以公开）（DOCX）" }).ClickAsync());
            Assert.EndsWith(".docx", download.SuggestedFilename);

            // The annual report of the year counts it in 三（一）.
            var year = Gongkai.Web.Cases.CaseWorkspace.Today(TimeProvider.System).Year.ToString(CultureInfo.InvariantCulture);
            await staff.GotoAsync($"/staff/reports/{year}");
            await Assertions.Expect(staff.Locator("[data-cell='applications.granted.naturalPerson']").First).ToHaveTextAsync("1");
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
            await new Pages.LoginPage(staff).SignInAsync("gongkaiban", Staff.Password);
            await staff.GetByRole(AriaRole.Navigation, new() { Name = "后台导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开" }).ClickAsync();
            await Assertions.Expect(staff.GetByText("⚠ 已逾期").First).ToBeVisibleAsync();
            await Assertions.Expect(staff.GetByText("△ 临近期限").First).ToBeVisibleAsync();
            await Browser.StepAsync(staff, "staff-cases-demo");
            await staff.GetByLabel("状态").SelectOptionAsync("overdue");
            await staff.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
            await Assertions.Expect(staff.GetByText("△ 临近期限")).ToHaveCountAsync(0);
            await staff.Locator("table.cases a").First.ClickAsync();
            await Assertions.Expect(staff.GetByText("⚠ 已逾期").First).ToBeVisibleAsync();
            await Browser.StepAsync(staff, "staff-case-overdue");

            var mobile = await phone.NewPageAsync();
            await new Pages.LoginPage(mobile).SignInAsync("gongkaiban", Staff.Password);
            await mobile.GotoAsync("/staff/cases");
            var overflow = await mobile.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
            await Browser.StepAsync(mobile, "phone-staff-cases");
        });
    }
}
