using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

public class CaseStoreTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero));

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_OnlineApplication_NumbersItAndSetsTheReplyDueAcrossNationalDay(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);

        // Online: the date of receipt is the day both sides confirm (Art. 31). 2025-09-26 + 20 working days,
        // counting the 调休 days 09-28 and 10-11 and skipping 国庆 10-01…10-08 → 2025-10-30 (docs/legal.md §5.3).
        var result = await store.RegisterAsync(Application(agency, new DateOnly(2025, 9, 25), confirmedOn: new DateOnly(2025, 9, 26)));

        Assert.True(result.Succeeded, result.Error?.Message);
        var recorded = result.Value!;
        Assert.Equal("2025-00001", recorded.Number);
        var row = await context.Cases.AsNoTracking().SingleAsync();
        Assert.Equal(new DateOnly(2025, 9, 26), row.ReceivedOn);
        Assert.Equal(new DateOnly(2025, 10, 30), row.ReplyDue);
        Assert.Equal("Open", row.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rules_StartDayCounted_RecomputesOpenCasesAndEveryLaterDeadline(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        await new CaseStore(context, await Calendar.CalendarStore.LoadAsync(context), Clock)
            .RegisterAsync(Application(agency, new DateOnly(2025, 9, 25), confirmedOn: new DateOnly(2025, 9, 26)));

        var refused = await Rules.RuleSettingsStore.SetAsync(context, ConfigurableRules.StartDay, "first", "管理员", Clock);
        var unknown = await Rules.RuleSettingsStore.SetAsync(context, "working-days.first-day", "counted", "管理员", Clock);
        Assert.Null(await Rules.RuleSettingsStore.SetAsync(context, ConfigurableRules.StartDay, "counted", "管理员", Clock));
        var calendar = await Calendar.CalendarStore.LoadAsync(context);
        var moved = await new CaseStore(context, calendar, Clock).RecomputeOpenCasesAsync();

        Assert.Contains($"规则 {ConfigurableRules.StartDay} 的值“first”无效；可选：not-counted", Assert.IsType<Refused>(refused).Message, StringComparison.Ordinal);
        Assert.Contains("没有名为“working-days.first-day”的规则；可设置：working-days.start-day", Assert.IsType<Refused>(unknown).Message, StringComparison.Ordinal);
        Assert.Equal(1, moved);
        Assert.Equal(new DateOnly(2025, 10, 29), (await context.Cases.AsNoTracking().SingleAsync()).ReplyDue);
        Assert.Equal(new DateOnly(2025, 10, 29), calendar.AddWorkingDays(new DateOnly(2025, 9, 26), Domain.Disclosure.CatalogItem.PublicationDeadlineWorkingDays));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Record_StepsOfTheClock_AppendHistoryWithBeforeAndAfter(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);
        var id = (await store.RegisterAsync(Application(agency, new DateOnly(2025, 3, 3)))).Value!.Id;

        Assert.True((await store.RecordAsync(agency, id, new Extended(new DateOnly(2025, 3, 20), "officer", 10, "head"))).Succeeded);
        Assert.True((await store.RecordAsync(agency, id, new Replied(new DateOnly(2025, 4, 10), "officer", CaseOutcome.Granted))).Succeeded);

        var history = await store.HistoryAsync(id);
        Assert.Equal(["registered", "extended", "replied"], history.Select(h => h.Type));
        Assert.Equal([1, 2, 3], history.Select(h => h.Sequence));
        Assert.Contains("\"status\":\"Open\"", history[2].Before, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Closed\"", history[2].After, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"Granted\"", history[2].After, StringComparison.Ordinal);
        var row = await context.Cases.AsNoTracking().SingleAsync();
        Assert.Equal(new DateOnly(2025, 4, 10), row.ClosedOn);
        Assert.Equal("Granted", row.Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Record_SecondExtension_IsRefusedAndNothingIsWritten(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);
        var id = (await store.RegisterAsync(Application(agency, new DateOnly(2025, 3, 3)))).Value!.Id;
        await store.RecordAsync(agency, id, new Extended(new DateOnly(2025, 3, 20), "officer", 10, "head"));

        var second = await store.RecordAsync(agency, id, new Extended(new DateOnly(2025, 3, 21), "officer", 5, "head"));

        var refusal = Assert.IsType<Refused>(second.Error);
        Assert.Contains("答复期限只能延长一次（第三十三条）", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(2, await context.CaseEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Record_CaseOfAnotherAgency_IsNotFound(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var other = await AddAgencyAsync(context, "B2", "另一区卫生健康局");
        var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);
        var id = (await store.RegisterAsync(Application(agency, new DateOnly(2025, 3, 3)))).Value!.Id;

        var result = await store.RecordAsync(other, id, new Withdrawn(new DateOnly(2025, 3, 5), "officer"));

        Assert.IsType<NotFound>(result.Error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Recompute_CalendarCorrected_MovesTheDueDateOfOpenCases(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);
        await store.RegisterAsync(Application(agency, new DateOnly(2025, 3, 3)));
        var before = (await context.Cases.AsNoTracking().SingleAsync()).ReplyDue;

        // A correction declares 2025-03-10 a day off: the 20th working day moves one working day later.
        var correction = HolidayData.Parse("""{"source":"test","years":{"2025":{"notice":"test","days":[{"date":"2025-03-10","name":"测试","off":true}]}}}""");
        var corrected = ChineseWorkingDayCalendar.Create(HolidayData.Embedded, correction.Data!);
        var changed = await new CaseStore(context, corrected, Clock).RecomputeOpenCasesAsync(agency);

        Assert.Equal(1, changed);
        var after = (await context.Cases.AsNoTracking().SingleAsync()).ReplyDue;
        Assert.Equal(new DateOnly(2025, 3, 31), before);
        Assert.Equal(new DateOnly(2025, 4, 1), after);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_TwoInOneYear_GetConsecutiveNumbers(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await AddAgencyAsync(context);
        var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);

        await store.RegisterAsync(Application(agency, new DateOnly(2025, 3, 3)));
        var second = (await store.RegisterAsync(Application(agency, new DateOnly(2025, 3, 4)))).Value!;

        Assert.Equal("2025-00002", second.Number);
    }

    internal static async Task<int> AddAgencyAsync(GongkaiDbContext context, string code = "A1", string name = "示范区卫生健康局")
    {
        var agency = new AgencyRecord { Code = code, Name = name, Kind = "department", CreatedAt = Clock.GetUtcNow() };
        context.Agencies.Add(agency);
        await context.SaveChangesAsync();
        return agency.Id;
    }

    private static NewApplication Application(int agency, DateOnly arrived, DateOnly? confirmedOn = null) =>
        new(agency, ApplicantType.NaturalPerson, "王小明", confirmedOn is null ? Channel.InPerson : Channel.Online, arrived, "officer",
            ConfirmedOn: confirmedOn, Request: "本区2024年度医疗机构校验结果");
}

/// <summary>A clock that always says the same moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
