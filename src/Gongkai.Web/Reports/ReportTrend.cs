using Gongkai.Domain.Reports;

namespace Gongkai.Web.Reports;

/// <summary>The main figures of section 三 of one year's report (the 总计 column), for the portal's comparison and trend.</summary>
public sealed record ReportFigures(int Year, int Received, int CarriedOver, int Granted, int PartiallyGranted, int Withheld, int Unavailable,
    int NotProcessed, int Other, int TotalHandled, int CarriedForward)
{
    /// <summary>The rows of the comparison table: label and value.</summary>
    public IReadOnlyList<(string Label, int Value)> Rows =>
    [
        ("本年新收政府信息公开申请", Received),
        ("上年结转政府信息公开申请", CarriedOver),
        ("予以公开", Granted),
        ("部分公开", PartiallyGranted),
        ("不予公开", Withheld),
        ("无法提供", Unavailable),
        ("不予处理", NotProcessed),
        ("其他处理", Other),
        ("办理结果总计", TotalHandled),
        ("结转下年度继续办理", CarriedForward),
    ];

    /// <summary>Section 三's figures of a report (blank cells count 0, as the report's own check reads them).</summary>
    public static ReportFigures Of(AnnualReport report)
    {
        var t = report.Applications;
        int Cell(string key) => t.HasRow(key) ? t[key, ApplicantColumn.Total] ?? 0 : 0;
        int Group(string prefix) => t.Rows.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(r => Cell(r.Key));
        return new ReportFigures(report.Year, Cell(ApplicationRowKeys.Received), Cell(ApplicationRowKeys.CarriedOver), Cell(ApplicationRowKeys.Granted),
            Cell(ApplicationRowKeys.PartiallyGranted), Group("withheld."), Group("unavailable."), Group("notProcessed."), Group("other."),
            Cell(ApplicationRowKeys.TotalHandled), Cell(ApplicationRowKeys.CarriedForward));
    }
}
