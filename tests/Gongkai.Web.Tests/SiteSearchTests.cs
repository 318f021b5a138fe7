using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Portal;
using Gongkai.Data.Records;
using Gongkai.Data.Reports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// The site search (issue #14 item 2, ADR 0013) as a visitor uses it: one box over the catalogue, the register, the
/// 制度, the 指南 and the annual reports; ranked, filtered, paged, highlighted without letting markup through; any input
/// answered; and what one instance publishes found through another on the same database.
/// </summary>
public sealed class SiteSearchTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    private static Dictionary<string, string?> NoDemo => new() { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_EverySource_FoundAndRanked_TitleHitBeforeBodyHit(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
        long titleHit, bodyHit;
        await using (var db = app.Database.Open())
        {
            var agency = await RootAsync(db);
            // The body hit is the newer one: relevance must still put the title hit first.
            titleHit = await PublishAsync(db, agency, "关于做好疫苗冷链运输管理的通知", "各接种单位：请按要求做好运输管理。", new DateOnly(2024, 3, 1));
            bodyHit = await PublishAsync(db, agency, "2025年第一季度工作安排", "本季度重点工作包括冷链设备检查、人员培训。", new DateOnly(2025, 4, 1));
            await PublishAsync(db, agency, "无关的通知", "与本次搜索无关。", new DateOnly(2025, 5, 1));
            db.DisclosureRules.Add(new DisclosureRuleRecord { AgencyId = agency, Title = "政府信息公开保密审查制度", Body = "涉及冷链物流企业商业秘密的信息，公开前应征求意见。", IssuedOn = new DateOnly(2023, 2, 1) });
            await new NormativeDocumentStore(db).AddAsync(agency, new NormativeDocument(NormativeDocumentKind.NormativeDocument, "示范县冷链食品监督管理办法", "卫健发〔2025〕3号",
                new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 3), null));
            var guide = await db.AgencyGuides.SingleAsync(g => g.AgencyId == agency);
            guide.HowToObtain = "冷链相关信息可在本网站查阅。";
            var report = (await RecordsReportBuilder.BuildAsync(db, agency, 2024))!;
            report.Sections.Overview = "2024年，本机关公开了冷链监管信息。";
            db.AnnualReports.Add(new AnnualReportRecord
            {
                AgencyId = agency,
                Year = 2024,
                Json = ReportJson.Write(report),
                Status = "published",
                UpdatedAt = TimeProvider.System.GetUtcNow(),
                PublishedAt = new DateTimeOffset(2025, 1, 20, 2, 0, 0, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        }

        var html = Unmarked(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("冷链")));
        Assert.Contains("共6条结果", html);
        foreach (var label in new[] { "主动公开", "规范性文件", "公开制度", "公开指南", "年度报告" })
        {
            Assert.Contains($"<span class=\"source\">{label}</span>", html);
        }

        Assert.Contains("示范县卫生健康局2024年政府信息公开工作年度报告", html);
        Assert.DoesNotContain("无关的通知", html);
        var titleAt = html.IndexOf("关于做好疫苗冷链运输管理的通知", StringComparison.Ordinal);
        var bodyAt = html.IndexOf("2025年第一季度工作安排", StringComparison.Ordinal);
        Assert.True(titleAt >= 0 && bodyAt > titleAt, "标题中含“冷链”的通知应排在只有正文含“冷链”的（更新的）安排之前");
        Assert.True(FirstHit(html).Contains("冷链", StringComparison.Ordinal), "第一条结果的标题应含搜索词");

        var byDate = Unmarked(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("冷链") + "&sort=date"));
        Assert.True(byDate.IndexOf("2025年第一季度工作安排", StringComparison.Ordinal) < byDate.IndexOf("关于做好疫苗冷链运输管理的通知", StringComparison.Ordinal),
            "按日期排序时，2025年的安排应排在2024年的通知之前");

        // One character, a phrase, a 文号 with its brackets, ASCII letters in either case.
        Assert.Contains("共6条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("链"))));
        var phrase = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("冷链运输管理")));
        Assert.Contains("共1条结果", phrase);
        Assert.Contains("疫苗<mark>冷链运输管理</mark>的通知", phrase);
        var number = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("卫健发〔2025〕3号")));
        Assert.Contains("共1条结果", number);
        Assert.Contains("示范县冷链食品监督管理办法", number);
        Assert.Contains("共1条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("〔2025〕3"))));
        Assert.Contains("共0条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("卫健发〔2025〕4号"))));
        var index = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("冷链 " + await IndexNumberAsync(app, titleHit))));
        Assert.Contains("共1条结果", index);

        // Two words: both must occur.
        Assert.Contains("共1条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("冷链 培训"))));
        Assert.NotEqual(0, bodyHit);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_FiltersAndPaging_CountEveryMatch(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
        string otherCategory;
        await using (var db = app.Database.Open())
        {
            var agency = await RootAsync(db);
            for (var i = 1; i <= 25; i++)
            {
                await PublishAsync(db, agency, $"第{i}批次采购结果公告", "政府采购结果。", new DateOnly(2020 + (i % 2), 6, 1));
            }

            otherCategory = (await new CatalogStore(db, ChineseWorkingDayCalendar.Default, TimeProvider.System).CategoriesAsync(agency))[1].Code;
            await PublishAsync(db, agency, "另一类的采购批次说明", "说明。", new DateOnly(2021, 7, 1), category: otherCategory);
            db.DisclosureRules.Add(new DisclosureRuleRecord { AgencyId = agency, Title = "采购批次信息公开制度", Body = "制度正文。", IssuedOn = new DateOnly(2021, 2, 1) });
            await db.SaveChangesAsync();
        }

        var all = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("批次")));
        Assert.Contains("共27条结果", all);
        Assert.Equal(20, Hits(all));
        Assert.Contains("第 1 页，共 2 页", all);
        var next = Regex.Match(all, "<a href=\"([^\"]+)\">下一页</a>").Groups[1].Value;
        Assert.NotEmpty(next);
        var second = WebUtility.HtmlDecode(await visitor.GetHtmlAsync(next));
        Assert.Contains("共27条结果", second);
        Assert.Equal(7, Hits(second));
        Assert.Contains("<ol class=\"search-hits\" start=\"21\">", second);

        // 2021: the 13 odd-numbered 批次 (i = 1, 3, …, 25), the other category's item, the 制度.
        var year = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("批次") + "&year=2021"));
        Assert.Contains("共15条结果", year);
        var category = Unmarked(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("批次") + "&c=" + otherCategory));
        Assert.Contains("共1条结果", category);
        Assert.Contains("另一类的采购批次说明", category);
        Assert.DoesNotContain("公开制度</span>", category);

        var elsewhere = WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("批次") + "&scope=no-such-agency&p=999"));
        Assert.Contains("共27条结果", elsewhere); // an unknown agency falls back to the current one; a page past the end is empty, not an error
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_HostileInput_AnswersAndNeverInjectsMarkup(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemo);
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).StatusCode);
        await using (var db = app.Database.Open())
        {
            var agency = await RootAsync(db);
            await PublishAsync(db, agency, "冷链<script>alert(1)</script>通知", "摘要<img src=x onerror=alert(2)>冷链", new DateOnly(2025, 1, 1));
            await PublishAsync(db, agency, "百分之百(100%)完成", "进度*说明", new DateOnly(2025, 1, 2));
        }

        var html = await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("冷链"));
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("<mark>冷链</mark>&lt;script&gt;alert(1)&lt;/script&gt;通知", html);
        var query = await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("<mark>\"'&"));
        Assert.DoesNotContain("<mark>\"'&", query);

        foreach (var q in new[] { "\"*():^", "\"", "((", "*", "a*", "NEAR(", "' OR 1=1 --", "_", "冷链 AND OR NOT", "\\", "\u0000", "　", new string('链', 10_000), string.Join(' ', Enumerable.Repeat("冷链", 500)) })
        {
            using var response = await visitor.GetAsync("/search?q=" + Uri.EscapeDataString(q));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"“{q[..Math.Min(q.Length, 20)]}”：{(int)response.StatusCode}");
        }

        Assert.Contains("共0条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("_"))));
        Assert.Contains("共0条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("\"*():^"))));
        // Characters that are syntax elsewhere are plain characters here: found where they occur.
        Assert.Contains("共1条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("(100%)"))));
        Assert.Contains("共1条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("*"))));
        Assert.Contains("共1条结果", WebUtility.HtmlDecode(await visitor.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("冷链 冷链 冷链"))));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_TwoInstancesOnOneDatabase_WhatOnePublishesTheOtherFinds(DatabaseProvider provider)
    {
        // The production default: each instance reads the change log at most every 200 ms.
        var settings = new Dictionary<string, string?>(NoDemo) { ["Search:RefreshMilliseconds"] = SearchIndex.DefaultRefreshMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        using var first = new GongkaiApp(provider, settings);
        using var a = first.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/")).StatusCode);
        using var second = first.SecondInstance(settings);
        using var b = second.NewClient();
        Assert.Contains("共0条结果", WebUtility.HtmlDecode(await b.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("候鸟"))));

        // Published through instance A (its own services and database connection)…
        long item;
        long rule;
        using (var scope = first.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var agency = await RootAsync(db);
            item = await PublishAsync(db, agency, "候鸟迁徙季节野生动物保护通告", "通告内容。", new DateOnly(2025, 9, 1));
            var record = new DisclosureRuleRecord { AgencyId = agency, Title = "候鸟保护信息发布制度", Body = "正文。", IssuedOn = new DateOnly(2025, 1, 1) };
            db.DisclosureRules.Add(record);
            await db.SaveChangesAsync();
            rule = record.Id;
        }

        // …is found through instance B within a bounded time (B reads the change log at most 200 ms after its last read).
        var found = await WithinAsync(TimeSpan.FromSeconds(5), async () => WebUtility.HtmlDecode(await b.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("候鸟"))),
            page => page.Contains("共2条结果", StringComparison.Ordinal));
        Assert.Contains($"href=\"/catalog/{item}\"", found);

        // Withdrawn and deleted through A: gone from B.
        await using (var db = first.Database.Open())
        {
            var record = await db.CatalogItems.SingleAsync(i => i.Id == item);
            record.Status = nameof(CatalogItemStatus.Withdrawn);
            await db.SaveChangesAsync();
            await db.DisclosureRules.Where(r => r.Id == rule).ExecuteDeleteAsync();
        }

        await WithinAsync(TimeSpan.FromSeconds(5), async () => WebUtility.HtmlDecode(await b.GetHtmlAsync("/search?q=" + Uri.EscapeDataString("候鸟"))),
            page => page.Contains("共0条结果", StringComparison.Ordinal));
        // B never read everything again: only the changed rows.
        Assert.Equal(1, second.Services.GetRequiredService<SearchIndex>().FullLoads);
    }

    private static async Task<string> WithinAsync(TimeSpan limit, Func<Task<string>> read, Func<string, bool> done)
    {
        var until = TimeProvider.System.GetUtcNow() + limit;
        while (true)
        {
            var page = await read();
            if (done(page))
            {
                return page;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < until, "另一实例在时限内仍未看到变化：" + Regex.Match(page, "共\\d+条结果").Value);
            await Task.Delay(100);
        }
    }

    private static string FirstHit(string html)
    {
        var start = html.IndexOf("<ol class=\"search-hits\"", StringComparison.Ordinal);
        var end = html.IndexOf("</li>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    /// <summary>The page as text with the highlighting taken out (titles read whole).</summary>
    private static string Unmarked(string html) => WebUtility.HtmlDecode(html.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal));

    private static int Hits(string html) => Regex.Matches(html, "<span class=\"source\">").Count;

    private static async Task<int> RootAsync(GongkaiDbContext db) => (await db.Agencies.Where(a => a.ParentId == null).OrderBy(a => a.Id).FirstAsync()).Id;

    private static async Task<string> IndexNumberAsync(GongkaiApp app, long item)
    {
        await using var db = app.Database.Open();
        return await db.CatalogItems.Where(i => i.Id == item).Select(i => i.IndexNumber).SingleAsync();
    }

    private static async Task<long> PublishAsync(GongkaiDbContext db, int agency, string title, string summary, DateOnly generated, string? category = null)
    {
        var store = new CatalogStore(db, ChineseWorkingDayCalendar.Default, TimeProvider.System);
        category ??= (await store.CategoriesAsync(agency))[0].Code;
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
