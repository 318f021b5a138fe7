using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The portal as a government website (issue #14): footer, 制度, the column, search, feeds and open data.</summary>
public class PortalTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    private static Dictionary<string, string?> NoDemo => new() { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SiteSettings_SavedByTheAdministrator_AreInTheFooterOfEveryPublicPage(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);

        using var refused = await admin.PostFormAsync("/staff/admin/site", "/staff/admin/site",
            ("Input.HostName", "示范区人民政府办公室"), ("Input.IcpUrl", "javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ICP备案号的链接应是以 http:// 或 https:// 开头的网址", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        using var saved = await admin.PostFormAsync("/staff/admin/site", "/staff/admin/site",
            ("Input.HostName", "示范区人民政府办公室"), ("Input.Contact", "0591-12345678"), ("Input.SiteCode", "3501000001"),
            ("Input.IcpNumber", "闽ICP备12345678号"), ("Input.IcpUrl", "https://beian.miit.gov.cn/"),
            ("Input.PoliceNumber", "闽公网安备35010002000001号"), ("Input.PoliceUrl", "https://beian.mps.gov.cn/"),
            ("Input.PartyMarkUrl", "https://bszs.conac.cn/sitename?method=show&id=1"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var visitor = app.NewClient();
        foreach (var page in new[] { "/", "/guide", "/policies", "/catalog", "/reports", "/apply", "/status", "/search?q=x" })
        {
            var html = await visitor.GetTextAsync(page);
            Assert.Contains("主办单位：示范区人民政府办公室", html);
            Assert.Contains("联系方式：0591-12345678", html);
            Assert.Contains("网站标识码：3501000001", html);
            Assert.Contains("<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\">闽ICP备12345678号</a>", html);
            Assert.Contains("<a href=\"https://beian.mps.gov.cn/\" rel=\"noopener\">闽公网安备35010002000001号</a>", html);
            Assert.Contains("alt=\"党政机关网站标识\"", html);
            Assert.Contains("aria-label=\"政府信息公开栏目\"", html);
            Assert.Contains("action=\"/search\"", html);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Policies_AddedCorrectedAndRemovedByTheOffice_AreListedOnThePortal(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        using var visitor = app.NewClient();

        using var refused = await officer.PostFormAsync("/staff/disclosure/policies", "/staff/disclosure/policies",
            ("Input.Title", "  "), ("Input.IssuedOn", "2025-03-01"), ("Input.Body", "正文"));
        Assert.Contains("请填写制度的标题。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        using var added = await officer.PostFormAsync("/staff/disclosure/policies", "/staff/disclosure/policies",
            ("Input.Title", "政府信息公开保密审查制度"), ("Input.DocumentNumber", "示卫办〔2025〕2号"), ("Input.IssuedOn", "2025-03-01"),
            ("Input.Body", "第一条 拟公开的信息先审查。\n\n第二条 审查意见存档。"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        long id;
        await using (var db = app.Database.Open())
        {
            id = (await db.DisclosureRules.SingleAsync()).Id;
        }

        var list = await visitor.GetTextAsync("/policies");
        Assert.Contains($"<a href=\"/policies/{id}\">政府信息公开保密审查制度</a>", list);
        Assert.Contains("<td>示卫办〔2025〕2号</td>", list);
        var page = await visitor.GetTextAsync($"/policies/{id}");
        Assert.Contains("<p>第一条 拟公开的信息先审查。</p>", page);
        Assert.Contains("<p>第二条 审查意见存档。</p>", page);

        using var edited = await officer.PostFormAsync($"/staff/disclosure/policies?edit={id}", $"/staff/disclosure/policies?edit={id}",
            ("Input.Title", "政府信息公开保密审查办法"), ("Input.DocumentNumber", ""), ("Input.IssuedOn", "2025-04-01"), ("Input.Body", "修订后的正文。"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await visitor.GetTextAsync($"/policies/{id}");
        Assert.Contains("<h1>政府信息公开保密审查办法</h1>", after);
        Assert.Contains("文号：无 · 印发日期：2025-04-01", after);

        using var removed = await officer.PostFormAsync("/staff/disclosure/policies", $"/staff/disclosure/policies?handler=Remove&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/policies/{id}")).StatusCode);

        using var reader = await Staff.SignedInAsync(app, "viewer", StaffRoles.Supervisor);
        using var forbidden = await reader.PostFormAsync("/staff/disclosure/policies", "/staff/disclosure/policies",
            ("Input.Title", "越权添加"), ("Input.IssuedOn", "2025-03-01"), ("Input.Body", "正文"));
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("/account/access-denied", forbidden.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using (var db = app.Database.Open())
        {
            Assert.Empty(await db.DisclosureRules.ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_FindsTheCatalogueThePoliciesAndTheRegister_HighlightedAndEncoded(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode); // started: schema and agency exist
        long item;
        await using (var db = app.Database.Open())
        {
            var agency = (await db.Agencies.Where(a => a.ParentId == null).OrderBy(a => a.Id).FirstAsync()).Id; // the root: /search without a column
            item = await PublishAsync(db, agency, "关于公布2025年医疗机构校验结果的通知", "全区医疗机构校验合格名单。", new DateOnly(2025, 10, 9));
            await PublishAsync(db, agency, "2024年度部门决算", "决算报表及说明。", new DateOnly(2024, 8, 1));
            db.DisclosureRules.Add(new Gongkai.Data.Records.DisclosureRuleRecord { AgencyId = agency, Title = "医疗信息公开工作制度", Body = "关于医疗机构信息公开的规定。", IssuedOn = new DateOnly(2023, 2, 1) });
            await new NormativeDocumentStore(db).AddAsync(agency, new NormativeDocument(NormativeDocumentKind.NormativeDocument, "示范区医疗机构校验管理办法", "示卫规〔2025〕1号",
                new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 3), null));
            await db.SaveChangesAsync();
        }

        var html = await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("医疗 校验"));
        Assert.Contains("共2条结果", WebUtility.HtmlDecode(html));
        Assert.Contains($"<a href=\"/catalog/{item}\">关于公布2025年<mark>医疗</mark>机构<mark>校验</mark>结果的通知</a>", html);
        Assert.Contains("示范区<mark>医疗</mark>机构<mark>校验</mark>管理办法", html);
        Assert.DoesNotContain("2024年度部门决算", html);

        var policy = await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("信息公开 医疗"));
        Assert.Contains("<mark>医疗信息公开</mark>工作制度", policy);

        var byYear = await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("医疗") + "&year=2023");
        Assert.Contains("共1条结果", WebUtility.HtmlDecode(byYear));
        Assert.Contains("公开制度", WebUtility.HtmlDecode(byYear));

        var byDate = await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("医疗") + "&sort=date");
        var decoded = WebUtility.HtmlDecode(byDate);
        var newer = decoded.IndexOf("校验结果的通知", StringComparison.Ordinal);
        var older = decoded.IndexOf("信息公开工作制度", StringComparison.Ordinal);
        Assert.True(newer >= 0 && older > newer, "按日期排序时，2025年的通知应排在2023年的制度之前");

        var hostile = await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script> 医疗"));
        Assert.DoesNotContain("<script>alert(1)</script>", hostile);
        Assert.Contains("&lt;script&gt;", hostile);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Feeds_SitemapAndOpenData_CarryThePublishedItems(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode); // started: schema and agency exist
        long item;
        string index;
        await using (var db = app.Database.Open())
        {
            var agency = (await db.Agencies.OrderBy(a => a.Id).FirstAsync()).Id;
            item = await PublishAsync(db, agency, "关于2025年流感疫苗接种点的公告", "接种点名单, 含\"开放时间\"。", new DateOnly(2025, 10, 9));
            index = (await db.CatalogItems.SingleAsync(i => i.Id == item)).IndexNumber;
        }

        var rss = XDocument.Parse(await visitor.GetHtmlAsync("/feed.rss"));
        var rssItem = Assert.Single(rss.Descendants("item"));
        Assert.Equal("关于2025年流感疫苗接种点的公告", rssItem.Element("title")!.Value);
        Assert.EndsWith($"/catalog/{item}", rssItem.Element("link")!.Value, StringComparison.Ordinal);

        XNamespace atomNs = "http://www.w3.org/2005/Atom";
        var atom = XDocument.Parse(await visitor.GetHtmlAsync("/feed.atom"));
        Assert.Equal("关于2025年流感疫苗接种点的公告", Assert.Single(atom.Descendants(atomNs + "entry")).Element(atomNs + "title")!.Value);
        Assert.Single(XDocument.Parse(await visitor.GetHtmlAsync("/feeds/all.rss")).Descendants("item"));

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(await visitor.GetHtmlAsync("/sitemap.xml")).Descendants(sm + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.Contains($"/catalog/{item}", locs);
        Assert.Contains("/guide", locs);
        Assert.Contains("/policies", locs);

        using var csv = await visitor.GetAsync("/catalog.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("索引号,标题,内容概述,主题分类,文号,发布机构,生成日期,发布日期,有效性,网址", lines[0]);
        Assert.StartsWith($"{index},关于2025年流感疫苗接种点的公告,\"接种点名单, 含\"\"开放时间\"\"。\",", lines[1]);

        using var json = JsonDocument.Parse(await visitor.GetHtmlAsync("/catalog.json"));
        var first = json.RootElement.GetProperty("items")[0];
        Assert.Equal(index, first.GetProperty("indexNumber").GetString());
        Assert.Equal("2025-10-09", first.GetProperty("generatedOn").GetString());
        Assert.Equal("有效", first.GetProperty("validity").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReportPage_ShowsLastYearsFiguresTheTrendChartAndHeadersForScreenReaders(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<Gongkai.Application.Reports.AnnualReportStore>();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var agency = (await db.Agencies.OrderBy(a => a.Id).FirstAsync()).Id;
            foreach (var (year, received, granted) in new[] { (2022, 40, 30), (2023, 52, 41), (2024, 47, 39) })
            {
                var report = new ReportBuilder(agency: "示范区卫生健康局", year: year)
                    .WithApplications(ApplicantColumn.NaturalPerson, received: received, carriedOver: 0, (ApplicationRowKeys.Granted, granted))
                    .WithSections().Build();
                Assert.Null(await store.SaveAsync(agency, report, Gongkai.Application.Reports.ReportStatus.Published));
            }
        }

        var html = await visitor.GetHtmlAsync("/reports/2024");
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("<th scope=\"row\">本年新收政府信息公开申请</th>\n                    <td>47</td>\n                    <td>52</td>\n                    <td>-5</td>", text);
        Assert.Contains("<th scope=\"row\">予以公开</th>\n                    <td>39</td>\n                    <td>41</td>\n                    <td>-2</td>", text);
        Assert.Contains("<tr><th scope=\"row\">2022</th><td>40</td><td>30</td>", text);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", html);
        Assert.Contains("<th scope=\"colgroup\" colspan=\"7\">申请人情况</th>", html);
        Assert.Contains("<th scope=\"col\" rowspan=\"2\">自然人</th>", html);
        using var chart = await visitor.GetAsync("/lib/chart.js/chart.umd.min.js");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Contains("Chart.js v4.6.1", await chart.Content.ReadAsStringAsync());
        Assert.Contains("<td>未公布</td>", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/reports/2022")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Guide_StatesFeesAndRemediesListsTheCataloguesCategoriesAndOffersTheApplicationForm(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var visitor = app.NewClient();
        var guide = await visitor.GetTextAsync("/guide");
        Assert.Contains("四、收费", guide);
        Assert.Contains("不收取费用", guide);
        Assert.Contains("国办函〔2020〕109号", guide);
        Assert.Contains("五、监督和救济途径", guide);
        Assert.Contains("依法申请行政复议或者提起行政诉讼", guide);
        await using (var db = app.Database.Open())
        {
            foreach (var category in await db.CatalogCategories.ToListAsync())
            {
                Assert.Contains("<li>" + category.Name + "（", guide);
            }
        }

        using var form = await visitor.GetAsync("/guide/application-form.docx");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var bytes = await form.Content.ReadAsByteArrayAsync();
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("示范县卫生健康局政府信息公开申请表", xml);
        Assert.Contains("名称、文号或者便于查询的其他特征性描述", xml);
    }

    private static async Task<long> PublishAsync(GongkaiDbContext db, int agency, string title, string summary, DateOnly generated)
    {
        var store = new CatalogStore(db, ChineseWorkingDayCalendar.Default, TimeProvider.System);
        var category = (await store.CategoriesAsync(agency))[0].Code;
        var saved = await store.AddAsync(new NewCatalogItem(agency, title, summary, generated, category)).OrFail();
        var step = await store.SubmitAsync(agency, saved.Item.IndexNumber, "科员");
        while (step.Value is { Item.Status: CatalogItemStatus.InReview })
        {
            step = await store.DecideAsync(agency, saved.Item.IndexNumber, approve: true, "审核人", role: null);
        }

        (await store.PublishAsync(agency, saved.Item.IndexNumber, "办公室", generated.AddDays(3))).OrFail();
        return saved.Id;
    }
}
