using Gongkai.Domain.Reports;

namespace Gongkai.Domain.ReviewLitigation;

/// <summary>
/// An administrative review (行政复议) or lawsuit (行政诉讼) arising from disclosure work (Art. 51; report section 四):
/// which kind, when it was filed, and how it ended (null while pending, 尚未审结).
/// </summary>
public sealed record ReviewLitigationCase(ReviewLitigationGroup Kind, DateOnly FiledOn, ReviewOutcome? Outcome, DateOnly? ConcludedOn)
{
    /// <summary>Whether the record makes sense: a concluded case has an outcome other than 尚未审结/总计 and a date not before filing.</summary>
    public string? Problem() => (Outcome, ConcludedOn) switch
    {
        (null, null) => null,
        (ReviewOutcome.Pending or ReviewOutcome.Total, _) => "审结结果应为 结果维持、结果纠正 或 其他结果；未审结的不填结果",
        (null, not null) => "已填审结日期，但没有审结结果",
        (not null, null) => "已填审结结果，但没有审结日期",
        (_, { } concluded) when concluded < FiledOn => "审结日期早于立案（申请）日期",
        _ => null,
    };
}

/// <summary>
/// Builds section 四 of the annual report from review and litigation records (docs/legal.md §2.5): for the year, each
/// case concluded in the year counts under its outcome; each case filed by the year's end and not concluded by it
/// counts as 尚未审结; 总计 is the sum. Cases concluded before the year are not counted again.
/// </summary>
public static class ReviewLitigationReportBuilder
{
    public static ReviewLitigationTable Build(IEnumerable<ReviewLitigationCase> cases, int year)
    {
        var table = new ReviewLitigationTable();
        foreach (var group in ReviewLitigationLabels.Groups)
        {
            Array.Fill(table[group], 0);
        }

        foreach (var c in cases)
        {
            if (c.FiledOn.Year > year || c.ConcludedOn?.Year < year)
            {
                continue;
            }

            var column = c.ConcludedOn?.Year == year && c.Outcome is { } outcome ? outcome : ReviewOutcome.Pending;
            table[c.Kind, column] = table[c.Kind, column] + 1;
            table[c.Kind, ReviewOutcome.Total] = table[c.Kind, ReviewOutcome.Total] + 1;
        }

        return table;
    }
}
