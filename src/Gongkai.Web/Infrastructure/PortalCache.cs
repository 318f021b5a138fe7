using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Infrastructure;

/// <summary>The short output cache of the public pages every visitor opens (home, 指南, the catalogue).</summary>
public static class PortalCache
{
    public const string Policy = "portal";

    /// <summary>
    /// The public catalogue (Art. 12) and its search: anonymous GETs cached per query (<c>q</c>, <c>c</c>, <c>page</c>),
    /// dropped from this instance when an item is published, withdrawn or changes validity (<see cref="Tag"/>).
    /// </summary>
    public const string CatalogPolicy = "portal-catalog";

    /// <summary>The query parameters the catalogue's pages vary by.</summary>
    public static readonly string[] CatalogQuery = ["q", "c", "page", "all"];

    public const string Tag = "portal";

    /// <summary>How stale another instance's copy can be after a change.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);

    /// <summary>Drops this instance's cached public pages after a change they show.</summary>
    public static Task EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken) =>
        store.EvictByTagAsync(Tag, cancellationToken).AsTask();

    /// <summary>The report use cases' handle on this instance's cached public pages (<see cref="Gongkai.Application.Reports.IPublicPagesCache"/>).</summary>
    public sealed class PublicPages(IOutputCacheStore store) : Gongkai.Application.Reports.IPublicPagesCache
    {
        public Task EvictAsync(CancellationToken cancellationToken = default) => PortalCache.EvictAsync(store, cancellationToken);
    }
}
