using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Article20;

/// <summary>The use cases of the Art. 20 figures of the annual report's section 二 (Art. 20 (二)–(八), Art. 50).</summary>
public static class Article20Services
{
    public static IServiceCollection AddArticle20UseCases(this IServiceCollection services) => services
        .AddScoped(sp => new Article20FigureStore(sp.GetRequiredService<GongkaiDbContext>(), sp.GetRequiredService<TimeProvider>()))
        .AddScoped<SetArticle20Figure>()
        .AddScoped<ImportArticle20Figures>()
        .AddScoped<SaveArticle20Year>()
        .AddScoped<ShowArticle20Year>();
}

/// <summary>The figures of one agency: rows of any years (set, import) or of <paramref name="Year"/> only (save year).</summary>
public sealed record Article20FiguresRequest(int AgencyId, IReadOnlyList<Article20Figure> Figures, int? Year = null);

/// <summary>Sets the given fields of one row for a year (fields left null keep what was stored); the value is the figure.</summary>
public sealed class SetArticle20Figure(Article20FigureStore store)
{
    public async Task<Result<Article20Figure>> ExecuteAsync(int agencyId, Article20Figure figure, CancellationToken cancellationToken = default) =>
        await store.SetAsync(agencyId, figure, cancellationToken) is { } error ? Result<Article20Figure>.Fail(error) : Result.Ok(figure);
}

/// <summary>Stores every figure of an import, all or nothing (a refusal names the row and year); the value is the number of rows.</summary>
public sealed class ImportArticle20Figures(Article20FigureStore store)
{
    public async Task<Result<int>> ExecuteAsync(Article20FiguresRequest request, CancellationToken cancellationToken = default) =>
        await store.ImportAsync(request.AgencyId, request.Figures, cancellationToken) is { } error ? Result<int>.Fail(error) : Result.Ok(request.Figures.Count);
}

/// <summary>
/// Stores a year's figures exactly as given, all or nothing (a field left null is blank afterwards, a row with no field is
/// removed); the value is the number of rows given.
/// </summary>
public sealed class SaveArticle20Year(Article20FigureStore store)
{
    public async Task<Result<int>> ExecuteAsync(Article20FiguresRequest request, CancellationToken cancellationToken = default) =>
        await store.SaveYearAsync(request.AgencyId, request.Year ?? throw new ArgumentException("The year saved is required.", nameof(request)), request.Figures, cancellationToken) is { } error
            ? Result<int>.Fail(error)
            : Result.Ok(request.Figures.Count);
}
