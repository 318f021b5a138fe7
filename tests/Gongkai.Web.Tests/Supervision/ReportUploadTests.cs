using System.IO.Compression;
using System.Net;
using System.Text;
using Gongkai.Application.Supervision;
using Gongkai.Data;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Supervision;

public class ReportUploadTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    private static byte[] Published(string agency, int year, int received) =>
        Encoding.UTF8.GetBytes(HtmlReportRenderer.Render(Report(agency, year, received)));

    private static AnnualReport Report(string agency, int year, int received)
    {
        var report = new ReportBuilder(agency, year)
            .WithApplications(ApplicantColumn.NaturalPerson, received, 0, (ApplicationRowKeys.Granted, received))
            .WithSections()
            .Build();
        report.PublishedOn = new DateOnly(year + 1, 1, 25);
        return report;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upload_TwoReportsInAZip_CorrectedMatchConfirmed_CountedFromThePublishedReports(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        SupervisionTree tree;
        int year;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            year = SupervisionScope.DefaultYear(Today(app));
            tree = await SupervisionTree.CreateAsync(db, year, Today(app), await scope.ServiceProvider.GetRequiredService<CurrentAgency>().GetAsync());
        }

        using var supervisor = await Staff.SignedInAsync(app, "jiandu", StaffRoles.Supervisor);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("档案中心.html", Published("示范县档案中心", year, 7)), ("社区/东街.html", Published("东街社区居民委员会", year, 11)) })
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        using var upload = await supervisor.PostMultipartAsync("/staff/supervision/uploads", "/staff/supervision/uploads", [], ("files", "报告.zip", zip.ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = upload.Headers.Location!.OriginalString;
        var html = await supervisor.GetHtmlAsync(page);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("示范县档案中心", text, StringComparison.Ordinal);
        Assert.Contains("名称完全一致", text, StringComparison.Ordinal);
        Assert.Contains("东街社区居民委员会", text, StringComparison.Ordinal);
        var ids = System.Text.RegularExpressions.Regex.Matches(html, "name=\"agency-(\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, ids.Count);

        // Nothing is saved before the confirmation.
        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AnnualReports.CountAsync());
        }

        // The office confirms the first and corrects the second to 城关镇东街社区.
        using var confirm = await supervisor.PostFormAsync(page, page, ($"agency-{ids[0]}", tree.Unknown.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ($"agency-{ids[1]}", tree.Village.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var rollup = await supervisor.GetTextAsync($"/staff/supervision/rollup?year={year}");
        Assert.Contains("3 个按已发布（或导入）的年度报告计，2 个按平台记录统计", rollup, StringComparison.Ordinal);
        using var scope2 = app.Services.CreateScope();
        var result = await scope2.ServiceProvider.GetRequiredService<RollUpReports>().ExecuteAsync(new RollupRequest(tree.Root.Id, year));
        var village = result.Value!.Current.Parts.Single(p => p.Agency.Id == tree.Village.Id);
        Assert.Equal(Gongkai.Data.Supervision.FigureSource.Imported, village.Source);
        Assert.Equal(11, village.Report.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total]);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Upload_NoAgencyChosen_NothingSaved_AndSaysSo()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        var year = SupervisionScope.DefaultYear(Today(app));
        using var supervisor = await Staff.SignedInAsync(app, "jiandu", StaffRoles.Supervisor);

        using var upload = await supervisor.PostMultipartAsync("/staff/supervision/uploads", "/staff/supervision/uploads", [], ("files", "a.html", Published("不相干的某某委员会", year, 3)));
        var page = upload.Headers.Location!.OriginalString;
        var html = await supervisor.GetHtmlAsync(page);
        var id = System.Text.RegularExpressions.Regex.Match(html, "name=\"agency-(\\d+)\"").Groups[1].Value;
        using var confirm = await supervisor.PostFormAsync(page, page, ($"agency-{id}", string.Empty));

        Assert.Contains("未找到对应机关，请选择", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Contains("没有确认任何报告：请为要保存的报告选择所属机关", WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().AnnualReports.CountAsync());
    }

    [Fact]
    public async Task Upload_ZipWithATraversalName_RefusedWhole()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var supervisor = await Staff.SignedInAsync(app, "jiandu", StaffRoles.Supervisor);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("../../etc/passwd.html").Open();
            entry.Write(Published("示范县档案中心", 2025, 1));
        }

        using var upload = await supervisor.PostMultipartAsync("/staff/supervision/uploads", "/staff/supervision/uploads", [], ("files", "坏.zip", zip.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Contains("压缩包“坏.zip”中的文件名“../../etc/passwd.html”不安全", WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().ReportUploads.CountAsync());
    }
}
