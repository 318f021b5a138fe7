using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Supervision;

/// <summary>
/// The roll-up of many agencies' reports of one year (the supervising office's 汇总, Art. 50(二)(三)): every cell of
/// sections 二 (numbers only), 三 and 四 is the sum of the agencies' cells. A blank cell (null, in a published report
/// read from its text) adds nothing; a text cell of section 二 (增1减3) is not summed.
/// </summary>
public static class ReportSum
{
    /// <summary>A report named <paramref name="name"/> for <paramref name="year"/> whose tables are the sums of <paramref name="reports"/>.</summary>
    public static AnnualReport Sum(string name, int year, IEnumerable<AnnualReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var total = new AnnualReport(name, year);
        foreach (var row in total.Applications.Rows)
        {
            Array.Fill(total.Applications[row.Key], 0);
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            Array.Fill(total.ReviewLitigation[group], 0);
        }

        foreach (var report in reports)
        {
            Add(total, report);
        }

        return total;
    }

    /// <summary>Adds <paramref name="report"/>'s cells to <paramref name="total"/>'s (rows the total's template lacks are skipped).</summary>
    public static void Add(AnnualReport total, AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var row in total.Applications.Rows)
        {
            if (!report.Applications.HasRow(row.Key))
            {
                continue;
            }

            var into = total.Applications[row.Key];
            var from = report.Applications[row.Key];
            for (var i = 0; i < into.Length; i++)
            {
                into[i] = (into[i] ?? 0) + (from[i] ?? 0);
            }
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            var into = total.ReviewLitigation[group];
            var from = report.ReviewLitigation[group];
            for (var i = 0; i < into.Length; i++)
            {
                into[i] = (into[i] ?? 0) + (from[i] ?? 0);
            }
        }

        foreach (var (row, columns) in total.Article20.Layout.Rows)
        {
            foreach (var column in columns)
            {
                if (report.Article20.Has(row.Key, column.Key) && report.Article20[row.Key, column.Key] is { Number: { } n })
                {
                    total.Article20[row.Key, column.Key] = Article20Value.Of((total.Article20[row.Key, column.Key]?.Number ?? 0) + n);
                }
            }
        }
    }
}
