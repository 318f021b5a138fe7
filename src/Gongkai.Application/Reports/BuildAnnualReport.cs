using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Data.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Reports;

/// <summary>What a built report is made of.</summary>
public enum ReportBasis
{
    /// <summary>
    /// The back office's working copy (<see cref="IReportSource"/>): the stored narrative with the tables counted from
    /// the records; a published or imported report exactly as stored.
    /// </summary>
    WorkingCopy,

    /// <summary>Everything from the records, whatever is stored (the command line's <c>report build</c>).</summary>
    Records,
}

/// <summary>The report of <paramref name="Agency"/> for <paramref name="Year"/>, made from <paramref name="Basis"/>.</summary>
public sealed record BuildAnnualReportRequest(AgencyRecord Agency, int Year, ReportBasis Basis = ReportBasis.WorkingCopy);

/// <summary>
/// 生成年度报告 (Art. 50): section 二 from the catalogue, the register of documents and the Art. 20 figures, sections
/// 三 and 四 counted from the case and review/litigation records, in the national format of the year, with first
/// drafts of sections 一 and 二's text where the office has written none. A year outside the report years is refused.
/// </summary>
public sealed class BuildAnnualReport(GongkaiDbContext db, IReportSource workingCopy)
{
    public async Task<Result<AnnualReport>> ExecuteAsync(BuildAnnualReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ReportTemplates.IsReportYear(request.Year))
        {
            return new Refused($"报告年度 {request.Year} 无效", "year");
        }

        return Result.Ok(request.Basis switch
        {
            ReportBasis.WorkingCopy => await workingCopy.LoadAsync(request.Agency, request.Year, cancellationToken),
            ReportBasis.Records => (await RecordsReportBuilder.BuildAsync(db, request.Agency.Id, request.Year, cancellationToken: cancellationToken))!,
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Basis, null),
        });
    }
}
