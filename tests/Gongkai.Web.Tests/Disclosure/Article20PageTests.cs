using System.Net;
using System.Text;
using Gongkai.Data;
using Gongkai.Data.Reports;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Disclosure;

public class Article20PageTests
{
    private const string Page = "/staff/disclosure/article20";

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Form_SavedFigures_AppearInReportBuild_With2019FormatChange(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        await SaveAsync(officer, 2019, ("f.administrativeLicensing.items", "11"));
        await SaveAsync(officer, 2020, ("f.administrativeLicensing.items", "12"), ("f.administrativeLicensing.decisions", "5,825"),
            ("f.centralizedProcurement.projects", "39"), ("f.centralizedProcurement.amount", "34871000"));
        await SaveAsync(officer, 2025, ("f.administrativeFees.amount", "12345.6"));
        var page2020 = await officer.GetTextAsync(Page + "?year=2020");
        var page2025 = await officer.GetTextAsync(Page + "?year=2025");
        var (report2020, report2025) = await BuildAsync(app);

        Assert.Contains("已保存2025年第二十条数据", page2020); // the message of the last save, shown once
        Assert.Contains("name=\"f.administrativeLicensing.decisions\" value=\"5825\"", page2020); // pre-filled with what is stored
        Assert.Contains("上一年项目数量 11；本年增/减 1；处理决定数量 5825", page2020);
        Assert.Contains("采购项目数量 39；采购总金额 34871000", page2020);
        Assert.Contains("本年收费金额（单位：万元） 1.2346", page2025);
        Assert.Equal(11m, report2020.Article20["administrativeLicensing", "previousYearItems"]!.Number);
        Assert.Equal(1m, report2020.Article20["administrativeLicensing", "change"]!.Number);
        Assert.Equal(5825m, report2020.Article20["administrativeLicensing", "decisions"]!.Number);
        Assert.Equal(34871000m, report2020.Article20["centralizedProcurement", "totalAmountYuan"]!.Number);
        Assert.Equal(1.2346m, report2025.Article20["administrativeFees", "amountTenThousandYuan"]!.Number);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Form_BadFields_EachNamedByRowAndField_NothingSaved(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        await SaveAsync(officer, 2025, ("f.administrativeLicensing.decisions", "603"));

        using var response = await officer.PostFormAsync(Page + "?year=2025", Page + "?handler=Save&year=2025",
            ("f.administrativeLicensing.decisions", "700"), ("f.administrativePenalty.decisions", "七"), ("f.administrativeFees.amount", "-5"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var after = await officer.GetTextAsync(Page + "?year=2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("行政处罚 处理决定数量：“七”不是非负整数", html);
        Assert.Contains("行政事业性收费 金额（元）：“-5”不是金额", html);
        Assert.Contains("name=\"f.administrativePenalty.decisions\" value=\"七\"", html); // the typed text is kept to correct
        Assert.Contains("name=\"f.administrativeLicensing.decisions\" value=\"603\"", after); // 700 was not saved either
    }

    [Fact]
    public async Task Form_AmountInWanOrBelowTheFen_ReadOrRefusedNamingTheRow()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        using var fen = await officer.PostFormAsync(Page + "?year=2025", Page + "?handler=Save&year=2025", ("f.administrativeFees.amount", "12.345"));
        await SaveAsync(officer, 2025, ("f.administrativeFees.amount", "3487.1万元"), ("f.administrativeLicensing.decisions", "12件"));
        var after = await officer.GetTextAsync(Page + "?year=2025");

        Assert.Contains("2025年 行政事业性收费 金额（元）：12.345 超过两位小数", WebUtility.HtmlDecode(await fen.Content.ReadAsStringAsync()));
        Assert.Contains("name=\"f.administrativeFees.amount\" value=\"34871000\"", after);
        Assert.Contains("name=\"f.administrativeLicensing.decisions\" value=\"12\"", after);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Csv_OneBadRow_ImportsNothingAndNamesTheRow_GoodFileImports(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        const string Header = "年度,事项,项目数量,处理决定数量,采购项目数量,金额（元）\r\n";

        var (badStatus, bad) = await UploadAsync(officer, Header + "2025,行政许可,,7646,,\r\n2025,行政处罚,,七,,\r\n");
        var afterBad = await officer.GetTextAsync(Page + "?year=2025");
        var (goodStatus, _) = await UploadAsync(officer, Header + "2025,行政许可,,7646,,\r\n2025,行政处罚,,257,,\r\n");
        var afterGood = await officer.GetTextAsync(Page + "?year=2025");

        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains("第3行 处理决定数量：“七”不是非负整数", bad);
        Assert.Contains("未导入任何数据", bad);
        Assert.DoesNotContain("7646", afterBad);
        Assert.Equal(HttpStatusCode.Redirect, goodStatus);
        Assert.Contains("已导入2行（2025年）", afterGood);
        Assert.Contains("name=\"f.administrativeLicensing.decisions\" value=\"7646\"", afterGood);
        Assert.Contains("name=\"f.administrativePenalty.decisions\" value=\"257\"", afterGood);
    }

    [Fact]
    public async Task Template_HasEveryRowWithTheStoredFigures_AndImportsBack()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        await SaveAsync(officer, 2020, ("f.administrativeLicensing.items", "12"), ("f.administrativeLicensing.decisions", "5825"));

        using var response = await officer.GetAsync(Page + "?handler=Template&year=2020");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes);
        var (status, _) = await UploadAsync(officer, csv.TrimStart('\uFEFF'), year: 2020);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("年度,事项,项目数量,处理决定数量,采购项目数量,金额（元）", csv.TrimStart('\uFEFF'));
        Assert.Contains("2020,行政许可,12,5825,,", csv);
        Assert.Contains("2020,政府集中采购,,,,", csv);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var page = await officer.GetTextAsync(Page + "?year=2020");
        Assert.Contains("name=\"f.administrativeLicensing.decisions\" value=\"5825\"", page);
        await using var db = app.Database.Open();
        Assert.Equal(["administrativeLicensing"], await db.Article20Figures.Select(f => f.RowKey).ToListAsync()); // the blank rows added nothing
    }

    private static async Task SaveAsync(StaffClient client, int year, params (string Name, string Value)[] fields)
    {
        using var response = await client.PostFormAsync($"{Page}?year={year}", $"{Page}?handler=Save&year={year}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpStatusCode, string)> UploadAsync(StaffClient client, string csv, int year = 2025)
    {
        var token = StaffClient.Token(await client.GetHtmlAsync($"{Page}?year={year}"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "upload", "第二十条.csv" },
        };
        using var response = await client.Http.PostAsync($"{Page}?handler=Import&year={year}", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The reports <c>gongkai report build</c> makes from the app's database (<see cref="RecordsReportBuilder"/>).</summary>
    private static async Task<(AnnualReport, AnnualReport)> BuildAsync(GongkaiApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var agency = await scope.ServiceProvider.GetRequiredService<CurrentAgency>().GetAsync();
        return ((await RecordsReportBuilder.BuildAsync(db, agency.Id, 2020))!, (await RecordsReportBuilder.BuildAsync(db, agency.Id, 2025))!);
    }
}
