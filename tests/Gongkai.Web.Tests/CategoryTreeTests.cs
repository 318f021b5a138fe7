using System.Globalization;
using System.Net;
using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Domain.Disclosure;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Cases;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>法定主动公开内容 as a tree of any depth (issue #14): the office's sub-categories, the public tree and tables, the PDFs.</summary>
public class CategoryTreeTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    private static Dictionary<string, string?> NoDemo => new() { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" };

    private const string Page = "/staff/disclosure/categories";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwelveOfficersAddTheSameCodeAtOnce_OneCategoryIsAdded_TheOthersAreToldWhy_NoError(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        var agencyId = await Staff.RootIdAsync(app);
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var add = scope.ServiceProvider.GetRequiredService<Gongkai.Application.Catalog.AddCatalogCategory>();
            return await add.ExecuteAsync(new Gongkai.Application.Catalog.AddCatalogCategoryRequest(agencyId, null, "same-code", "同时添加" + i));
        }));

        Assert.Single(results, r => r.Error is null);
        Assert.All(results.Where(r => r.Error is not null), r => Assert.True(
            r.Error!.Message.Contains("已被使用", StringComparison.Ordinal) || r.Error.Message.Contains("刚被其他人修改", StringComparison.Ordinal), r.Error.Message));
        using var check = app.Services.CreateScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().CatalogCategories.CountAsync(c => c.AgencyId == agencyId && c.Code == "same-code"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SubCategories_ThreeLevelsDeep_PortalShowsTheBranchAndListsItemsOfSubCategoriesWithPaging(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        await officer.GetHtmlAsync(Page);
        var finance = await IdAsync(app, "art20-07");

        using (var added = await officer.PostFormAsync(Page, Page + "?handler=Add", ("ParentId", Id(finance)), ("Name", "预算"), ("Code", "budget")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using (var added = await officer.PostFormAsync(Page, Page + "?handler=Add", ("ParentId", Id(await IdAsync(app, "budget"))), ("Name", "部门预算"), ("Code", "budget-dept")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        Assert.Contains("财政预决算 › 预算 › 部门预算", await officer.GetTextAsync(Page));

        // 21 items in the deepest category, one in an unrelated one.
        await using (var db = app.Database.Open())
        {
            var agency = await db.Agencies.MinAsync(a => a.Id);
            var deep = await db.CatalogCategories.SingleAsync(c => c.AgencyId == agency && c.Code == "budget-dept");
            var rules = await db.CatalogCategories.SingleAsync(c => c.AgencyId == agency && c.Code == "art20-01");
            for (var i = 1; i <= 21; i++)
            {
                db.CatalogItems.Add(Published(agency, deep.Id, i, $"部门预算公开第{i}号"));
            }

            db.CatalogItems.Add(Published(agency, rules.Id, 22, "规范性文件样例"));
            await db.SaveChangesAsync();
        }

        using var visitor = app.NewClient();
        var top = await visitor.GetTextAsync("/catalog?c=art20-07");
        Assert.Contains("<details open=\"open\">", await visitor.GetHtmlAsync("/catalog?c=budget-dept"));
        Assert.Contains("共21条", top);
        Assert.Contains("第 1 页，共 2 页", top);
        Assert.Contains("部门预算公开第21号", top); // newest first
        Assert.DoesNotContain("规范性文件样例", top);
        Assert.Contains("<th scope=\"col\" class=\"nowrap wide-only\">索引号</th>", await visitor.GetHtmlAsync("/catalog?c=art20-07"));
        Assert.Contains("部门预算公开第1号", await visitor.GetTextAsync("/catalog?c=art20-07&page=2"));

        var middle = await visitor.GetTextAsync("/catalog?c=budget");
        Assert.Contains("共21条", middle);
        Assert.Contains("财政预决算</a> ›", middle); // the branch above it
        Assert.Contains("共1条", await visitor.GetTextAsync("/catalog?c=art20-01"));
        Assert.Contains("部门预算", await visitor.GetTextAsync("/guide"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Categories_RenameMoveRemove_RefusedWhileNotEmptyOrUnderItself(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        await officer.GetHtmlAsync(Page);
        (await officer.PostFormAsync(Page, Page + "?handler=Add", ("ParentId", ""), ("Name", "财政信息"), ("Code", "fin"))).Dispose();
        (await officer.PostFormAsync(Page, Page + "?handler=Add", ("ParentId", Id(await IdAsync(app, "fin"))), ("Name", "预算"), ("Code", "fin-budget"))).Dispose();
        var fin = await IdAsync(app, "fin");
        var budget = await IdAsync(app, "fin-budget");

        var duplicate = await officer.PostFormAsync(Page, Page + "?handler=Add", ("ParentId", Id(fin)), ("Name", "预算"), ("Code", "other"));
        Assert.Contains("同一级已有分类“预算”，请换一个名称。", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));

        var underItself = await officer.PostFormAsync(Page, $"{Page}?handler=Move&id={Id(fin)}", ("ParentId", Id(budget)));
        Assert.Contains("不能把“财政信息”移到它自己或它的子分类下面。", WebUtility.HtmlDecode(await underItself.Content.ReadAsStringAsync()));

        var notEmpty = await officer.PostFormAsync(Page, $"{Page}?handler=Remove&id={Id(fin)}");
        Assert.Contains("“财政信息”下还有1个子分类，请先删除或移走子分类。", WebUtility.HtmlDecode(await notEmpty.Content.ReadAsStringAsync()));

        var article20 = await officer.PostFormAsync(Page, $"{Page}?handler=Remove&id={Id(await IdAsync(app, "art20-01"))}");
        Assert.Contains("是第二十条规定的法定主动公开内容分类，不能删除。", WebUtility.HtmlDecode(await article20.Content.ReadAsStringAsync()));

        await using (var db = app.Database.Open())
        {
            db.CatalogItems.Add(Published(await db.Agencies.MinAsync(a => a.Id), budget, 1, "预算说明"));
            await db.SaveChangesAsync();
        }

        var hasItems = await officer.PostFormAsync(Page, $"{Page}?handler=Remove&id={Id(budget)}");
        Assert.Contains("“预算”中还有1条目录信息，不能删除；请先把这些信息改到其他分类。", WebUtility.HtmlDecode(await hasItems.Content.ReadAsStringAsync()));

        // Renamed and moved to the top, 预算 shows under its new name; the emptied 财政信息 goes.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(Page, $"{Page}?handler=Rename&id={Id(budget)}", ("Name", "部门预算"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(Page, $"{Page}?handler=Move&id={Id(budget)}", ("ParentId", ""))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(Page, $"{Page}?handler=Remove&id={Id(fin)}")).StatusCode);

        using var visitor = app.NewClient();
        var catalog = await visitor.GetTextAsync("/catalog?c=fin-budget");
        Assert.Contains("<h2 id=\"listing-heading\">部门预算</h2>", catalog);
        Assert.Contains("预算说明", catalog);
        Assert.DoesNotContain("财政信息", catalog);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WordSearchWithinACategory_FindsItemsOfItsSubCategories_OnTheCatalogueAndTheSiteSearch(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        await officer.GetHtmlAsync(Page);
        (await officer.PostFormAsync(Page, Page + "?handler=Add", ("ParentId", Id(await IdAsync(app, "art20-07"))), ("Name", "预算"), ("Code", "budget"))).Dispose();
        (await officer.PostFormAsync(Page, Page + "?handler=Add", ("ParentId", Id(await IdAsync(app, "budget"))), ("Name", "部门预算"), ("Code", "budget-dept"))).Dispose();

        // Two levels down: 财政预决算 › 预算 › 部门预算; and one beside, in 规章.
        await using (var db = app.Database.Open())
        {
            var agency = await db.Agencies.MinAsync(a => a.Id);
            var deep = Published(agency, await IdAsync(app, "budget-dept"), 1, "卫生健康局部门预算说明");
            var beside = Published(agency, await IdAsync(app, "art20-01"), 2, "卫生健康局预算管理办法");
            db.CatalogItems.AddRange(deep, beside);
            await db.SaveChangesAsync();
            await IndexAsync(db, deep, beside);
        }

        using var visitor = app.NewClient();
        var top = await visitor.GetTextAsync("/catalog?c=art20-07&q=" + Uri.EscapeDataString("预算"));
        Assert.Contains("卫生健康局部门预算说明", top);
        Assert.DoesNotContain("卫生健康局预算管理办法", top);
        Assert.Contains("卫生健康局部门预算说明", await visitor.GetTextAsync("/catalog?c=budget&q=" + Uri.EscapeDataString("部门预算")));
        Assert.DoesNotContain("卫生健康局部门预算说明", await visitor.GetTextAsync("/catalog?c=art20-01&q=" + Uri.EscapeDataString("预算")));

        var site = (await visitor.GetTextAsync("/search?q=" + Uri.EscapeDataString("预算") + "&c=art20-07")).Replace("<mark>", string.Empty, StringComparison.Ordinal)
            .Replace("</mark>", string.Empty, StringComparison.Ordinal);
        Assert.Contains("共1条结果", site);
        Assert.Contains("部门预算说明", site);
        Assert.DoesNotContain("预算管理办法", site);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoOfficersOnTheSamePage_TheLaterChangeIsRefused_NamingWhoChangedItAndWhen_NothingOverwritten(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var first = await Staff.SignedInAsync(app, "wangfang", StaffRoles.DisclosureOfficer);
        using var second = await Staff.SignedInAsync(app, "lisi", StaffRoles.DisclosureOfficer);
        await first.GetHtmlAsync(Page);
        (await first.PostFormAsync(Page, Page + "?handler=Add", ("ParentId", Id(await IdAsync(app, "art20-07"))), ("Name", "预算"), ("Code", "budget"))).Dispose();
        var budget = await IdAsync(app, "budget");

        // Both open the page: 预算 at version 1.
        var seen = Seen(await second.GetHtmlAsync(Page), budget);
        Assert.Equal("1", Seen(await first.GetHtmlAsync(Page), budget));
        Assert.Equal("1", seen);

        using (var renamed = await first.PostFormAsync(Page, $"{Page}?handler=Rename&id={Id(budget)}", ("Name", "部门预算"), ("Version", "1")))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        // The second decides on what they saw: each change is refused, saying who renamed it and when, and changes nothing.
        foreach (var (handler, fields) in new (string, (string, string)[])[]
        {
            ("Rename", [("Name", "年度预算"), ("Version", seen)]),
            ("Move", [("ParentId", ""), ("Version", seen)]),
            ("Remove", [("Version", seen)]),
        })
        {
            using var stale = await second.PostFormAsync(Page, $"{Page}?handler={handler}&id={Id(budget)}", fields);
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            var shown = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
            Assert.Matches("分类“部门预算”在您打开页面后已被wangfang于\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}修改", shown);
            Assert.Contains("本次未保存", shown);
            Assert.DoesNotContain("value=\"年度预算\"", shown); // the add form below does not take up the refused name
        }

        await using (var db = app.Database.Open())
        {
            var row = await db.CatalogCategories.SingleAsync(c => c.Id == budget);
            Assert.Equal(("部门预算", await IdAsync(app, "art20-07"), 2, "wangfang"), (row.Name, row.ParentId!.Value, row.Version, row.UpdatedBy!));
        }

        // Refreshed, the page carries version 2 and the move goes through.
        Assert.Equal("2", Seen(await second.GetHtmlAsync(Page), budget));
        using (var moved = await second.PostFormAsync(Page, $"{Page}?handler=Move&id={Id(budget)}", ("ParentId", ""), ("Version", "2")))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        Assert.Contains("已移动分类“部门预算”", await second.GetTextAsync(Page));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CatalogueSettings_NoLongerAddCategories_LinkToTheCategoriesPage(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var admin = await Staff.SignedInAsync(app, "admin2", StaffRoles.Administrator);
        var settings = await admin.GetHtmlAsync("/staff/admin/disclosure");
        Assert.DoesNotContain("handler=Category", settings);
        Assert.DoesNotContain("添加分类</button>", settings);
        Assert.Contains("<a href=\"/staff/disclosure/categories\" id=\"categories-link\">", settings);
        Assert.Contains("本机关现有 15 个主题分类", WebUtility.HtmlDecode(settings));
        Assert.Contains("添加分类", await admin.GetTextAsync(Page));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pdfs_ApplicationFormAndPublishedReport_OpenWithTheAgencyAndTheTitle(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var visitor = app.NewClient();
        using var form = await visitor.GetAsync("/guide/application-form.pdf");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("application/pdf", form.Content.Headers.ContentType?.MediaType);
        var formText = Flat(ApplicantSideTests.PdfText(await form.Content.ReadAsByteArrayAsync()));
        Assert.Contains("示范县卫生健康局政府信息公开申请表", formText);
        Assert.Contains("申请人签名或者盖章", formText);
        Assert.Contains("application-form.pdf", await visitor.GetHtmlAsync("/guide"));

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/reports/2024/report.pdf")).StatusCode);
        using var officer = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);
        await AnnualReportPageTests.PublishAsync(officer, 2024, "2024年，我局认真贯彻落实《条例》。");
        using var report = await visitor.GetAsync("/reports/2024/report.pdf");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = Flat(ApplicantSideTests.PdfText(await report.Content.ReadAsByteArrayAsync()));
        Assert.Contains("示范县卫生健康局2024年政府信息公开工作年度报告", text);
        Assert.Contains("2024年，我局认真贯彻落实《条例》。", text);
        Assert.Contains("收到和处理政府信息公开申请情况", text);
        Assert.Contains("report.pdf", await visitor.GetHtmlAsync("/reports/2024"));
    }

    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version the rename form of a category carries on the page (what the person saw).</summary>
    private static string Seen(string html, int category) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<tr id=\"category-{Id(category)}\">(?:(?!</tr>).)*?name=\"Version\" value=\"(\\d+)\"",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

    /// <summary>Items written straight to the table: into the SQLite word index as publishing puts them (PostgreSQL's index follows the row).</summary>
    private static async Task IndexAsync(GongkaiDbContext db, params CatalogItemRecord[] items)
    {
        if (db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var item in items)
        {
            var grams = CatalogSearch.Grams(item.Title + " " + item.Summary);
            var scope = CatalogSearch.Scope(item.AgencyId, item.CategoryId);
            await db.Database.ExecuteSqlAsync($"INSERT INTO catalog_search (rowid, grams, scope) VALUES ({item.Id}, {grams}, {scope})");
        }
    }

    private static async Task<int> IdAsync(GongkaiApp app, string code)
    {
        await using var db = app.Database.Open();
        var agency = await db.Agencies.MinAsync(a => a.Id);
        return await db.CatalogCategories.Where(c => c.AgencyId == agency && c.Code == code).Select(c => c.Id).SingleAsync();
    }

    private static CatalogItemRecord Published(int agency, int category, int serial, string title)
    {
        var day = new DateOnly(2025, 1, 1).AddDays(serial);
        return new CatalogItemRecord
        {
            AgencyId = agency,
            IndexNumber = "T/2025-" + serial.ToString("D5", CultureInfo.InvariantCulture),
            IndexScope = "T/2025-#",
            IndexSerial = serial,
            Title = title,
            Summary = title + "的内容。",
            GeneratedOn = day,
            PublishedOn = day.AddDays(1),
            Publisher = "示范县卫生健康局",
            CategoryId = category,
            Channels = PublicationChannels.Join([PublicationChannel.GovernmentWebsite]),
            Validity = nameof(Validity.Valid),
            Status = nameof(CatalogItemStatus.Published),
            Attachments = "[]",
            Version = 1,
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
    }
}
