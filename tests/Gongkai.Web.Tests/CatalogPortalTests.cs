using System.Net;
using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.TestSupport;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

public class CatalogPortalTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Catalog_PublishedItem_IsFoundByAFewCharactersAndShownWithItsFields(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/catalog")).StatusCode);
        long published;
        long draft;
        string category;
        string indexNumber;
        await using (var db = app.Database.Open())
        {
            var agency = (await db.Agencies.OrderBy(a => a.Id).FirstAsync()).Id;
            var store = new CatalogStore(db, ChineseWorkingDayCalendar.Default, TimeProvider.System);
            category = (await store.CategoriesAsync(agency))[0].Code;
            var saved = await store.AddAsync(new NewCatalogItem(agency, "关于2025年流感疫苗接种点的公告", "全区流感疫苗接种点名单及开放时间。", new DateOnly(2025, 10, 9), category)).OrFail();
            indexNumber = saved.Item.IndexNumber;
            published = saved.Id;
            var step = await store.SubmitAsync(agency, indexNumber, "科员");
            while (step.Value is { Item.Status: CatalogItemStatus.InReview })
            {
                step = await store.DecideAsync(agency, indexNumber, approve: true, "审核人", role: null);
            }

            (await store.PublishAsync(agency, indexNumber, "办公室")).OrFail();
            draft = (await store.AddAsync(new NewCatalogItem(agency, "医疗机构校验草稿（未发布）", "内部草稿。", new DateOnly(2025, 10, 9), category)).OrFail()).Id;
        }

        var found = await visitor.GetTextAsync("/catalog?q=" + Uri.EscapeDataString("疫苗接种"));
        var browsed = await visitor.GetTextAsync("/catalog?c=" + category);
        var page = await visitor.GetTextAsync($"/catalog/{published}");

        Assert.Contains($"<a href=\"/catalog/{published}\">关于2025年流感疫苗接种点的公告</a>", found);
        Assert.Contains("共1条", found);
        Assert.Contains($"<a href=\"/catalog/{published}\">", browsed);
        Assert.DoesNotContain($"/catalog/{draft}\"", browsed);
        Assert.Contains($"<th scope=\"row\">索引号</th><td class=\"nowrap\">{indexNumber}</td>", page);
        Assert.Contains("<th scope=\"row\">生成日期</th><td>2025-10-09</td>", page);
        Assert.Contains("<p>全区流感疫苗接种点名单及开放时间。</p>", page);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/catalog/{draft}")).StatusCode);
        Assert.DoesNotContain("/catalog/" + draft, await visitor.GetTextAsync("/catalog?q=" + Uri.EscapeDataString("医疗机构校验")));
    }
}
