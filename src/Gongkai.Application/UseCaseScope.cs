using Gongkai.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application;

/// <summary>
/// The use cases (<see cref="ApplicationServices.AddGongkaiApplication"/>) on one open database and clock, outside a web
/// host: the command line opens one per command, tests one per test. Disposing it disposes the use cases, not the database.
/// </summary>
public sealed class UseCaseScope : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public UseCaseScope(GongkaiDbContext db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var services = new ServiceCollection();
        services.AddSingleton(db);
        services.AddSingleton(clock);
        services.AddGongkaiApplication();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
    }

    /// <summary>A use case (or a store registered with them).</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
