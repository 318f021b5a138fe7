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

        Assert.Contains("示范区卫生健康局2020年政府信息公开工作年度报告", html);
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

        using var published = await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Publish",
            ("Sections.Overview", "2024年，我局认真贯彻落实《条例》。\r\n第二段：依申请公开。"), ("Sections.Other", "无。"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("已发布到门户网站", await officer.GetHtmlAsync("/staff/reports/2024"));

        using var portal = app.NewClient();
        var list = await portal.GetHtmlAsync("/reports");
        Assert.Contains("<a href=\"/reports/2024\">示范区卫生健康局2024年政府信息公开工作年度报告</a>", list);
        var page = await portal.GetHtmlAsync("/reports/2024");
        Assert.Contains("<p>2024年，我局认真贯彻落实《条例》。</p>", page);
        Assert.Contains("<p>第二段：依申请公开。</p>", page);
        using var docx = await portal.GetAsync("/reports/2024/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        await using var db = app.Database.Open();
        var record = await db.AnnualReports.SingleAsync();
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
        var report = new ReportBuilder(agency: "示范区卫生健康局", year: 2023)
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
        var record = await db.AnnualReports.SingleAsync();
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
        var report = new ReportBuilder(agency: "示范区卫生健康局", year: 2023)
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

        using var publish = await officer.PostFormAsync("/staff/reports/2023", "/staff/reports/2023?handler=Publish", ("Sections.Overview", "概述"));
        Assert.Contains("请改正后再发布", await officer.GetHtmlAsync("/staff/reports/2023"));
        await using var db = app.Database.Open();
        Assert.Equal("imported", (await db.AnnualReports.SingleAsync()).Status);
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
        (await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Publish", ("Sections.Overview", "原文"))).Dispose();

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

        (await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Publish", ("Sections.Overview", "原文"))).Dispose();

        Assert.Contains("最新发布：<a href=\"/reports/2024\">", await visitor.GetTextAsync("/"));
        (await officer.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Withdraw")).Dispose();
        Assert.DoesNotContain("最新发布", await visitor.GetTextAsync("/"));
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
