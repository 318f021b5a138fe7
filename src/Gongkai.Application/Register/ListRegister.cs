using Gongkai.Application.Reports;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Register;

/// <summary>
/// The agency's register filtered by <paramref name="Kind"/> and <paramref name="Year"/> (none: all), with the counts
/// of section 二's first block for <paramref name="CountYear"/>.
/// </summary>
public sealed record ListRegisterRequest(int AgencyId, NormativeDocumentKind? Kind, int? Year, int CountYear);

/// <summary>The register's rows as filtered, and section 二's first block for the count year in that year's report format.</summary>
public sealed record RegisterList(IReadOnlyList<RegisterEntry> Rows, Article20Table Counts);

/// <summary>
/// 规章和规范性文件登记 (Art. 20 (一)) as its page shows it: the rows, and the counts the annual report's section 二 takes
/// from the whole register for a year (<see cref="NormativeDocumentKinds.FillArticle20"/>, the same the report uses), in
/// the format of that year's report (<see cref="AnnualReportStore.TemplateAsync"/>).
/// </summary>
public sealed class ListRegister(NormativeDocumentStore store, AnnualReportStore reports)
{
    public async Task<Result<RegisterList>> ExecuteAsync(ListRegisterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await store.ListAsync(request.AgencyId, new RegisterFilter(request.Kind, request.Year), cancellationToken);
        var counts = new Article20Table(await reports.TemplateAsync(request.AgencyId, request.CountYear, cancellationToken));
        NormativeDocumentKinds.FillArticle20(counts, await store.LoadAsync(request.AgencyId, cancellationToken), request.CountYear);
        return Result.Ok(new RegisterList(rows, counts));
    }
}
