using Gongkai.Data;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Catalog.CatalogFlow;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>The public catalogue is served from the output cache, per query, and is fresh again after a publication or withdrawal.</summary>
public class CatalogPortalCacheTests
{
    [Fact]
    public async Task Catalog_CachedPerQuery_PublicationAndWithdrawalShownAtOnce()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, Cases.CaseFlow.NoDemoCases);
        var (officer, secrecy, leader) = await TeamAsync(app);
        using var visitor = app.NewClient();
        const string Title = "关于秋季爱国卫生运动的通知";
        var query = "/catalog?q=" + Uri.EscapeDataString("爱国卫生");
        var page = await DraftAsync(officer, Title, Today(app));
        await StepAsync(officer, page, "Submit");
        await StepAsync(secrecy, page, "Approve");
        for (var step = 0; step < 3; step++)
        {
            await StepAsync(leader, page, "Approve");
        }

        // Seen (and cached) before the publication: the browse page and two different searches.
        var before = await visitor.GetTextAsync("/catalog");
        var beforeSearch = await visitor.GetTextAsync(query);
        var other = await visitor.GetTextAsync("/catalog?q=" + Uri.EscapeDataString("不存在的词"));
        var published = await StepAsync(officer, page, "Publish");
        var afterPublish = await visitor.GetTextAsync("/catalog");
        var afterSearch = await visitor.GetTextAsync(query);
        await StepAsync(officer, page, "Withdraw", ("Reason", "内容有误"));
        var afterWithdraw = await visitor.GetTextAsync(query);

        Assert.Contains("已发布", published);
        Assert.DoesNotContain(Title, before);
        Assert.DoesNotContain(Title, beforeSearch);
        Assert.Contains("没有找到包含这些字的公开信息", other);
        Assert.Contains(Title, afterPublish);
        Assert.Contains(Title, afterSearch);
        Assert.Contains("共1条", afterSearch);
        Assert.DoesNotContain(Title, afterWithdraw);
    }
}
