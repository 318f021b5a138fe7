using Gongkai.Application.Catalog;
using Gongkai.Application.Reports;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Article20;

/// <summary>The agency's Art. 20 figures of <paramref name="Year"/>.</summary>
public sealed record ShowArticle20YearRequest(int AgencyId, int Year);

/// <summary>
/// Section 二 of the year in its report's format, filled from the stored figures as the report will print it, and the
/// figures as stored (for the form and the CSV template).
/// </summary>
public sealed record Article20Year(Article20Table Table, IReadOnlyList<Article20Figure> Figures);

/// <summary>
/// 第二十条数据 of a year (Art. 20 (五)(六)(八)(九)): the stored figures and section 二 as the report prints them, with the
/// 2019 format's 上一年项目数量 and 本年增/减 derived from the year before (<see cref="Article20FigureRows.Fill"/>) and
/// amounts to the agency's chosen decimals (its disclosure settings).
/// </summary>
public sealed class ShowArticle20Year(Article20FigureStore figures, AnnualReportStore reports, CatalogStores catalog)
{
    public async Task<Result<Article20Year>> ExecuteAsync(ShowArticle20YearRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = new Article20Table(await reports.TemplateAsync(request.AgencyId, request.Year, cancellationToken));
        var settings = await (await catalog.OpenAsync(cancellationToken)).SettingsAsync(request.AgencyId, cancellationToken);
        var stored = await figures.LoadAsync(request.AgencyId, request.Year, cancellationToken);
        Article20FigureRows.Fill(table, stored, request.Year, settings.FeeDecimals);
        return Result.Ok(new Article20Year(table, stored));
    }
}
