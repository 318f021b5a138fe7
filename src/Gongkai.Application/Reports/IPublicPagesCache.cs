namespace Gongkai.Application.Reports;

/// <summary>
/// The cached public pages of this instance (the web's output cache), dropped after a change they show — a report
/// published or withdrawn (Art. 49). The command line has none (<see cref="NoPublicPagesCache"/>); other instances'
/// copies expire by themselves within seconds.
/// </summary>
public interface IPublicPagesCache
{
    Task EvictAsync(CancellationToken cancellationToken = default);
}

/// <summary>No cached public pages (the command line, tests of the use cases).</summary>
public sealed class NoPublicPagesCache : IPublicPagesCache
{
    public Task EvictAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
