using System.Net;
using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

public class RulesPageTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rules_StartDayCounted_OpenCasesMoveOneWorkingDayEarlier_BadValueRefused(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        var calendar = ChineseWorkingDayCalendar.Default;
        var arrived = Today(app);
        while (!calendar.IsWorkingDay(arrived))
        {
            arrived = arrived.AddDays(-1);
        }

        var page = await RegisterAsync(officer, arrived: arrived);
        var before = calendar.AddWorkingDays(arrived, 20);
        Assert.Equal(Gongkai.Domain.Text.DateText.Long(before), DueShown(await officer.GetTextAsync(page)));

        using (var bad = await admin.PostFormAsync("/staff/admin/rules", "/staff/admin/rules", ("Values[fee.payment-working-days]", "90"), await SeenAsync(admin, "fee.payment-working-days")))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("申请人缴纳信息处理费的期限：“90”无效：应为1至60的工作日数", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        }

        using var saved = await admin.PostFormAsync("/staff/admin/rules", "/staff/admin/rules", ("Values[working-days.start-day]", "counted"), await SeenAsync(admin, "working-days.start-day"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("已保存：答复期限从哪一天开始数——当天是工作日的，算作第一天。1件在办案件的答复期限随之改变。", await admin.GetTextAsync("/staff/admin/rules"));
        Assert.Equal(Gongkai.Domain.Text.DateText.Long(calendar.With(WorkingDayConvention.StartDayCounted).AddWorkingDays(arrived, 20)), DueShown(await officer.GetTextAsync(page)));
        await using var db = app.Database.Open();
        Assert.Equal("counted", (await db.RuleSettings.SingleAsync()).Value);
        Assert.StartsWith("/account/access-denied", (await officer.GetAsync("/staff/admin/rules")).Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Rules_FeePaymentDays_TheFeeNoticeSaysThem()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using (var saved = await admin.PostFormAsync("/staff/admin/rules", "/staff/admin/rules", ("Values[fee.payment-working-days]", "15"), await SeenAsync(admin, "fee.payment-working-days")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await RegisterAsync(officer, arrived: Today(app));
        await StepAsync(officer, page, "FeeNotice", ("Step.Date", Iso(Today(app))), ("Step.Method", "PerPage"), ("Step.Pages", "40"), ("Step.Amount", "100"));
        var html = await StepAsync(officer, page, "Notice", ("kind", "fee"));
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/staff/cases/\\d+/notices/\\d+)\">政府信息公开信息处理费缴费通知书").Groups[1].Value;
        using var docx = await officer.GetAsync(link);

        Assert.Contains("请自收到本通知之日起15个工作日内缴纳", CaseStepTests.DocxText(await docx.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rules_Page_SpeaksPlainChinese_NoKeysNoFileReferences(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);

        var html = await admin.GetTextAsync("/staff/admin/rules");
        var shown = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");

        foreach (var title in new[] { "答复期限从哪一天开始数", "通过电子邮件提出的申请，哪一天算收到", "等待申请人缴费的时间是否算在答复期限内", "申请人缴纳信息处理费的期限" })
        {
            Assert.Contains($"<legend>{title}</legend>", html);
        }

        Assert.Contains("《政府信息公开条例》第三十三条", shown);
        Assert.Contains("没有规定收到的当天算不算在内。请按本地的通行做法", shown);
        Assert.Contains("当天不算，从第二天开始数（多数地方的做法，默认）；本单位尚未修改", shown);
        foreach (var leak in new[] { "legal.md", "§", "working-days", "start-day", "not-counted", "email.receipt", "fee.stops-clock", "mail-system", "confirmation" })
        {
            Assert.DoesNotContain(leak, shown, StringComparison.Ordinal);
        }
    }

    /// <summary>The version of a rule the page shows (posted back with a change).</summary>
    internal static async Task<(string, string)> SeenAsync(StaffClient admin, string key) =>
        ($"Seen[{key}]", System.Text.RegularExpressions.Regex.Match(await admin.GetHtmlAsync("/staff/admin/rules"), $"name=\"Seen\\[{System.Text.RegularExpressions.Regex.Escape(key)}\\]\" value=\"(\\d+)\"").Groups[1].Value);

    /// <summary>The 答复期限 the case page shows.</summary>
    private static string DueShown(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, @"<dt>答复期限</dt>\s*<dd[^>]*>(\d{4}年\d{1,2}月\d{1,2}日)").Groups[1].Value;
}
