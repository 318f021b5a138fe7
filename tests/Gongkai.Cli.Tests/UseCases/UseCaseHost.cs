using Gongkai.Application;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Tests.UseCases;

/// <summary>The use cases the command line calls, wired as <c>CliContext</c> wires them, on one test database.</summary>
internal sealed class UseCaseHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public UseCaseHost(GongkaiDbContext db, TimeProvider clock)
    {
        Db = db;
        Clock = clock;
        var services = new ServiceCollection();
        services.AddSingleton(db);
        services.AddSingleton(clock);
        services.AddGongkaiApplication();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
    }

    public GongkaiDbContext Db { get; }

    public TimeProvider Clock { get; }

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

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
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}

/// <summary>A clock that always says the same moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
