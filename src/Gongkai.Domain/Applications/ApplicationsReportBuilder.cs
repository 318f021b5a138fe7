using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Applications;

/// <summary>
/// Builds section 三 of the annual report (Art. 50(二); docs/legal.md §2.4) from case records:
/// 一 received = cases whose date of receipt (Art. 31) is in the year; 二 carried over = received before the year
/// and not closed before it; 三 each outcome row = cases closed in the year; 三（七） = their sum; 四 carried
/// forward = received by the year's end and still open at it; 总计 = the six applicant columns. The printed
/// 勾稽关系 一 + 二 = 三（七） + 四 then holds by construction.
/// </summary>
public static class ApplicationsReportBuilder
{
    /// <summary>The table for <paramref name="year"/> in <paramref name="template"/>, every cell filled (no blanks).</summary>
    public static ApplicationsTable Build(IEnumerable<ApplicationCase> cases, int year, ReportTemplate template, ReportingRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return Build(
            cases.Where(c => c.ReceivedOn is not null && c.Applicant is not null)
                .Select(c => new CaseSummary(c.Applicant!.Value, c.ReceivedOn!.Value, c.ClosedOn, c.Outcome)),
            year, template, rules);
    }

    /// <summary>
    /// The same table from the few facts each case contributes (what a database query returns for 100,000
    /// cases without rebuilding each case from its history).
    /// </summary>
    public static ApplicationsTable Build(IEnumerable<CaseSummary> cases, int year, ReportTemplate template, ReportingRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var table = new ApplicationsTable(template);
        foreach (var row in table.Rows)
        {
            Array.Fill(table[row.Key], 0);
        }

        foreach (var c in cases)
        {
            if (c.ReceivedOn.Year > year)
            {
                continue;
            }

            var column = c.Applicant;
            var closedYear = c.ClosedOn?.Year;
            if (c.ReceivedOn.Year == year)
            {
                Add(table, ApplicationRowKeys.Received, column, c.Count);
            }
            else if (closedYear is null || closedYear >= year)
            {
                Add(table, ApplicationRowKeys.CarriedOver, column, c.Count);
            }

            if (closedYear == year)
            {
                Add(table, c.Outcome!.Value.RowKey(template, rules), column, c.Count);
                Add(table, ApplicationRowKeys.TotalHandled, column, c.Count);
            }
            else if (closedYear is null || closedYear > year)
            {
                Add(table, ApplicationRowKeys.CarriedForward, column, c.Count);
            }
        }

        return table;
    }

    /// <summary>Fills the applications table of <paramref name="report"/> (its year and template) from the cases.</summary>
    public static void Fill(AnnualReport report, IEnumerable<ApplicationCase> cases, ReportingRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var built = Build(cases, report.Year, report.Template, rules);
        foreach (var row in built.Rows)
        {
            built[row.Key].CopyTo(report.Applications[row.Key], 0);
        }
    }

    private static void Add(ApplicationsTable table, string rowKey, ApplicantType applicant, int count)
    {
        table[rowKey, applicant] = table[rowKey, applicant] + count;
        table[rowKey, ApplicantColumn.Total] = table[rowKey, ApplicantColumn.Total] + count;
    }
}

/// <summary>What one case contributes to section 三: who applied, when it was received (Art. 31), when and how it closed.</summary>
/// <remarks><paramref name="Count"/> lets a database hand over one summary for many alike cases (only the years of the dates matter).</remarks>
public sealed record CaseSummary(ApplicantType Applicant, DateOnly ReceivedOn, DateOnly? ClosedOn, CaseOutcome? Outcome, int Count = 1);
