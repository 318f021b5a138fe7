using Gongkai.Data.Calendar;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Data.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

public class LedgerImportAndReportTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 1, 10, 1, 0, 0, TimeSpan.Zero));

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_ThenBuild_TablesCountEveryCaseInItsRow(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CaseStoreTests.AddAgencyAsync(context);
        var importer = new LedgerImporter(context, ChineseWorkingDayCalendar.Default, Clock);
        LedgerRow[] ledger =
        [
            // Carried over from 2024, granted in 2025.
            Row(2, "2024-00031", new(2024, 12, 20), ApplicantType.NaturalPerson, new(2025, 1, 14), CaseOutcome.Granted),
            // Received and closed in 2025.
            Row(3, null, new(2025, 3, 3), ApplicantType.NaturalPerson, new(2025, 3, 20), CaseOutcome.NotHeld),
            Row(4, null, new(2025, 4, 1), ApplicantType.CommercialEnterprise, new(2025, 4, 25), CaseOutcome.WithheldThirdPartyRights),
            Row(5, null, new(2025, 6, 2), ApplicantType.LegalServiceInstitution, new(2025, 7, 1), CaseOutcome.NoSupplement),
            // Received in 2025, still open at the end: carried forward.
            Row(6, null, new(2025, 12, 22), ApplicantType.NaturalPerson, null, null),
            // Closed in 2024: not in the 2025 report at all.
            Row(7, null, new(2024, 5, 6), ApplicantType.NaturalPerson, new(2024, 5, 30), CaseOutcome.Duplicate),
        ];

        var result = await importer.ImportAsync(agency, ledger, "公开办 李四", "2025台账.xlsx");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(6, result.Imported);
        var report = (await RecordsReportBuilder.BuildAsync(context, agency, 2025))!;
        Assert.Equal(ReportTemplate.Format2021, report.Template);
        Assert.Equal([2, 1, 0, 0, 1, 0, 4], report.Applications[ApplicationRowKeys.Received]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], report.Applications[ApplicationRowKeys.CarriedOver]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], report.Applications[ApplicationRowKeys.Granted]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], report.Applications[ApplicationRowKeys.UnavailableNotHeld]);
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], report.Applications[ApplicationRowKeys.WithheldThirdPartyRights]);
        Assert.Equal([0, 0, 0, 0, 1, 0, 1], report.Applications[ApplicationRowKeys.OtherNoSupplement]);
        Assert.Equal([2, 1, 0, 0, 1, 0, 4], report.Applications[ApplicationRowKeys.TotalHandled]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], report.Applications[ApplicationRowKeys.CarriedForward]);
        Assert.Empty(ReportChecker.Check(report));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_History_SaysTheOutcomeCameFromTheLedgerRow(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CaseStoreTests.AddAgencyAsync(context);

        await new LedgerImporter(context, ChineseWorkingDayCalendar.Default, Clock).ImportAsync(agency,
            [Row(9, "A-1", new(2025, 3, 3), ApplicantType.NaturalPerson, new(2025, 3, 20), CaseOutcome.FeeUnpaid)], "李四", "台账.csv");

        var history = await context.CaseEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["registered", "closedFromLedger"], history.Select(h => h.Type));
        Assert.Contains("台账.csv 第9行", history[1].Payload, StringComparison.Ordinal);
        var record = await context.Cases.AsNoTracking().SingleAsync();
        Assert.Equal("Closed", record.Status);
        Assert.Equal("FeeUnpaid", record.Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_ThenRegisterAndRecord_IdsContinueAfterTheImportedRows(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CaseStoreTests.AddAgencyAsync(context);
        await new LedgerImporter(context, ChineseWorkingDayCalendar.Default, Clock).ImportAsync(agency,
        [
            Row(2, null, new(2025, 3, 3), ApplicantType.NaturalPerson, null, null),
            Row(3, null, new(2025, 3, 4), ApplicantType.ResearchInstitution, new(2025, 3, 10), CaseOutcome.Granted),
        ], "李四", "a.csv");
        var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);

        var registered = await store.RegisterAsync(new NewApplication(agency, ApplicantType.NaturalPerson, "新申请人", Channel.InPerson, new DateOnly(2025, 5, 6), "officer"));
        var imported = await context.Cases.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        var replied = await store.RecordAsync(agency, imported.Id, new Replied(new DateOnly(2025, 3, 20), "officer", CaseOutcome.NotHeld));

        Assert.Equal("2025-00003", registered.Value!.Number);
        Assert.True(replied.Succeeded, replied.Error?.Message);
        Assert.Equal(new DateOnly(2025, 3, 31), imported.ReplyDue);
        Assert.Equal(["registered", "replied"], (await store.HistoryAsync(imported.Id)).Select(h => h.Type));
        Assert.Equal(5, await context.CaseEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_NumberAlreadyThere_RefusesTheWholeFile(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CaseStoreTests.AddAgencyAsync(context);
        var importer = new LedgerImporter(context, ChineseWorkingDayCalendar.Default, Clock);
        await importer.ImportAsync(agency, [Row(2, "2025-00007", new(2025, 3, 3), ApplicantType.NaturalPerson, null, null)], "李四", "a.csv");

        var result = await importer.ImportAsync(agency,
        [
            Row(2, "2025-00008", new(2025, 3, 4), ApplicantType.NaturalPerson, null, null),
            Row(3, "2025-00007", new(2025, 3, 5), ApplicantType.NaturalPerson, null, null),
        ], "李四", "b.csv");

        Assert.False(result.Succeeded);
        Assert.Equal(["第3行 申请编号：2025-00007 已在本机关的案件中（或本表中重复）"], result.Errors);
        Assert.Equal(1, await context.Cases.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_ClosedBeforeReceived_IsRefusedWithTheRowAndReason(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CaseStoreTests.AddAgencyAsync(context);

        var result = await new LedgerImporter(context, ChineseWorkingDayCalendar.Default, Clock).ImportAsync(agency,
            [Row(4, null, new(2025, 3, 3), ApplicantType.NaturalPerson, new(2025, 3, 1), CaseOutcome.Granted)], "李四", "c.csv");

        var error = Assert.Single(result.Errors);
        Assert.Equal("第4行：按台账办结日期2025-03-01早于上一事件日期2025-03-03，请按时间顺序记录", error);
        Assert.Equal(0, await context.Cases.CountAsync());
        Assert.Contains("早于", error, StringComparison.Ordinal);
        Assert.Equal(0, await context.Cases.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Build_ReviewAndLitigationRecords_FillSectionFour(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CaseStoreTests.AddAgencyAsync(context);
        context.ReviewLitigation.AddRange(
            Review(agency, "review", new(2025, 2, 1), "upheld", new(2025, 4, 1)),
            Review(agency, "review", new(2025, 11, 1), "pending", null),
            Review(agency, "litigationDirect", new(2024, 10, 1), "corrected", new(2025, 3, 1)),
            Review(agency, "litigationAfterReview", new(2024, 1, 1), "upheld", new(2024, 6, 1)));
        await context.SaveChangesAsync();

        var report = (await RecordsReportBuilder.BuildAsync(context, agency, 2025))!;

        Assert.Equal([1, 0, 0, 1, 2], report.ReviewLitigation[ReviewLitigationGroup.Review]);
        Assert.Equal([0, 1, 0, 0, 1], report.ReviewLitigation[ReviewLitigationGroup.LitigationDirect]);
        Assert.Equal([0, 0, 0, 0, 0], report.ReviewLitigation[ReviewLitigationGroup.LitigationAfterReview]);
        Assert.Empty(ReportChecker.Check(report));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CalendarStore_AddedYear_IsUsedForDeadlines(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        const string notice2027 = """{"source":"国务院办公厅通知（测试）","years":{"2027":{"notice":"https://www.gov.cn/test","days":[{"date":"2027-01-01","name":"元旦","off":true}]}}}""";

        var (years, errors) = await CalendarStore.AddAsync(context, notice2027, "管理员", Clock);
        var calendar = await CalendarStore.LoadAsync(context);

        Assert.Empty(errors);
        Assert.Equal([2027], years);
        Assert.True(calendar.Covers(2027));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));
    }

    [Fact]
    public async Task CalendarStore_BadFile_StoresNothingAndSaysWhere()
    {
        using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.Open();

        var (years, errors) = await CalendarStore.AddAsync(context, """{"source":"x","years":{"2027":{"notice":"u","days":[{"date":"2027-02-30","name":"春节","off":true}]}}}""", "管理员", Clock);

        Assert.Empty(years);
        var error = Assert.Single(errors);
        Assert.Equal("years.2027.days[0].date", error.Path);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("第1行 years.2027.days[0].date：", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("2027-02-30", error.Message, StringComparison.Ordinal);
        Assert.Contains("不是有效日期，应为 YYYY-MM-DD", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await context.CalendarYears.CountAsync());
    }

    private static LedgerRow Row(int row, string? number, DateOnly received, ApplicantType type, DateOnly? closed, CaseOutcome? outcome) =>
        new(row, number, received, type, "申请人" + row, Channel.Online, "申请内容", closed, outcome);

    private static ReviewLitigationRecord Review(int agency, string kind, DateOnly filed, string outcome, DateOnly? concluded) =>
        new() { AgencyId = agency, Kind = kind, FiledOn = filed, Outcome = outcome, ConcludedOn = concluded };
}
