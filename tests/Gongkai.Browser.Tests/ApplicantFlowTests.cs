using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>The applicant's side on a phone (issue #13): field errors, the receipt, deadlines, online 补正, 撤回.</summary>
public class ApplicantFlowTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Phone_WrongIdThenRight_Receipt_Deadlines_SupplementOnline_OfficeSeesIt_ThenWithdraws()
    {
        var (app, baseUrl) = LiveApp.Start(settings: new Dictionary<string, string?> { ["Demo:Cases"] = "false" });
        using var _ = app;
        await Staff.CreateAsync(app, "gongkaiban", StaffRoles.DisclosureOfficer);
        await using var phone = await browser.PhoneAsync(baseUrl);
        await using var desktop = await browser.DesktopAsync(baseUrl);

        await Browser.RunAsync([phone, desktop], async () =>
        {
            // A wrong check digit: the error is at the field, which has the focus.
            var portal = await phone.NewPageAsync();
            var apply = new ApplyPage(portal);
            await apply.OpenAsync();
            var proof = new FilePayload { Name = "id.png", MimeType = "image/png", Buffer = Png };
            await apply.FillAsync("孙某", "440106199001015678", "13900001111", "2025年本区医疗机构卫生监督抽检结果", proof);
            await apply.SubmitWithErrorsAsync();
            await Assertions.Expect(apply.FieldError("IdNumber")).ToHaveTextAsync("身份证明号码：居民身份证号码的校验位不符，请核对是否抄错");
            await Assertions.Expect(portal.GetByLabel("身份证明号码")).ToBeFocusedAsync();
            await Layout.AssertFitsAsync(portal);
            await Browser.StepAsync(portal, "phone-apply-id-error");

            // Corrected: the number, the code and the receipt.
            await apply.FillAsync("孙某", "440106199001015674", "13900001111", "2025年本区医疗机构卫生监督抽检结果", proof);
            var (number, code) = await apply.SubmitAsync();
            var receipt = await apply.DownloadReceiptAsync();
            Assert.EndsWith(".pdf", receipt.SuggestedFilename, StringComparison.Ordinal);
            var receiptPath = await receipt.PathAsync();
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(receiptPath!)[..4]));
            await Browser.StepAsync(portal, "phone-apply-done-receipt");

            // The office confirms it and asks for a 补正.
            var staff = await desktop.NewPageAsync();
            await new LoginPage(staff).SignInAsync("gongkaiban", Staff.Password);
            var cases = new StaffCasesPage(staff);
            await cases.OpenAsync();
            await cases.OpenAsync(number);
            var @case = new CasePage(staff);
            await @case.StepAsync("确认并登记", "已确认并登记");
            var casePage = @case.Url;
            await @case.StepAsync("告知补正", "已记录：告知补正");

            // The applicant sees the 补正 deadline and sends the supplement from the phone.
            var status = new StatusPage(portal);
            await status.LookUpAsync(number, code);
            await Assertions.Expect(status.Deadlines).ToContainTextAsync("补正期限");
            await Layout.AssertFitsAsync(portal);
            await Browser.StepAsync(portal, "phone-status-awaiting-supplement");
            await status.SupplementAsync("所需信息为2025年第三季度的抽检结果", new FilePayload { Name = "说明.png", MimeType = "image/png", Buffer = Png });
            await Assertions.Expect(status.Text("补正材料已提交。本机关收到补正之日起重新计算答复期限（第三十条），新的答复期限见下方。")).ToBeVisibleAsync();
            await Assertions.Expect(status.Deadlines).ToContainTextAsync("（第三十三条）");
            await Browser.StepAsync(portal, "phone-status-supplement-sent");

            // The office sees it on the case page.
            await @case.OpenAsync(casePage);
            await Assertions.Expect(@case.Text("申请人网上提交的补正")).ToBeVisibleAsync();
            await Assertions.Expect(@case.Text("所需信息为2025年第三季度的抽检结果")).ToBeVisibleAsync();
            await Browser.StepAsync(staff, "staff-case-online-supplement");

            // The applicant withdraws; the office sees the case closed.
            await status.WithdrawAsync();
            await Assertions.Expect(status.Text("您的申请已撤回，本机关不再处理该申请。")).ToBeVisibleAsync();
            await Browser.StepAsync(portal, "phone-status-withdrawn");
            await @case.OpenAsync(casePage);
            await Assertions.Expect(@case.Text("申请人（网上）").First).ToBeVisibleAsync();
            await Assertions.Expect(@case.Text("撤回申请").First).ToBeVisibleAsync();
        });
    }
}
