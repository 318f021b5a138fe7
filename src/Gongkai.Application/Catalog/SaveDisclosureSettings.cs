using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Catalog;

/// <summary>The settings to store, on the version the administrator saw.</summary>
public sealed record SaveDisclosureSettingsRequest(int AgencyId, DisclosureSettings Settings, string Actor, int? SeenVersion);

/// <summary>目录与审核设置: the 索引号 pattern (Art. 12), the review chain (Art. 17) and 审核分离; returns the new version.</summary>
public sealed class SaveDisclosureSettings(CatalogStores stores)
{
    public async Task<Result<int>> ExecuteAsync(SaveDisclosureSettingsRequest request, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        return await store.SaveSettingsAsync(request.AgencyId, request.Settings, request.Actor, request.SeenVersion, cancellationToken);
    }
}
