using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Reports;

/// <summary>
/// The checker's findings on a report (勾稽关系 and totals), how many are errors and warnings, and why it may not be
/// published now (<see cref="ReportPublication.Blockers"/>: a part without text, Art. 50, or an error).
/// </summary>
public sealed record ReportCheck(IReadOnlyList<Finding> Findings, int Errors, int Warnings, IReadOnlyList<string> Blockers);

/// <summary>检查年度报告: runs the checker over a report, stored or read from a file; a report with errors is a value, not a refusal.</summary>
public sealed class CheckAnnualReport
{
    public Result<ReportCheck> Execute(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = ReportChecker.Check(report);
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        return Result.Ok(new ReportCheck(findings, errors, findings.Count - errors, ReportPublication.Blockers(report, findings)));
    }
}
