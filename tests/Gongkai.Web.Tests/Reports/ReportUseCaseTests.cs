using Gongkai.Application;
using Gongkai.Application.Reports;
using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Reports;

/// <summary>The annual report's build, check, save, publish and withdraw through the use cases, on both databases.</summary>
public class ReportUseCaseTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    private static ReportSections AllParts(string overview) => new()
    {
        Overview = overview,
        Proactive = "主动公开情况。",
        Applications = "依申请公开情况。",
        ReviewLitigation = "复议诉讼情况。",
        Problems = "存在的主要问题及改进情况。",
        Other = "无。",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publish_PartsWithoutText_RefusedNamingEachPart_NothingPublished(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        var saved = await world.Get<SaveReportText>().ExecuteAsync(new SaveReportTextRequest(world.Agency, 2024, new ReportSections { Overview = "只写了概述。" }));
        Assert.Null(saved.Error);

        var result = await world.Get<PublishAnnualReport>().ExecuteAsync(new PublishAnnualReportRequest(world.Agency, 2024));

        var refused = Assert.IsType<Refused>(result.Error);
        Assert.StartsWith("报告尚不完整，不能发布。", refused.Message, StringComparison.Ordinal);
        Assert.Contains("没有正文（无可报告的内容时请写明“无”）", refused.Message, StringComparison.Ordinal);
        // 三 to 六 are named, each once; 二 has its first draft from the records, 一 the office's text.
        Assert.Equal(4, refused.Message.Split("没有正文").Length - 1);
        Assert.Contains("“三、收到和处理政府信息公开申请情况”没有正文", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Draft, (await world.Get<AnnualReportStore>().FindAsync(world.Agency.Id, 2024))!.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveThenPublish_DatedTodayInChina_SecondPublishConflicts_WithdrawTwiceRefused(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        Assert.Null((await world.Get<SaveReportText>().ExecuteAsync(new SaveReportTextRequest(world.Agency, 2024, AllParts("2024年，我局认真贯彻落实《条例》。")))).Error);

        var published = await world.Get<PublishAnnualReport>().ExecuteAsync(new PublishAnnualReportRequest(world.Agency, 2024));
        Assert.Null(published.Error);
        Assert.Equal(new DateOnly(2025, 3, 2), published.Value!.PublishedOn); // 2025-03-01 20:00 UTC is 3月2日 in China
        var store = world.Get<AnnualReportStore>();
        var record = (await store.FindAsync(world.Agency.Id, 2024))!;
        Assert.Equal(ReportStatus.Published, record.Status);
        Assert.Equal("2024年，我局认真贯彻落实《条例》。", AnnualReportStore.Read(record).Sections.Overview);

        var again = await world.Get<PublishAnnualReport>().ExecuteAsync(new PublishAnnualReportRequest(world.Agency, 2024));
        Assert.Equal("2024年度报告已经发布。", Assert.IsType<Conflict>(again.Error).Message);
        var edit = await world.Get<SaveReportText>().ExecuteAsync(new SaveReportTextRequest(world.Agency, 2024, AllParts("改写")));
        Assert.Equal("2024年度报告已发布，不能修改；如需更正，请先撤回发布。", Assert.IsType<Refused>(edit.Error).Message);

        Assert.Null((await world.Get<WithdrawAnnualReport>().ExecuteAsync(new WithdrawAnnualReportRequest(world.Agency.Id, 2024))).Error);
        Assert.Equal(ReportStatus.Draft, (await store.FindAsync(world.Agency.Id, 2024))!.Status);
        var twice = await world.Get<WithdrawAnnualReport>().ExecuteAsync(new WithdrawAnnualReportRequest(world.Agency.Id, 2024));
        Assert.Equal("2024年度报告尚未发布。", Assert.IsType<Refused>(twice.Error).Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Build_WorkingCopyKeepsTheOfficesText_RecordsBasisDraftsItsOwn(DatabaseProvider provider)
    {
        await using var world = await World.CreateAsync(provider);
        await world.Get<SaveReportText>().ExecuteAsync(new SaveReportTextRequest(world.Agency, 2024, AllParts("办公室写的概述。")));

        var working = (await world.Get<BuildAnnualReport>().ExecuteAsync(new BuildAnnualReportRequest(world.Agency, 2024))).Value!;
        var records = (await world.Get<BuildAnnualReport>().ExecuteAsync(new BuildAnnualReportRequest(world.Agency, 2024, ReportBasis.Records))).Value!;
        var badYear = await world.Get<BuildAnnualReport>().ExecuteAsync(new BuildAnnualReportRequest(world.Agency, 1990));

        Assert.Equal("办公室写的概述。", working.Sections.Overview);
        Assert.Equal("存在的主要问题及改进情况。", working.Sections.Problems);
        Assert.NotEqual("办公室写的概述。", records.Sections.Overview);
        Assert.Null(records.Sections.Problems);
        Assert.Equal("报告年度 1990 无效", Assert.IsType<Refused>(badYear.Error).Message);
    }

    [Fact]
    public void Check_TotalsThatDoNotAddUp_ErrorsAreBlockers()
    {
        var report = new ReportBuilder(year: 2024).Build();
        AllParts("概述。").ApplyTo(report.Sections);
        report.Applications[report.Applications.Rows[0].Key][0] += 5; // 本年新收 no longer adds up
        var written = new ReportBuilder(year: 2024).Build();
        AllParts("概述。").ApplyTo(written.Sections);

        var check = new CheckAnnualReport().Execute(report).Value!;
        var clean = new CheckAnnualReport().Execute(written).Value!;

        Assert.True(check.Errors > 0);
        Assert.Contains(check.Blockers, b => b.StartsWith("检查发现错误：", StringComparison.Ordinal));
        Assert.Equal(0, clean.Errors);
        Assert.Empty(clean.Blockers);
    }

    /// <summary>A database with one agency, the use cases on it, and a clock at 2025-03-01 20:00 UTC.</summary>
    private sealed class World : IAsyncDisposable
    {
        private TestDatabase _database = null!;
        private GongkaiDbContext _db = null!;
        private ServiceProvider _services = null!;
        private AsyncServiceScope _scope;

        public AgencyRecord Agency { get; private set; } = null!;

        public static async Task<World> CreateAsync(DatabaseProvider provider)
        {
            var world = new World { _database = await TestDatabase.CreateAsync(provider) };
            world._db = world._database.Open();
            var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 20, 0, 0, TimeSpan.Zero));
            world.Agency = new AgencyRecord { Code = "wjj", Name = "示范区卫生健康局", Kind = "department", CreatedAt = clock.GetUtcNow() };
            world._db.Agencies.Add(world.Agency);
            await world._db.SaveChangesAsync();
            var services = new ServiceCollection();
            services.AddSingleton(world._db);
            services.AddSingleton<TimeProvider>(clock);
            services.AddGongkaiApplication();
            world._services = services.BuildServiceProvider();
            world._scope = world._services.CreateAsyncScope();
            return world;
        }

        public T Get<T>()
            where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await _services.DisposeAsync();
            await _db.DisposeAsync();
            _database.Dispose();
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
