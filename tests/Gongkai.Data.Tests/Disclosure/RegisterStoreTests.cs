using Gongkai.Data.Disclosure;
using Gongkai.Data.Reports;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using static Gongkai.Data.Tests.Disclosure.CatalogStoreTests;

namespace Gongkai.Data.Tests.Disclosure;

public class RegisterStoreTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero));

    public static TheoryProviders Providers => TestDatabase.Providers;

    private static NormativeDocument Doc(string title, DateOnly issued, DateOnly? published = null, DateOnly? repealed = null,
        NormativeDocumentKind kind = NormativeDocumentKind.NormativeDocument, string? number = null) =>
        new(kind, title, number, issued, published, repealed);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task List_FiltersByKindYearAndInForce_NewestFirst(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var other = await AddAgencyAsync(context, "OTHER", "他局");
        var store = new NormativeDocumentStore(context);
        Assert.Null(await store.AddAsync(agency, Doc("甲办法", new DateOnly(2023, 5, 1), new DateOnly(2023, 5, 6), new DateOnly(2025, 2, 1))));
        Assert.Null(await store.AddAsync(agency, Doc("乙规定", new DateOnly(2025, 3, 1), kind: NormativeDocumentKind.Regulation, number: "区政府令第1号")));
        Assert.Null(await store.AddAsync(agency, Doc("丙通知", new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 3))));
        Assert.Null(await store.AddAsync(other, Doc("他局文件", new DateOnly(2025, 1, 1))));

        var all = await store.ListAsync(agency);
        var regulations = await store.ListAsync(agency, new RegisterFilter(Kind: NormativeDocumentKind.Regulation));
        var of2025 = await store.ListAsync(agency, new RegisterFilter(Year: 2025));
        var inForce = await store.ListAsync(agency, new RegisterFilter(InForce: true, On: new DateOnly(2025, 10, 9)));
        var notInForce = await store.ListAsync(agency, new RegisterFilter(InForce: false, On: new DateOnly(2025, 10, 9)));

        Assert.Equal(["乙规定", "丙通知", "甲办法"], all.Select(e => e.Document.Title));
        Assert.Equal("区政府令第1号", Assert.Single(regulations).Document.DocumentNumber);
        Assert.Equal(["乙规定", "甲办法"], of2025.Select(e => e.Document.Title)); // 甲 was repealed in 2025
        Assert.Equal(["乙规定", "丙通知"], inForce.Select(e => e.Document.Title));
        Assert.Equal("甲办法", Assert.Single(notInForce).Document.Title);
        Assert.Equal("乙规定", (await store.FindAsync(agency, all[0].Id))!.Document.Title);
        Assert.Null(await store.FindAsync(other, all[0].Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Update_BadDates_RefusedAndNothingChanged_GoodOneStored(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new NormativeDocumentStore(context);
        await store.AddAsync(agency, Doc("医疗机构校验管理办法", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 5)));
        var id = (await store.ListAsync(agency))[0].Id;

        var early = await store.UpdateAsync(agency, id, Doc("医疗机构校验管理办法（修订）", new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 5)));
        var noTitle = await store.UpdateAsync(agency, id, Doc(" ", new DateOnly(2025, 3, 1)));
        var missing = await store.UpdateAsync(agency, id + 100, Doc("某文件", new DateOnly(2025, 3, 1)));
        context.ChangeTracker.Clear();
        var unchanged = (await store.FindAsync(agency, id))!.Document;
        var done = await store.UpdateAsync(agency, id, Doc("医疗机构校验管理办法（修订）", new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 6), number: " 示卫规〔2025〕1号 "));
        context.ChangeTracker.Clear();
        var updated = (await store.FindAsync(agency, id))!.Document;

        Assert.Equal(new Refused("公开日期早于制发日期"), early);
        Assert.Equal(new Refused("请填写文件名称"), noTitle);
        Assert.Contains("没有编号为", Assert.IsType<NotFound>(missing).Message, StringComparison.Ordinal);
        Assert.Equal(("医疗机构校验管理办法", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 5)), (unchanged.Title, unchanged.IssuedOn, unchanged.PublishedOn));
        Assert.Null(done);
        Assert.Equal(("医疗机构校验管理办法（修订）", "示卫规〔2025〕1号", new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 6)),
            (updated.Title, updated.DocumentNumber, updated.IssuedOn, updated.PublishedOn));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Repeal_CountedInSection2_BeforeIssueOrTwiceRefused(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new NormativeDocumentStore(context);
        await store.AddAsync(agency, Doc("医疗机构校验管理办法", new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 5)));
        var id = (await store.ListAsync(agency))[0].Id;

        var beforeIssue = await store.RepealAsync(agency, id, new DateOnly(2023, 2, 28));
        var repealed = await store.RepealAsync(agency, id, new DateOnly(2025, 6, 30));
        var twice = await store.RepealAsync(agency, id, new DateOnly(2025, 7, 1));
        context.ChangeTracker.Clear();
        var report = (await RecordsReportBuilder.BuildAsync(context, agency, 2025))!;

        Assert.Equal(new Refused("废止日期早于制发日期"), beforeIssue);
        Assert.Null(repealed);
        Assert.Equal(new Refused("该文件已于2025-06-30废止，不能再次废止（如日期有误，请修改废止日期）"), twice);
        Assert.Equal(new DateOnly(2025, 6, 30), (await store.FindAsync(agency, id))!.Document.RepealedOn);
        Assert.Equal(1m, report.Article20["normativeDocuments", "repealed"]!.Number);
        Assert.Equal(0m, report.Article20["normativeDocuments", "inForce"]!.Number);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Remove_MistakenEntry_NoLongerCounted(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new NormativeDocumentStore(context);
        await store.AddAsync(agency, Doc("重复登记的办法", new DateOnly(2025, 3, 1)));
        var id = (await store.ListAsync(agency))[0].Id;

        Assert.Null(await store.RemoveAsync(agency, id));
        Assert.Contains("没有编号为", Assert.IsType<NotFound>(await store.RemoveAsync(agency, id)).Message, StringComparison.Ordinal);
        var report = (await RecordsReportBuilder.BuildAsync(context, agency, 2025))!;

        Assert.Empty(await store.ListAsync(agency));
        Assert.Equal(0m, report.Article20["normativeDocuments", "issued"]!.Number);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveYear_ReplacesTheYear_BadRowSavesNothing(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new Article20FigureStore(context, Clock);
        Assert.Null(await store.SetAsync(agency, new Article20Figure("administrativeLicensing", 2025, Items: 40, Decisions: 7646)));

        var bad = await store.SaveYearAsync(agency, 2025,
            [new("administrativeLicensing", 2025, Decisions: 100), new("administrativePenalty", 2025, Projects: 3)]);
        var afterBad = await store.LoadAsync(agency, 2025);
        var good = await store.SaveYearAsync(agency, 2025,
            [new("administrativeLicensing", 2025, Decisions: 100), new("administrativeFees", 2025, AmountYuan: 12345.6m)]);
        context.ChangeTracker.Clear();
        var afterGood = await store.LoadAsync(agency, 2025);

        Assert.Equal(new Refused("行政处罚没有采购项目数量"), bad);
        Assert.Equal(7646, Assert.Single(afterBad).Decisions);
        Assert.Null(good);
        var licensing = afterGood.Single(f => f.RowKey == "administrativeLicensing");
        Assert.Equal((null, 100), (licensing.Items, licensing.Decisions)); // 项目数量 left blank on the form is blank now
        Assert.Equal(12345.6m, afterGood.Single(f => f.RowKey == "administrativeFees").AmountYuan);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Figures_RowLeftBlank_IsRemoved_AmountBelowTheFen_RefusedNamingTheRow(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new Article20FigureStore(context, Clock);
        Assert.Null(await store.SetAsync(agency, new Article20Figure("administrativeFees", 2025, AmountYuan: 500m)));
        Assert.Null(await store.SetAsync(agency, new Article20Figure("administrativeLicensing", 2025, Decisions: 12)));

        var fen = await store.ImportAsync(agency, [new("administrativePenalty", 2025, Decisions: 3), new("administrativeFees", 2025, AmountYuan: 1234.567m)]);
        var blanked = await store.SaveYearAsync(agency, 2025, [new("administrativeLicensing", 2025)]);
        context.ChangeTracker.Clear();
        var stored = await store.LoadAsync(agency, 2025);

        Assert.Equal(new Refused("2025年 行政事业性收费 金额（元）：1234.567 超过两位小数（元以下只到分）"), fen);
        Assert.Null(blanked);
        Assert.Equal([("administrativeFees", (decimal?)500m)], stored.Select(f => (f.RowKey, f.AmountYuan)));
    }
}
