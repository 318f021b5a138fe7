using Gongkai.Domain.Results;

namespace Gongkai.Application.Reports;

/// <summary>The agency's published report for <paramref name="Year"/>, to be taken off the portal.</summary>
public sealed record WithdrawAnnualReportRequest(int AgencyId, int Year);

/// <summary>撤回: takes a published report off the portal; it becomes a draft again. Refused when it is not published.</summary>
public sealed class WithdrawAnnualReport(AnnualReportStore store)
{
    public async Task<Result<int>> ExecuteAsync(WithdrawAnnualReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WorkingCopies.UnknownYear(request.Year) is { } unknown)
        {
            return unknown;
        }

        return await store.WithdrawAsync(request.AgencyId, request.Year, cancellationToken) is { } error ? error : Result.Ok(request.Year);
    }
}
