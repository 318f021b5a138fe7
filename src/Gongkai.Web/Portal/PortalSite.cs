using Gongkai.Data.Portal;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Web.Portal;

/// <summary>
/// The footer settings every public page shows, read once per request and kept a few seconds per instance (a copy,
/// not state: the database stays the truth; another instance shows a change within <see cref="Keep"/>).
/// </summary>
public sealed class PortalSite(PortalStore store, IMemoryCache cache)
{
    public static readonly TimeSpan Keep = TimeSpan.FromSeconds(10);

    private SiteSettings? _settings;

    public async Task<SiteSettings> SettingsAsync(CancellationToken cancellationToken = default) =>
        _settings ??= await cache.GetOrCreateAsync(typeof(PortalSite), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Keep;
            return store.SiteSettingsAsync(cancellationToken);
        }) ?? SiteSettings.Empty;

    /// <summary>Drops this instance's copy after the administrator saved the settings.</summary>
    public void Forget()
    {
        cache.Remove(typeof(PortalSite));
        _settings = null;
    }
}
