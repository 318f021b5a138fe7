using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Infrastructure;

/// <summary>The short output cache of the public pages every visitor opens (home, 指南).</summary>
public static class PortalCache
{
    public const string Policy = "portal";

    public const string Tag = "portal";

    /// <summary>How stale another instance's copy can be after a change.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);

    /// <summary>Drops this instance's cached public pages after a change they show.</summary>
    public static Task EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken) =>
        store.EvictByTagAsync(Tag, cancellationToken).AsTask();
}
