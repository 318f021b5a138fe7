using Gongkai.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Application.Reports;

/// <summary>The use cases of the annual report (Arts. 49–50): build, check, save its text, publish, withdraw, import.</summary>
public static class ReportServices
{
    public static IServiceCollection AddReportUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton<IPublicPagesCache, NoPublicPagesCache>();
        return services
            .AddScoped<AnnualReportStore>()
            .AddScoped<IReportSource>(sp => new RecordsReportSource(sp.GetRequiredService<AnnualReportStore>(), sp.GetRequiredService<GongkaiDbContext>()))
            .AddScoped<BuildAnnualReport>()
            .AddScoped<CheckAnnualReport>()
            .AddScoped<SaveReportText>()
            .AddScoped<PublishAnnualReport>()
            .AddScoped<WithdrawAnnualReport>()
            .AddScoped<ImportAnnualReport>();
    }
}
