using Gongkai.Application;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests.UseCases;

/// <summary>The use cases the command line calls (<see cref="UseCaseScope"/>, as <c>CliContext</c> opens them) on one test database, with test data.</summary>
internal sealed class UseCaseHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly UseCaseScope _useCases;

    private UseCaseHost(TestDatabase database, TimeProvider clock)
    {
        _database = database;
        Db = database.Open();
        Clock = clock;
        _useCases = new UseCaseScope(Db, clock);
    }

    /// <summary>A fresh database on <paramref name="provider"/> with the use cases on it; <paramref name="clock"/> defaults to the system's.</summary>
    public static async Task<UseCaseHost> CreateAsync(DatabaseProvider provider, TimeProvider? clock = null) =>
        new(await TestDatabase.CreateAsync(provider), clock ?? TimeProvider.System);

    public GongkaiDbContext Db { get; }

    public TimeProvider Clock { get; }

    public T Get<T>()
        where T : notnull => _useCases.Get<T>();

    /// <summary>An agency to record against.</summary>
    public async Task<int> AddAgencyAsync(string name = "示范区卫生健康局")
    {
        var agency = new AgencyRecord { Code = "a1", Name = name, Kind = "department", CreatedAt = Clock.GetUtcNow() };
        Db.Agencies.Add(agency);
        await Db.SaveChangesAsync();
        return agency.Id;
    }

    /// <summary>An open case received in person on <paramref name="arrived"/>; its number.</summary>
    public async Task<string> RegisterCaseAsync(int agency, DateOnly arrived)
    {
        var store = new CaseStore(Db, ChineseWorkingDayCalendar.Default, Clock);
        var result = await store.RegisterAsync(new NewApplication(agency, ApplicantType.NaturalPerson, "王小明", Channel.InPerson, arrived, "officer",
            Request: "本区2024年度医疗机构校验结果"));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!.Number;
    }

    public async ValueTask DisposeAsync()
    {
        await _useCases.DisposeAsync();
        await Db.DisposeAsync();
        _database.Dispose();
    }
}

/// <summary>A clock that always says the same moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
