using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>
/// The staff's work list (issue #13, item 5): the counts of the 依申请公开 card on the staff home and the lists they
/// link to, the 剩余工作日 column from the domain clock, its sort, and the export as CSV and XLSX.
/// </summary>
public class WorklistTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    public static TheoryProviders Providers => TestDatabase.Providers;

    private static async Task<IWorkingDayCalendar> CalendarAsync(GongkaiApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseCalendar>().GetAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    private static async Task<DateOnly?> ReplyDueAsync(GongkaiApp app, string name)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return await db.Cases.Where(c => c.ApplicantName == name).Select(c => c.ReplyDue).SingleAsync();
    }

    /// <summary>The arrival day whose Art. 33 reply date (20 working days) falls on <paramref name="due"/>.</summary>
    private static DateOnly ArrivalFor(IWorkingDayCalendar calendar, DateOnly due)
    {
        var day = due;
        while (calendar.AddWorkingDays(day, 20) > due)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private static async Task ApplyOnlineAsync(GongkaiApp app)
    {
        using var applicant = app.NewClient();
        var token = StaffClient.Token(await applicant.GetHtmlAsync("/apply"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in new[]
        {
            ("Input.ApplicantType", "NaturalPerson"), ("Input.ApplicantName", "网上申请人"), ("Input.IdType", "居民身份证"),
            ("Input.IdNumber", "440106199001015674"), ("Input.Phone", "13900001111"), ("Input.Description", "本局2025年行政处罚决定书。"),
            ("Input.Form", "电子数据"), ("Input.Delivery", "网上查询下载"),
        })
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(Png), "Proof", "id.png");
        using var response = await applicant.Http.PostAsync("/apply", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>One case in each state: new, due on the next working day, overdue, 待补正, closed; one online application.</summary>
    private static async Task<StaffClient> SeedAsync(GongkaiApp app)
    {
        var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var today = Today(app);
        var calendar = await CalendarAsync(app);
        await RegisterAsync(officer, "新申请人", arrived: today);
        await RegisterAsync(officer, "明天到期", arrived: ArrivalFor(calendar, calendar.AddWorkingDays(today, 1)));
        await RegisterAsync(officer, "已超期人", arrived: ArrivalFor(calendar, today).AddDays(-14));
        var supplement = await RegisterAsync(officer, "待补正人", arrived: today);
        await StepAsync(officer, supplement, "SupplementRequest", ("Step.Date", Iso(today)), ("Step.RespondBy", Iso(today.AddDays(14))));
        var closed = await RegisterAsync(officer, "已办结人", arrived: today);
        await StepAsync(officer, closed, "Withdraw", ("Step.Date", Iso(today)));
        await ApplyOnlineAsync(app);
        return officer;
    }

    private static string CountOf(string home, string label) =>
        Regex.Match(home, label + @"\s*<strong>(\d+)</strong>\s*件").Groups[1].Value;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Home_CountsPerState_EachLinksToTheListWithThatMany(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await SeedAsync(app);

        var home = await officer.GetTextAsync("/staff");
        Assert.Equal("4", CountOf(home, "在办"));
        Assert.Equal("1", CountOf(home, "3个工作日内到期"));
        Assert.Equal("1", CountOf(home, "已超期"));
        Assert.Equal("1", CountOf(home, "待补正"));
        Assert.Equal("1", CountOf(home, "待确认的网上申请"));

        foreach (var (status, count, name) in new[] { ("open", 4, "新申请人"), ("soon", 1, "明天到期"), ("overdue", 1, "已超期人"), ("AwaitingSupplement", 1, "待补正人") })
        {
            Assert.Contains($"href=\"/staff/cases?status={status}\"", home);
            var list = await officer.GetTextAsync($"/staff/cases?status={status}");
            Assert.Contains($"共 {count} 件", list);
            Assert.Contains(name, list);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Home_DueSoonCard_ListAndMyReminders_ShowTheAgencysOneNumber_AsSetAtAgencySettings(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await SeedAsync(app);
        var calendar = await CalendarAsync(app);
        var fourDays = await RegisterAsync(officer, "四天后到期", arrived: ArrivalFor(calendar, calendar.AddWorkingDays(Today(app), 4)));

        // Not set: 3 working days everywhere on the page (the card, 我的提醒) and in the list it links to.
        var home = await officer.GetTextAsync("/staff");
        Assert.Equal("1", CountOf(home, "3个工作日内到期"));
        Assert.Contains("已超过答复期限或 3 个工作日内到期的", home);
        Assert.DoesNotContain("5个工作日内到期", home);
        var soon = await officer.GetTextAsync("/staff/cases?status=soon");
        Assert.Contains("共 1 件", soon);
        Assert.Contains("“临近期限”指 3 个工作日内到期", soon);
        Assert.DoesNotContain("四天后到期", soon);
        Assert.DoesNotContain("△ 临近期限", await officer.GetTextAsync(fourDays));

        // The administrator sets 5 at 机关设置: the card, the panel and the list all take it.
        using var admin = await Staff.SignedInAsync(app, "admin1", StaffRoles.Administrator);
        using (var saved = await admin.PostFormAsync("/staff/admin/settings", "/staff/admin/settings?handler=Reminders", ("ReminderDays", "5")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        home = await officer.GetTextAsync("/staff");
        Assert.Equal("2", CountOf(home, "5个工作日内到期"));
        Assert.Contains("已超过答复期限或 5 个工作日内到期的", home);
        soon = await officer.GetTextAsync("/staff/cases?status=soon");
        Assert.Contains("共 2 件", soon);
        Assert.Contains("“临近期限”指 5 个工作日内到期", soon);
        Assert.Contains("四天后到期", soon);
        Assert.Contains("△ 临近期限", await officer.GetTextAsync(fourDays));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task List_RemainingWorkingDays_DueTomorrowOverdueAndPaused(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await SeedAsync(app);
        var today = Today(app);
        var calendar = await CalendarAsync(app);
        Assert.Equal(calendar.AddWorkingDays(today, 1), await ReplyDueAsync(app, "明天到期"));
        var overdueBy = calendar.CountWorkingDays((await ReplyDueAsync(app, "已超期人"))!.Value, today);
        Assert.True(overdueBy > 0);

        var html = await officer.GetHtmlAsync("/staff/cases");
        string Row(string name) => Regex.Match(html, "<tr[^>]*>(?:(?!</tr>).)*" + name + "(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("剩余1个工作日", Row("明天到期"));
        Assert.Contains($"已超期{overdueBy}个工作日", Row("已超期人"));
        Assert.Contains("剩余", Row("新申请人"));
        Assert.Contains("<td class=\"nowrap\">—</td>", Row("待补正人"));
        Assert.Contains("剩余工作日", html);

        // Default: fewest working days left first; sorted the other way: most left first.
        Assert.True(html.IndexOf("已超期人", StringComparison.Ordinal) < html.IndexOf("明天到期", StringComparison.Ordinal));
        Assert.True(html.IndexOf("明天到期", StringComparison.Ordinal) < html.IndexOf("新申请人", StringComparison.Ordinal));
        var reversed = await officer.GetTextAsync("/staff/cases?sort=remaining-desc");
        Assert.True(reversed.IndexOf("新申请人", StringComparison.Ordinal) < reversed.IndexOf("明天到期", StringComparison.Ordinal));
        Assert.True(reversed.IndexOf("明天到期", StringComparison.Ordinal) < reversed.IndexOf("已超期人", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Export_CsvAndXlsx_TheFilteredRowsWithTheScreensColumns(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await SeedAsync(app);

        using var csvResponse = await officer.GetAsync("/staff/cases?status=overdue&handler=Csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType?.ToString());
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("编号,答复期限,剩余工作日,状态,收到日期,申请人,申请方式,承办科室,承办人", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(",已超期人,", row);
        Assert.Matches(@",已超期\d+个工作日,办理中,", row);

        using var all = await officer.GetAsync("/staff/cases?status=all&handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        using var stream = new MemoryStream(await all.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!;
        var cells = sheet.Elements<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["编号", "答复期限", "剩余工作日", "状态", "收到日期", "申请人", "申请方式", "承办科室", "承办人"], cells[0]);
        Assert.Equal(5, cells.Count - 1);
        Assert.Equal(new[] { "新申请人", "明天到期", "已超期人", "待补正人", "已办结人" }.Order(StringComparer.Ordinal), cells.Skip(1).Select(c => c[5]).Order(StringComparer.Ordinal));
        Assert.Equal("剩余1个工作日", cells.Single(c => c[5] == "明天到期")[2]);
        Assert.Equal(string.Empty, cells.Single(c => c[5] == "已办结人")[2]);
    }

    [Fact]
    public async Task Export_Liaison_OnlyTheirDepartmentsCases()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await SeedAsync(app);
        using var liaison = await Staff.SignedInAsync(app, "liaison1", StaffRoles.DepartmentLiaison);

        using var response = await liaison.GetAsync("/staff/cases?status=all&handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
    }

    [Fact]
    public async Task Export_SignedOut_NoCases()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var visitor = app.NewClient();
        using var response = await visitor.GetAsync("/staff/cases?handler=Csv");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("编号,答复期限", await response.Content.ReadAsStringAsync());
    }
}
