using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Data.Reports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests.Disclosure;

public class CatalogStoreTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero));

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DoneWhen_DraftReviewPublish_FoundBySearchAndCountedInSection2(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);

        var added = (await store.AddAsync(new NewCatalogItem(agency, "番禺区卫生健康局关于2025年医疗机构校验结果的公告",
            "公布本区医疗机构2025年度校验结果。", new DateOnly(2025, 9, 26), "art20-05", Channels: [PublicationChannel.GovernmentWebsite, PublicationChannel.NewMedia]))).OrFail();
        var index = added.Item.IndexNumber;
        Assert.Equal("GZPY-WJ/2025-00001", index);
        (await store.SubmitAsync(agency, index, "办公室 李四")).OrFail();
        foreach (var (who, role) in new[] { ("王保密", "保密审查员"), ("陈科长", "科室负责人"), ("刘副局长", "分管领导"), ("张局长", "主要负责人") })
        {
            (await store.DecideAsync(agency, index, approve: true, who, role)).OrFail();
        }

        Assert.Empty((await new CatalogSearch(context).SearchAsync(null, "校验结果")).Items); // approved, not yet public
        var published = (await store.PublishAsync(agency, index, "办公室 李四", new DateOnly(2025, 10, 9))).OrFail();
        Assert.Equal(CatalogItemStatus.Published, published.Item.Status);

        var found = await new CatalogSearch(context).SearchAsync(null, "校验");
        Assert.Equal(index, Assert.Single(found.Items).IndexNumber);
        Assert.Equal(1, found.Total);
        var report = (await RecordsReportBuilder.BuildAsync(context, agency, 2025))!;
        Assert.Contains("主动公开政府信息1条，包括：行政许可和对外管理服务1条", report.Sections.Overview, StringComparison.Ordinal);
        Assert.Contains("通过政府公报发布信息0条，通过政府网站发布信息1条，通过政务新媒体发布信息1条", report.Sections.Overview, StringComparison.Ordinal);
        Assert.Contains("1条在信息形成之日起20个工作日内公开", report.Sections.Overview, StringComparison.Ordinal);
        var history = await store.HistoryAsync(agency, index);
        Assert.Equal(["Submitted", "Approved", "Approved", "Approved", "Approved", "Published"], history.Select(h => h.Kind.ToString()));
        Assert.Equal("刘副局长", history[3].Actor);
        Assert.Equal("分管领导审核", history[3].StepName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Refuse_AtSecondStep_ReturnsToDraftWithTheReason_AndResubmissionStartsOver(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);
        var index = await DraftAsync(store, agency, "关于调整门诊收费标准的通知");
        await store.SubmitAsync(agency, index, "李四");
        await store.DecideAsync(agency, index, true, "王保密", "保密审查员");

        var wrongRole = await store.DecideAsync(agency, index, false, "张局长", "主要负责人", "不同意");
        var refused = await store.DecideAsync(agency, index, false, "陈科长", "科室负责人", "收费依据未列明");

        Assert.Equal("当前步骤“科室负责人审核”须由“科室负责人”审核，而不是“主要负责人”", Assert.IsType<Refused>(wrongRole.Error).Message);
        var item = refused.OrFail().Item;
        Assert.Equal(CatalogItemStatus.Draft, item.Status);
        Assert.Equal("收费依据未列明", item.ReturnedReason);
        var again = (await store.SubmitAsync(agency, index, "李四")).OrFail().Item;
        Assert.Equal("保密审查", again.PendingStep!.Name);
        var row = await context.CatalogItemEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Kind, e.Reason }).ToListAsync();
        Assert.Equal(["Submitted", "Approved", "Refused", "Submitted"], row.Select(r => r.Kind));
        Assert.Equal("收费依据未列明", row[2].Reason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Steps_UnknownItemBadFieldOrWrongState_AnswerInTheOneErrorModelWithTheirMessages(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);
        var index = await DraftAsync(store, agency, "关于开展爱国卫生运动的通知");

        var unknown = await store.SubmitAsync(agency, "GZPY-WJ/2025-99999", "李四");
        var noSummary = await store.AddAsync(new NewCatalogItem(agency, "名称", " ", new DateOnly(2025, 9, 26), "art20-01"));
        var noCategory = await store.EditAsync(agency, index, new CatalogEdit("名称", "概述", new DateOnly(2025, 9, 26), "没有的分类", "番禺区卫生健康局", null,
            [PublicationChannel.GovernmentWebsite]), "李四");
        var notApproved = await store.PublishAsync(agency, index, "李四");
        var noReason = await store.WithdrawAsync(agency, await PublishAsync(store, agency, "已发布的信息"), "李四", " ");

        Assert.Equal("没有索引号为 GZPY-WJ/2025-99999 的信息", Assert.IsType<NotFound>(unknown.Error).Message);
        Assert.Equal(new Refused("请填写内容概述（第十二条）", "内容概述"), noSummary.Error);
        var category = Assert.IsType<Refused>(noCategory.Error);
        Assert.Equal("主题分类", category.Field);
        Assert.StartsWith("没有主题分类“没有的分类”；可选：art20-01（", category.Message, StringComparison.Ordinal);
        Assert.Equal(new Refused("只有审核通过的信息可以发布，该信息草稿"), notApproved.Error);
        Assert.Equal(new Refused("撤回时须说明理由", "理由"), noReason.Error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Add_IndexNumbers_FollowTheAgencyPatternPerScope(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);
        Assert.True((await store.SaveSettingsAsync(agency, DisclosureSettings.Default with { IndexPattern = IndexNumberPattern.Parse("{机构代码}/{YYYY}{MM}-{NNN}", out _)! }, "管理员")).Succeeded);

        var a = await DraftAsync(store, agency, "一", new DateOnly(2025, 3, 3));
        var b = await DraftAsync(store, agency, "二", new DateOnly(2025, 3, 31));
        var c = await DraftAsync(store, agency, "三", new DateOnly(2025, 4, 1));

        Assert.Equal(["GZPY-WJ/202503-001", "GZPY-WJ/202503-002", "GZPY-WJ/202504-001"], new[] { a, b, c });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task List_Overdue_ShowsItemsPast20WorkingDaysOnly(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);
        var late = await DraftAsync(store, agency, "逾期的信息", new DateOnly(2025, 9, 1)); // due 2025-09-28, a Sunday worked for 国庆 (调休)
        await DraftAsync(store, agency, "未到期的信息", new DateOnly(2025, 9, 26)); // due 2025-10-30 (国庆)

        var overdue = await store.ListAsync(agency, overdueOnly: true, today: new DateOnly(2025, 10, 9));

        var row = Assert.Single(overdue);
        Assert.Equal(late, row.IndexNumber);
        Assert.Equal(new DateOnly(2025, 9, 28), row.DueOn);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Withdraw_TakesTheItemOutOfSearch(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);
        var index = await PublishAsync(store, agency, "关于开展爱国卫生运动的通知");
        Assert.Single((await new CatalogSearch(context).SearchAsync(agency, "爱国卫生")).Items);

        (await store.WithdrawAsync(agency, index, "李四", "内容有误")).OrFail();

        Assert.Empty((await new CatalogSearch(context).SearchAsync(agency, "爱国卫生")).Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task History_CannotBeRewritten(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CatalogStore(context, ChineseWorkingDayCalendar.Default, Clock);
        await PublishAsync(store, agency, "某信息");

        var change = () => context.Database.ExecuteSqlRawAsync("UPDATE catalog_item_events SET actor = 'x'");

        Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(change)).Message, StringComparison.Ordinal);
    }

    internal static async Task<int> AddAgencyAsync(GongkaiDbContext context, string code = "GZPY-WJ", string name = "番禺区卫生健康局")
    {
        var agency = new AgencyRecord { Code = code, Name = name, Kind = "department", CreatedAt = DateTimeOffset.UnixEpoch };
        context.Agencies.Add(agency);
        await context.SaveChangesAsync();
        return agency.Id;
    }

    internal static async Task<string> DraftAsync(CatalogStore store, int agency, string title, DateOnly? generated = null, string category = "art20-01", string summary = "内容概述")
    {
        var saved = (await store.AddAsync(new NewCatalogItem(agency, title, summary, generated ?? new DateOnly(2025, 9, 26), category))).OrFail();
        return saved.Item.IndexNumber;
    }

    /// <summary>Drafts, reviews through a one-step chain and publishes.</summary>
    internal static async Task<string> PublishAsync(CatalogStore store, int agency, string title, DateOnly? generated = null, DateOnly? on = null, string category = "art20-01", string summary = "内容概述")
    {
        Assert.True((await store.SaveSettingsAsync(agency, await store.SettingsAsync(agency) with { ReviewChain = new ReviewChain([new ReviewStep("保密审查", "保密审查员")]) }, "管理员")).Succeeded);
        var index = await DraftAsync(store, agency, title, generated, category, summary);
        (await store.SubmitAsync(agency, index, "李四")).OrFail();
        (await store.DecideAsync(agency, index, true, "王保密", "保密审查员")).OrFail();
        (await store.PublishAsync(agency, index, "李四", on ?? new DateOnly(2025, 10, 9))).OrFail();
        return index;
    }
}
