using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Reviews;

/// <summary>The use cases of 行政复议 and 行政诉讼 records (report section 四).</summary>
public static class ReviewServices
{
    public static IServiceCollection AddReviewUseCases(this IServiceCollection services) => services
        .AddScoped<RecordReviewLitigation>();
}
