using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Rules;

/// <summary>The use cases of the 计算规则 the Regulation leaves open (docs/legal.md U/P).</summary>
public static class RulesServices
{
    public static IServiceCollection AddRulesUseCases(this IServiceCollection services) => services
        .AddScoped<ReadRules>()
        .AddScoped<SaveRules>()
        .AddScoped<SetRule>();
}
