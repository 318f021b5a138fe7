using System.Globalization;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>Case numbers and case steps under concurrent requests, each with its own connection, on both databases.</summary>
public class CaseStoreConcurrencyTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 10, 9, 2, 0, 0, TimeSpan.Zero));

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_60AtOnce_AllSucceedWithUniqueGaplessNumbers(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        int agency;
        await using (var context = db.Open())
        {
            agency = await CaseStoreTests.AddAgencyAsync(context);
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            await using var context = db.Open();
            var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);
            return await store.RegisterAsync(new NewApplication(agency, ApplicantType.NaturalPerson, "申请人" + i.ToString(CultureInfo.InvariantCulture), Channel.InPerson, new DateOnly(2025, 10, 9), "officer"));
        })));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var numbers = results.Select(r => r.Value!.Number).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(n => "2025-" + n.ToString("D5", CultureInfo.InvariantCulture)), numbers);
        await using var check = db.Open();
        Assert.Equal(60, await check.Cases.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_AfterLedgerNumbers_ContinuesAfterTheHighestAndSkipsTaken(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();
        var agency = await CaseStoreTests.AddAgencyAsync(context);
        var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);
        Assert.True((await store.RegisterAsync(Application(agency) with { Number = "2025-00007" })).Succeeded);

        var next = await store.RegisterAsync(Application(agency));
        Assert.True((await store.RegisterAsync(Application(agency) with { Number = "2025-00009" })).Succeeded);
        var after = await store.RegisterAsync(Application(agency));

        Assert.Equal("2025-00008", next.Value!.Number);
        Assert.Equal("2025-00010", after.Value!.Number);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Assign_TwoOfficersSameVersion_OneRecordedOtherToldWhatChanged(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        long caseId;
        int agency, health, finance, seen;
        await using (var context = db.Open())
        {
            agency = await CaseStoreTests.AddAgencyAsync(context);
            (health, finance) = (await AddDepartmentAsync(context, agency, "卫生科"), await AddDepartmentAsync(context, agency, "财务科"));
            var registered = await new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock).RegisterAsync(Application(agency));
            (caseId, seen) = (registered.Value!.Id, registered.Value.Version);
        }

        // Both saw the same page (version 1); 王芳 assigns first, 李强 then posts his choice made on the old page.
        await using var first = db.Open();
        await using var second = db.Open();
        var wang = await new CaseStore(first, ChineseWorkingDayCalendar.Default, Clock)
            .RecordAsync(agency, caseId, new Assigned(new DateOnly(2025, 10, 9), "王芳", Id(health)), seen, null);
        var li = await new CaseStore(second, ChineseWorkingDayCalendar.Default, Clock)
            .RecordAsync(agency, caseId, new Assigned(new DateOnly(2025, 10, 9), "李强", Id(finance)), seen, null);

        Assert.True(wang.Succeeded, wang.Error?.Message);
        var conflict = Assert.IsType<Conflict>(li.Error);
        Assert.Equal("该申请已被王芳于2025-10-09 10:00办理：分办（卫生科）。请刷新后重试", conflict.Message);
        await using var check = db.Open();
        Assert.Equal(health, (await check.Cases.SingleAsync()).DepartmentId);
        Assert.Equal(2, await check.CaseEvents.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Steps_50OfficersInParallelOnSharedCases_NoLostUpdate(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        int agency;
        var departments = new List<int>();
        var cases = new List<long>();
        await using (var context = db.Open())
        {
            agency = await CaseStoreTests.AddAgencyAsync(context);
            for (var d = 0; d < 3; d++)
            {
                departments.Add(await AddDepartmentAsync(context, agency, "科室" + d.ToString(CultureInfo.InvariantCulture)));
            }

            var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);
            for (var c = 0; c < 5; c++)
            {
                cases.Add((await store.RegisterAsync(Application(agency))).Value!.Id);
            }
        }

        // Each officer opens a case (reads its version), decides and posts; the loser of a race is told, not lost.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await using var context = db.Open();
            var store = new CaseStore(context, ChineseWorkingDayCalendar.Default, Clock);
            var caseId = cases[i % cases.Count];
            var seen = await context.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Version, c.DepartmentId }).SingleAsync();
            var others = departments.Where(d => d != seen.DepartmentId).ToList();
            var to = Id(others[i % others.Count]);
            CaseEvent step = seen.DepartmentId is null ? new Assigned(new DateOnly(2025, 10, 9), "officer" + i, to) : new Transferred(new DateOnly(2025, 10, 9), "officer" + i, to);
            return await store.RecordAsync(agency, caseId, step, seen.Version, null);
        })));

        var succeeded = outcomes.Count(o => o.Succeeded);
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.True(o.Error is Conflict, o.Error!.Message));
        Assert.True(succeeded >= cases.Count, $"only {succeeded} succeeded");
        await using var check = db.Open();
        Assert.Equal(cases.Count + succeeded, await check.CaseEvents.CountAsync());
        foreach (var caseId in cases)
        {
            var row = await check.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
            var events = await check.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal(events.Count, row.Version);
            Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Sequence));
        }
    }

    private static string Id(int department) => department.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> AddDepartmentAsync(GongkaiDbContext context, int agency, string name)
    {
        var department = new DepartmentRecord { AgencyId = agency, Name = name };
        context.Departments.Add(department);
        await context.SaveChangesAsync();
        return department.Id;
    }

    private static NewApplication Application(int agency) =>
        new(agency, ApplicantType.NaturalPerson, "王小明", Channel.InPerson, new DateOnly(2025, 10, 9), "officer", Request: "本区2024年度医疗机构校验结果");
}
