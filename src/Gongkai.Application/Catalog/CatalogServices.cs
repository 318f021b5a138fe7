using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Catalog;

/// <summary>The catalogue's use cases (主动公开, Art. 12, 17, 26).</summary>
public static class CatalogServices
{
    public static IServiceCollection AddGongkaiCatalog(this IServiceCollection services) => services
        .AddScoped<CatalogStores>()
        .AddScoped<DraftCatalogItem>()
        .AddScoped<EditCatalogItem>()
        .AddScoped<AttachToCatalogItem>()
        .AddScoped<RemoveCatalogAttachment>()
        .AddScoped<SubmitCatalogItem>()
        .AddScoped<ApproveCatalogItem>()
        .AddScoped<RefuseCatalogItem>()
        .AddScoped<PublishCatalogItem>()
        .AddScoped<WithdrawCatalogItem>()
        .AddScoped<SetCatalogItemValidity>()
        .AddScoped<SearchCatalog>()
        .AddScoped<SaveDisclosureSettings>();
}
