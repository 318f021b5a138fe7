using System.Net;
using System.Net.Http.Headers;
using Gongkai.Data;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

public class AnnualReportPageTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReportPage_NewYear_ShowsABlankReportInTheYearsTemplate(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var client = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);

        var html = await client.GetHtmlAsync("/staff/reports/2020");

        Assert.Contains("示范县卫生健康局2020年政府信息公开工作年度报告", html);
        Assert.Contains("2019年格式（试行", html);
        Assert.Contains("尚未保存", html);
        Assert.Contains("data-cell=\"applications.received.naturalPerson\"", html);
        Assert.Contains("五、政府信息公开工作存在的主要问题及改进情况", html);
        Assert.Contains("formaction=\"/staff/reports/2020?handler=Publish\"", html);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReportPage_SaveNarrativeThenPublish_PortalShowsTheReportAndItsWordFile(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);

        using var saved = await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Save",
            ("Sections.Overview", "2024年，我局认真贯彻落实《条例》。\r\n第二段：依申请公开。"), ("Sections.Other", "无。"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = await officer.GetTextAsync("/staff/reports/2024");
        Assert.Contains("正文已保存", draft);
        Assert.Contains("2024年，我局认真贯彻落实《条例》。\n第二段：依申请公开。</textarea>", draft);
        using (var anonymous = app.NewClient())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/reports/2024")).StatusCode);
        }

        await PublishAsync(officer, 2024, "2024年，我局认真贯彻落实《条例》。\r\n第二段：依申请公开。");
        Assert.Contains("示范县卫生健康局2024年度报告已发布到门户网站。", await officer.GetTextAsync("/staff/reports/2024"));

        using var portal = app.NewClient();
        var list = await portal.GetHtmlAsync("/reports");
        Assert.Contains("<a href=\"/reports/2024\">示范县卫生健康局2024年政府信息公开工作年度报告</a>", list);
        var page = await portal.GetHtmlAsync("/reports/2024");
        Assert.Contains("<p>2024年，我局认真贯彻落实《条例》。</p>", page);
        Assert.Contains("<p>第二段：依申请公开。</p>", page);
        using var docx = await portal.GetAsync("/reports/2024/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        await using var db = app.Database.Open();
        var record = await db.AnnualReports.SingleAsync(r => r.AgencyId == db.Agencies.Min(a => a.Id));
        Assert.Equal(("published", 2024), (record.Status, record.Year));
        var stored = ReportJson.Read(record.Json).Report!;
        Assert.Equal("无。", stored.Sections.Other);
        Assert.NotNull(stored.PublishedOn);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReportPage_ImportedReportTextEdited_StaysImported_ItsTablesAreNotRecounted(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        var report = new ReportBuilder(agency: "示范县卫生健康局", year: 2023)
            .WithApplications(ApplicantColumn.NaturalPerson, received: 7, carriedOver: 0, (ApplicationRowKeys.Granted, 7))
            .WithSections()
            .Build();
        using (var imported = await Import(officer, 2023, ReportJson.Write(report)))
        {
            Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        }

        using var save = await officer.PostFormAsync("/staff/reports/2023", "/staff/reports/2023?handler=Save", ("Sections.Overview", "更正后的概述"));

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await using var db = app.Database.Open();
        var record = await db.AnnualReports.SingleAsync(r => r.AgencyId == db.Agencies.Min(a => a.Id));
        Assert.Equal("imported", record.Status);
        var stored = ReportJson.Read(record.Json).Report!;
        Assert.Equal("更正后的概述", stored.Sections.Overview);
        Assert.Equal(7, stored.Applications[ApplicationRowKeys.Received, ApplicantColumn.NaturalPerson]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReportPage_ImportAReportWithErrors_ShowsTheFindingsAndRefusesToPublish(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        var report = new ReportBuilder(agency: "示范县卫生健康局", year: 2023)
            .WithApplications(ApplicantColumn.NaturalPerson, received: 5, carriedOver: 0, (ApplicationRowKeys.Granted, 4))
            .WithSections()
            .Build();
        report.Applications[ApplicationRowKeys.TotalHandled][(int)ApplicantColumn.NaturalPerson] = 5; // 4 results, total says 5

        using var imported = await Import(officer, 2023, ReportJson.Write(report));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var html = await officer.GetHtmlAsync("/staff/reports/2023");
        Assert.Contains("已导入2023年度报告", html);
        Assert.Contains("class=\"finding-error\"", html);
        Assert.Contains("三（七）总计 自然人列为5，但各项办理结果之和为4", html);

        using (var confirm = await officer.PostFormAsync("/staff/reports/2023", "/staff/reports/2023?handler=Publish", AllSections("概述")))
        {
            var page = System.Net.WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync());
            Assert.Contains("暂不能发布", page);
            Assert.Contains("<li>检查发现错误：三（七）总计 自然人列为5，但各项办理结果之和为4", page);
            Assert.DoesNotContain("确认发布</button>", page);
        }

        // Even a hand-made confirmation is refused, with the reason.
        (await officer.PostFormAsync("/staff/reports/2023", "/staff/reports/2023?handler=Publish", ("confirmed", "true"))).Dispose();
        var refused = await officer.GetTextAsync("/staff/reports/2023");
        Assert.Matches("报告有\\d+项错误，请改正后再发布。 .*检查发现错误：三（七）总计 自然人列为5，但各项办理结果之和为4", refused);
        await using var db = app.Database.Open();
        Assert.Equal("imported", (await db.AnnualReports.SingleAsync(r => r.AgencyId == db.Agencies.Min(a => a.Id))).Status);
    }

    [Fact]
    public async Task ReportPage_ImportNotAReport_ListsTheProblems()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);

        using var response = await Import(officer, 2023, "{\"schema\": \"something else\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件无法导入", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReportPage_ImportWithAHugeNumber_ListsTheCellInsteadOfFailing()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, Cases.CaseFlow.NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        var json = System.Text.Json.Nodes.JsonNode.Parse(ReportJson.Write(new ReportBuilder(year: 2023).Build()))!;
        json["article20"]!["administrativeLicensing"]!["decisions"] = 0;

        using var response = await Import(officer, 2023, json.ToJsonString().Replace("\"decisions\":0", "\"decisions\":1e400", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("文件无法导入", page);
        Assert.Contains("article20.administrativeLicensing.decisions：行政许可·本年处理决定数量 数值超出范围：1e400", page);
    }

    [Fact]
    public async Task ReportPage_PublishedReport_CannotBeChangedUntilWithdrawn()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        await PublishAsync(officer, 2024);

        (await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Save", ("Sections.Overview", "改写"))).Dispose();
        var html = await officer.GetHtmlAsync("/staff/reports/2024");
        Assert.Contains("已发布，不能修改", html);
        Assert.Contains("<p>原文</p>", await app.NewClient().GetHtmlAsync("/reports/2024"));

        (await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Withdraw")).Dispose();
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/reports/2024")).StatusCode);
    }

    [Fact]
    public async Task HomePage_CachedForVisitors_ShowsANewlyPublishedReportAtOnce()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var visitor = app.NewClient();
        Assert.DoesNotContain("最新发布", await visitor.GetTextAsync("/"));
        Assert.DoesNotContain("最新发布", await visitor.GetTextAsync("/")); // now served from the cache
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);

        await PublishAsync(officer, 2024);

        Assert.Contains("最新发布：<a href=\"/reports/2024\">", await visitor.GetTextAsync("/"));
        (await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Withdraw")).Dispose();
        Assert.DoesNotContain("最新发布", await visitor.GetTextAsync("/"));
    }

    [Fact]
    public async Task ReportPage_Publish_AsksToConfirmNamingAgencyYearFormatsAndDate_AndPublishesOnlyOnConfirmation()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        using var confirm = await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Publish", AllSections());
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync());
        Assert.Contains("<dt>机关</dt><dd>示范县卫生健康局</dd>", page);
        Assert.Contains("<dt>年度</dt><dd>2024年度政府信息公开工作年度报告</dd>", page);
        Assert.Contains("<dt>格式</dt><dd>网页（HTML）和 Word 文档（DOCX）</dd>", page);
        Assert.Matches("<dt>成文日期</dt><dd>20\\d\\d年\\d{1,2}月\\d{1,2}日</dd>", page);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/reports/2024")).StatusCode);

        using var done = await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Publish", ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var portal = await app.NewClient().GetTextAsync("/reports/2024");
        Assert.Contains("<p>原文</p>", portal);
        Assert.Matches("<time datetime=\"20\\d\\d-\\d\\d-\\d\\d\">20\\d\\d年\\d{1,2}月\\d{1,2}日</time>", portal);
    }

    [Fact]
    public async Task ReportPage_Publish_EmptyParts_AreListedAndNothingIsPublished()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        using var confirm = await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Publish",
            ("Sections.Overview", "概述"), ("Sections.Proactive", "见下表。"), ("Sections.Problems", "无。"));
        var page = System.Net.WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync());
        Assert.Contains("暂不能发布", page);
        Assert.Contains("<li>“三、收到和处理政府信息公开申请情况”没有正文（无可报告的内容时请写明“无”）。</li>", page);
        Assert.Contains("<li>“四、政府信息公开行政复议、行政诉讼情况”没有正文", page);
        Assert.Contains("<li>“六、其他需要报告的事项”没有正文", page);
        Assert.DoesNotContain("“一、总体情况”", page);

        (await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Publish", ("confirmed", "true"))).Dispose();
        Assert.Contains("报告尚不完整，不能发布。", await officer.GetTextAsync("/staff/reports/2024"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/reports/2024")).StatusCode);
    }

    [Fact]
    public async Task ReportPage_WorkingCopyDocx_CarriesTheSignatureDate()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        var html = await officer.GetTextAsync("/staff/reports/2024/report.html");
        Assert.Matches("<div class=\"signature\">\\s*<p>示范县卫生健康局</p>\\s*<p><time datetime=\"20\\d\\d-\\d\\d-\\d\\d\">", html);
        using var docx = await officer.GetAsync("/staff/reports/2024/report.docx");
        using var archive = new System.IO.Compression.ZipArchive(await docx.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(archive.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Matches("示范县卫生健康局</w:t>.*20\\d\\d年\\d{1,2}月\\d{1,2}日</w:t>", xml);

        // The same working copy as a PDF, for a leader to read before it is published.
        Assert.Contains("/staff/reports/2024/report.pdf", await officer.GetHtmlAsync("/staff/reports/2024"));
        using var pdf = await officer.GetAsync("/staff/reports/2024/report.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = string.Concat(Cases.ApplicantSideTests.PdfText(await pdf.Content.ReadAsByteArrayAsync()).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("示范县卫生健康局2024年政府信息公开工作年度报告", text);
        Assert.Contains("收到和处理政府信息公开申请情况", text);
    }

    [Fact]
    public async Task ReportPage_PublishedReportOfADepartment_LinksToItsOwnColumn()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        var town = await app.AddAgencyAsync("qsz", "青石镇", "town");
        await Staff.CreateInAsync(app, "officer", town.Id, StaffRoles.DisclosureOfficer);
        using var officer = app.NewClient();
        await officer.SignInOkAsync("officer", Staff.Password);
        await PublishAsync(officer, 2024);
        var html = await officer.GetHtmlAsync("/staff/reports/2024");
        Assert.Contains("href=\"/agencies/qsz/reports/2024\">在门户查看", html);
        using var visitor = app.NewClient();
        Assert.Contains("青石镇2024年政府信息公开工作年度报告", await visitor.GetHtmlAsync("/agencies/qsz/reports/2024"));
    }

    /// <summary>All six parts filled in (the overview as given).</summary>
    internal static (string Name, string Value)[] AllSections(string overview = "原文") =>
    [
        ("Sections.Overview", overview), ("Sections.Proactive", "主动公开情况见下表。"), ("Sections.Applications", "依申请公开情况见下表。"),
        ("Sections.ReviewLitigation", "无。"), ("Sections.Problems", "无。"), ("Sections.Other", "无。"),
    ];

    /// <summary>Publishes through the confirmation: the text saved and confirmed, then 确认发布.</summary>
    internal static async Task PublishAsync(StaffClient officer, int year, string overview = "原文")
    {
        using (var confirm = await officer.PostFormAsync($"/staff/reports/{year}", $"/staff/reports/{year}?handler=Publish", AllSections(overview)))
        {
            Assert.Contains("确认发布</button>", await confirm.Content.ReadAsStringAsync());
        }

        using var done = await officer.PostFormAsync($"/staff/reports/{year}", $"/staff/reports/{year}?handler=Publish", ("confirmed", "true"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    private static async Task<HttpResponseMessage> Import(StaffClient client, int year, string json)
    {
        var token = StaffClient.Token(await client.GetHtmlAsync($"/staff/reports/{year}"));
        var content = new MultipartFormDataContent();
        var file = new StringContent(json);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "upload", "report.json");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.Http.PostAsync($"/staff/reports/{year}?handler=Import", content);
    }
}
