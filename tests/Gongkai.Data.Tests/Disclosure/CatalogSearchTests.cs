using Gongkai.Data.Disclosure;
using Gongkai.Domain.Calendar;
using Gongkai.TestSupport;

namespace Gongkai.Data.Tests.Disclosure;

public class CatalogSearchTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero));

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_SubstringsOfAnyLength_WithoutSegmentation(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CatalogStoreTests.AddAgencyAsync(context);
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);
        var licence = await CatalogStoreTests.PublishAsync(store, agency, "关于公布2025年医疗机构执业许可证校验结果的公告");
        var fees = await CatalogStoreTests.PublishAsync(store, agency, "番禺区卫生健康局2024年部门决算", summary: "部门决算及“三公”经费说明");
        await CatalogStoreTests.DraftAsync(store, agency, "草稿里的许可证信息");
        var search = new CatalogSearch(context);

        Assert.Equal([licence], (await search.SearchAsync(agency, "许可证校验")).Items.Select(i => i.IndexNumber)); // 5 characters
        Assert.Equal([licence], (await search.SearchAsync(agency, "校验")).Items.Select(i => i.IndexNumber)); // 2 characters
        Assert.Equal([licence], (await search.SearchAsync(agency, "证")).Items.Select(i => i.IndexNumber)); // 1 character
        Assert.Equal([fees], (await search.SearchAsync(agency, "三公")).Items.Select(i => i.IndexNumber)); // in the summary, inside quotes
        Assert.Equal([licence], (await search.SearchAsync(agency, "2025 医疗 机构")).Items.Select(i => i.IndexNumber)); // several words
        Assert.Empty((await search.SearchAsync(agency, "医疗许可")).Items); // not a substring: no false positive from shared pairs
        Assert.Empty((await search.SearchAsync(agency, "校验 决算")).Items); // every word must match
        Assert.Equal(2, (await search.SearchAsync(null, "2")).Total); // digits, across agencies
        Assert.Empty((await search.SearchAsync(agency, "   ")).Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_ByCategoryAndAgency_AndPages(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var a = await CatalogStoreTests.AddAgencyAsync(context);
        var b = await CatalogStoreTests.AddAgencyAsync(context, "HZXC-WJ", "下城区卫生健康局");
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);
        for (var i = 1; i <= 23; i++)
        {
            await CatalogStoreTests.PublishAsync(store, a, $"第{i}期卫生监督信息", category: i % 2 == 0 ? "art20-13" : "art20-06");
        }

        await CatalogStoreTests.PublishAsync(store, b, "下城区卫生监督信息");
        var search = new CatalogSearch(context);

        var first = await search.SearchAsync(a, "卫生监督");
        var second = await search.SearchAsync(a, "卫生监督", page: 2);
        var inCategory = await search.SearchAsync(a, "卫生监督", category: "art20-13");
        var everywhere = await search.SearchAsync(null, "卫生监督");

        Assert.Equal(23, first.Total);
        Assert.False(first.TotalIsApproximate);
        Assert.Equal(20, first.Items.Count);
        Assert.Equal("第23期卫生监督信息", first.Items[0].Title); // newest first
        Assert.Equal(3, second.Items.Count);
        Assert.Equal(11, inCategory.Total);
        Assert.All(inCategory.Items, i => Assert.Equal("监督检查", i.Category));
        Assert.Equal(24, everywhere.Total);
    }

    [Theory]
    [InlineData("卫生局", "卫生 生局 局\uE000")]
    [InlineData("“三公”经费", "三公 公\uE000 经费 费\uE000")]
    [InlineData("ABC 1", "ab bc c\uE000 1\uE000")]
    public void Grams_PairsPerRunOfLettersAndDigits(string text, string expected) => Assert.Equal(expected, CatalogSearch.Grams(text));

    [Fact]
    public void FtsQuery_WordsBecomePhrasesOfPairs_AndSingleCharactersPrefixes() =>
        Assert.Equal("(grams : \"卫生 生健\") AND (grams : \"局\" *) AND (scope : \"a3\")", CatalogSearch.FtsQuery(["卫生健", "局"], 3, null));
}
