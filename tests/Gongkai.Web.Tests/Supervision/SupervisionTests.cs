using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Application.Reports;
using Gongkai.Application.Supervision;
using Gongkai.Data;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Supervision;

public class SupervisionTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    /// <summary>The tree under the current agency (the demo agency), for the year whose reports are due now.</summary>
    private static async Task<(SupervisionTree Tree, int Year)> TreeAsync(GongkaiApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var root = await scope.ServiceProvider.GetRequiredService<CurrentAgency>().GetAsync();
        var year = SupervisionScope.DefaultYear(Today(app));
        return (await SupervisionTree.CreateAsync(db, year, Today(app), root), year);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rollup_EqualsTheSumOfEachAgencysOwnReport_PublishedOnesFromTheirReport(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var client = app.NewClient();
        var (tree, year) = await TreeAsync(app);
        using var scope = app.Services.CreateScope();
        var source = scope.ServiceProvider.GetRequiredService<IReportSource>();
        var own = new List<AnnualReport>();
        foreach (var agency in tree.All)
        {
            own.Add(await source.LoadAsync(agency, year));
        }

        var result = await scope.ServiceProvider.GetRequiredService<RollUpReports>().ExecuteAsync(new RollupRequest(tree.Root.Id, year));

        Assert.True(result.Succeeded, result.Error?.Message);
        var rollup = result.Value!.Current;
        Assert.Equal(5, rollup.Parts.Count);
        foreach (var row in rollup.Total.Applications.Rows)
        {
            for (var c = 0; c < ApplicantColumns.Count; c++)
            {
                Assert.True(own.Sum(r => r.Applications[row.Key][c] ?? 0) == rollup.Total.Applications[row.Key][c], $"{row.Name} 第{c + 1}列");
            }
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            Assert.Equal(Enumerable.Range(0, 5).Select(o => own.Sum(r => r.ReviewLitigation[group][o] ?? 0)), rollup.Total.ReviewLitigation[group].Select(v => v ?? 0));
        }

        Assert.Equal(own.Sum(r => r.Article20["administrativeLicensing", "decisions"]?.Number ?? 0), rollup.Total.Article20["administrativeLicensing", "decisions"]?.Number);
        // Every outcome was counted: the records' cases fill every result row of the format.
        Assert.All(rollup.Total.Applications.Rows.Where(r => r.Kind == ApplicationRowKind.Result), r => Assert.True(rollup.Total.Applications[r.Key, ApplicantColumn.Total] > 0, r.Name));
        Assert.DoesNotContain(ReportChecker.Check(rollup.Total), f => f.Severity == FindingSeverity.Error);
        var department = rollup.Parts.Single(p => p.Agency.Id == tree.Department.Id);
        Assert.Equal(Gongkai.Data.Supervision.FigureSource.Imported, department.Source);
        Assert.Equal(45, department.Report.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total]);
        Assert.All(rollup.Parts.Where(p => p.Agency.Id != tree.Department.Id), p => Assert.Equal(Gongkai.Data.Supervision.FigureSource.Records, p.Source));
    }

    [Fact]
    public async Task Rollup_ChosenAgencies_SumsOnlyThose_OutsideTheSubtreeIsRefused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var client = app.NewClient();
        var (tree, year) = await TreeAsync(app);
        using var scope = app.Services.CreateScope();
        var rollUp = scope.ServiceProvider.GetRequiredService<RollUpReports>();

        var chosen = await rollUp.ExecuteAsync(new RollupRequest(tree.Root.Id, year, [tree.Department.Id]));
        var outside = await rollUp.ExecuteAsync(new RollupRequest(tree.Town.Id, year, [tree.Department.Id]));
        var badYear = await rollUp.ExecuteAsync(new RollupRequest(tree.Root.Id, 2017));

        Assert.Equal(45, chosen.Value!.Current.Total.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total]);
        Assert.Equal("所选机关不在本机关的监督范围内", outside.Error?.Message);
        Assert.StartsWith("报告年度 2017 无效", badYear.Error?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dashboard_Supervisor_SeesEveryAgencyWithReportStatusAndOverdueCounts(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var (tree, year) = await TreeAsync(app);
        using var supervisor = await Staff.SignedInAsync(app, "jiandu", StaffRoles.Supervisor);

        var text = await supervisor.GetTextAsync("/staff/supervision");

        Assert.Contains($"{year}年度报告", text, StringComparison.Ordinal);
        foreach (var agency in tree.All)
        {
            Assert.Contains(agency.Name, text, StringComparison.Ordinal);
        }

        // The department's imported report was published on 20 January, before its 31 January deadline.
        Assert.Contains($"已于{year + 1}年1月20日发布", text, StringComparison.Ordinal);
        // Nothing published for the others, and 31 January (31 March for none of them) has passed.
        Assert.Contains($"逾期：{year + 1}年1月31日前未发布", text, StringComparison.Ordinal);
        Assert.Contains("⚠ 逾期 4 件", text, StringComparison.Ordinal);
        Assert.Contains("其他", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_FilteredAndExported_CsvAndXlsxHoldTheShownRows()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        var (tree, year) = await TreeAsync(app);
        using var supervisor = await Staff.SignedInAsync(app, "jiandu", StaffRoles.Supervisor);

        var towns = await supervisor.GetTextAsync($"/staff/supervision?year={year}&kind=town");
        using var csv = await supervisor.GetAsync($"/staff/supervision?year={year}&status=published&handler=Csv");
        using var xlsx = await supervisor.GetAsync($"/staff/supervision?year={year}&handler=Xlsx&sort=overdue&desc=true");
        var badKind = await supervisor.GetAsync($"/staff/supervision?year={year}&kind=city");

        Assert.Contains(tree.Town.Name, towns, StringComparison.Ordinal);
        Assert.DoesNotContain(tree.Department.Name, towns, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("机关代码,机关名称,类型,年度报告状态", lines[0], StringComparison.Ordinal);
        Assert.Contains($"jyj,{tree.Department.Name},政府部门,已于{year + 1}年1月20日发布", lines[1], StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(6, cells.Count);
        // Sorted by overdue applications, most first: the department has 4.
        Assert.Equal(tree.Department.Name, cells[1][1]);
        Assert.Equal("4", cells[1][7]);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("类型：没有“city”这种机关类型", System.Net.WebUtility.HtmlDecode(await badKind.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyPage_ShowsFindingsWithPlacesAndOverdueCases_OutsideTheSubtreeIsNotFound()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        var (tree, year) = await TreeAsync(app);
        using (var scope = app.Services.CreateScope())
        {
            // A draft with an arithmetic error: 一 + 二 ≠ 三（七） + 四 for 自然人.
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var draft = new ReportBuilder(tree.Town.Name, year).WithApplications(ApplicantColumn.NaturalPerson, 3, 0, (ApplicationRowKeys.Granted, 3)).Build();
            draft.Applications[ApplicationRowKeys.Received, ApplicantColumn.NaturalPerson] = 5;
            db.AnnualReports.Add(new Gongkai.Data.Records.AnnualReportRecord { AgencyId = tree.Town.Id, Year = year, Json = ReportJson.Write(draft), Status = "draft" });
            await db.SaveChangesAsync();
        }

        using var supervisor = await Staff.SignedInAsync(app, "jiandu", StaffRoles.Supervisor);
        var text = await supervisor.GetTextAsync($"/staff/supervision/agencies/{tree.Town.Id}?year={year}");
        using var letter = await supervisor.GetAsync($"/staff/supervision/agencies/{tree.Town.Id}?year={year}&handler=Letter");
        using var outside = await supervisor.GetAsync($"/staff/supervision/agencies/999?year={year}");

        Assert.Contains("第三部分 一、本年新收政府信息公开申请数量·自然人列", text, StringComparison.Ordinal);
        Assert.Contains("T-", text, StringComparison.Ordinal);
        Assert.Contains("逾期未答复的申请（1 件", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync()), false);
        var body = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains($"关于{tree.Town.Name}{year}年政府信息公开工作年度报告的审查意见", body, StringComparison.Ordinal);
        Assert.Contains("第三部分 一、本年新收政府信息公开申请数量·自然人列", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains("本机关监督范围内没有这个机关", System.Net.WebUtility.HtmlDecode(await outside.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollupPage_ShowsTablesChartDataAndSources_ExportsJson()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        var (tree, year) = await TreeAsync(app);
        using var supervisor = await Staff.SignedInAsync(app, "jiandu", StaffRoles.Supervisor);

        var text = await supervisor.GetTextAsync($"/staff/supervision/rollup?year={year}");
        using var json = await supervisor.GetAsync($"/staff/supervision/rollup?year={year}&handler=Json");
        using var summary = await supervisor.GetAsync($"/staff/supervision?year={year}&handler=Summary");

        Assert.Contains("rollup-chart", text, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", text, StringComparison.Ordinal);
        Assert.Contains("据导入的已发布年报", text, StringComparison.Ordinal);
        Assert.Contains("1 个按已发布（或导入）的年度报告计，4 个按平台记录统计", text, StringComparison.Ordinal);
        var document = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("gongkai.rollup/1", document.GetProperty("schema").GetString());
        Assert.Equal(5, document.GetProperty("agencies").GetArrayLength());
        Assert.Equal("imported-report", document.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "jyj").GetProperty("source").GetString());
        Assert.True(document.GetProperty("total").GetProperty("applications").GetProperty("received")[6].GetInt32() > 45);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await summary.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("年度报告审查情况汇总", docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.DisclosureOfficer)]
    [InlineData(StaffRoles.DepartmentLiaison)]
    [InlineData(StaffRoles.ApprovingLeader)]
    public async Task SupervisionPages_OtherRoles_AreSentToAccessDenied(string role)
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var client = await Staff.SignedInAsync(app, "someone", role);

        foreach (var page in new[] { "/staff/supervision", "/staff/supervision/rollup", "/staff/supervision/agencies/1" })
        {
            using var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery);
        }

        var home = await client.GetTextAsync("/staff");
        Assert.DoesNotContain("/staff/supervision", home, StringComparison.Ordinal);
    }
}
