using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>Issue #12: every agency's column on the one portal, <c>/agencies/{code}/…</c>, and the government's own at <c>/</c>.</summary>
public class AgencyColumnTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Column_EveryPublicPage_AnswersUnderTheAgencysCode_AndItsLinksStayInside(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var agency = await app.AddAgencyAsync("jyj", "示范县教育局");
        using var visitor = app.NewClient();

        var home = await visitor.GetTextAsync("/agencies/jyj/");
        Assert.Contains("<h1>示范县教育局 政府信息公开</h1>", home);
        foreach (var part in new[] { "guide", "catalog", "reports", "apply", "status" })
        {
            Assert.Contains($"href=\"/agencies/jyj/{part}\"", home);
            var page = await visitor.GetTextAsync($"/agencies/jyj/{part}");
            Assert.Contains("示范县教育局", page);
            // No link of the column leads back into the government's own pages (except the way home to the portal).
            Assert.DoesNotMatch($"href=\"/(guide|catalog|reports|apply|status)", page);
        }

        // The government's own pages are unchanged and show the government.
        Assert.Contains(DemoData.AgencyName, await visitor.GetTextAsync("/guide"));
        Assert.DoesNotContain("示范县教育局", await visitor.GetTextAsync("/guide"));
        using (var report = await visitor.GetAsync("/agencies/jyj/reports/2025/report.docx"))
        {
            Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        }

        Assert.Equal("jyj", agency.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Column_UnknownCode_IsTheChinese404Page(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var visitor = app.NewClient();

        foreach (var url in new[] { "/agencies/nosuch/", "/agencies/nosuch/guide", "/agencies/nosuch/reports/2025/report.docx" })
        {
            using var response = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("页面不存在", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Home_ListsEveryAgencyByGroup_AndApplyOffersThemPreselectedInAColumn(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var department = await app.AddAgencyAsync("jyj", "示范县教育局");
        var town = await app.AddAgencyAsync("cgz", "城关镇", kind: "town");
        using var visitor = app.NewClient();

        var home = await visitor.GetTextAsync("/");
        Assert.Matches("<h3>政府部门</h3>\\s*<ul>\\s*<li><a href=\"/agencies/jyj/\">示范县教育局</a></li>", home);
        Assert.Matches("<h3>乡镇街道</h3>\\s*<ul>\\s*<li><a href=\"/agencies/cgz/\">城关镇</a></li>", home);

        var apply = await visitor.GetTextAsync("/apply");
        Assert.Matches($"<option value=\"\\d+\" selected=\"selected\">{DemoData.AgencyName}</option>", apply);
        Assert.Contains($"<option value=\"{town.Id}\">城关镇</option>", apply);
        var inColumn = await visitor.GetTextAsync("/agencies/jyj/apply");
        Assert.Contains($"<option value=\"{department.Id}\" selected=\"selected\">示范县教育局</option>", inColumn);
        Assert.Contains("id=\"agency-filter\"", inColumn);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Apply_FromTheGovernmentsForm_ToAChosenAgency_LandsInThatAgencysWorkListOnly(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var town = await app.AddAgencyAsync("cgz", "城关镇", kind: "town");
        using var visitor = app.NewClient();
        var token = StaffClient.Token(await visitor.GetHtmlAsync("/apply"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(town.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "AgencyId" },
            { new StringContent("NaturalPerson"), "Input.ApplicantType" },
            { new StringContent("钱某"), "Input.ApplicantName" },
            { new StringContent("居民身份证"), "Input.IdType" },
            { new StringContent("440106199001015674"), "Input.IdNumber" },
            { new StringContent("13900001111"), "Input.Phone" },
            { new StringContent("城关镇2025年低保名单"), "Input.Description" },
            { new StringContent("电子数据"), "Input.Form" },
            { new StringContent("网上查询下载"), "Input.Delivery" },
            { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "Proof", "id.png" },
        };
        using var applied = await visitor.Http.PostAsync("/apply", form);
        var done = WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync());
        Assert.Contains("受理机关：<strong id=\"applied-to\">城关镇</strong>", done);
        Assert.Contains("href=\"/agencies/cgz/status\"", done);

        using var townOfficer = app.NewClient();
        await Staff.CreateInAsync(app, "cgz-officer", town.Id, StaffRoles.DisclosureOfficer);
        await townOfficer.SignInOkAsync("cgz-officer", Staff.Password);
        using var rootOfficer = await Staff.SignedInAsync(app, "root-officer", StaffRoles.DisclosureOfficer);
        Assert.Contains("钱某", await townOfficer.GetTextAsync("/staff/cases"));
        Assert.DoesNotContain("钱某", await rootOfficer.GetTextAsync("/staff/cases"));
        await using var db = app.Database.Open();
        Assert.Equal(town.Id, (await db.OnlineApplications.SingleAsync()).AgencyId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OutputCache_KeepsEachColumnsPageApart(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        await app.AddAgencyAsync("jyj", "示范县教育局");
        await app.AddAgencyAsync("mzj", "示范县民政局");
        using var visitor = app.NewClient();

        for (var round = 0; round < 2; round++)
        {
            Assert.Contains("<h1>示范县教育局 政府信息公开</h1>", await visitor.GetTextAsync("/agencies/jyj/"));
            Assert.Contains("<h1>示范县民政局 政府信息公开</h1>", await visitor.GetTextAsync("/agencies/mzj/"));
            Assert.Contains($"<h1>{DemoData.AgencyName} 政府信息公开</h1>", await visitor.GetTextAsync("/"));
            Assert.Matches("示范县民政局", Regex.Match(await visitor.GetTextAsync("/agencies/mzj/catalog"), "<p class=\"lead\">[^<]*").Value);
        }
    }
}
