using System.Globalization;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The consistency rules of the annual report (docs/report-model.md, <c>findings</c>; docs/legal.md §2.4–2.5): the
/// printed 勾稽关系 and the sums the tables imply. A blank cell is read as 0 only together with a finding that
/// says so.
/// </summary>
public static class ReportChecker
{
    public const string BalanceRule = "balance";
    public const string HandledSumRule = "handled-sum";
    public const string RowTotalRule = "row-total";
    public const string CarryoverContinuityRule = "carryover-continuity";
    public const string TemplateYearRule = "template-year";
    public const string BlankCellsRule = "blank-cells";

    /// <summary>Every rule that reads one report, in a stable order: template, blanks, section 三, section 四.</summary>
    public static IReadOnlyList<Finding> Check(AnnualReport report)
    {
        var findings = new List<Finding>();
        CheckTemplateYear(report, findings);
        CheckBlankCells(report, findings);
        CheckBalance(report.Applications, findings);
        CheckHandledSum(report.Applications, findings);
        CheckRowTotals(report.Applications, findings);
        CheckReviewLitigation(report.ReviewLitigation, findings);
        return findings;
    }

    /// <summary>
    /// carryover-continuity: carriedOver of year Y equals carriedForward of year Y−1, per column, for two
    /// reports of one agency (docs/legal.md §2.4: 二、上年结转 is last year's 四、结转下年度继续办理).
    /// </summary>
    public static IReadOnlyList<Finding> CheckContinuity(AnnualReport previous, AnnualReport current)
    {
        var findings = new List<Finding>();
        if (current.Year != previous.Year + 1)
        {
            return findings;
        }

        foreach (var column in ApplicantColumns.All)
        {
            var forward = previous.Applications[ApplicationRowKeys.CarriedForward, column];
            var over = current.Applications[ApplicationRowKeys.CarriedOver, column];
            if (forward is null && over is null)
            {
                continue;
            }

            if ((forward ?? 0) != (over ?? 0))
            {
                findings.Add(new Finding(
                    CarryoverContinuityRule,
                    [$"{previous.Year}:{CellKey(ApplicationRowKeys.CarriedForward, column)}", $"{current.Year}:{CellKey(ApplicationRowKeys.CarriedOver, column)}"],
                    $"{current.Year}年 二、上年结转政府信息公开申请数量 {column.MessageLabel()}列为{Show(over)}，" +
                    $"但{previous.Year}年报告 四、结转下年度继续办理 {column.MessageLabel()}列为{Show(forward)}",
                    FindingSeverity.Error));
            }
        }

        return findings;
    }

    /// <summary>The location key of a cell of section 三's table.</summary>
    public static string CellKey(string rowKey, ApplicantColumn column) => $"applications.{rowKey}.{column.Key()}";

    /// <summary>The location key of a cell of section 四's table.</summary>
    public static string CellKey(ReviewLitigationGroup group, ReviewOutcome outcome) => $"reviewLitigation.{group.Key()}.{outcome.Key()}";

    /// <summary>template-year: 2019 format for 2019–2020, 2021 format from 2021 (docs/legal.md §2.1).</summary>
    private static void CheckTemplateYear(AnnualReport report, List<Finding> findings)
    {
        var expected = ReportTemplates.ForYear(report.Year);
        if (report.Template != expected)
        {
            findings.Add(new Finding(TemplateYearRule, ["template", "year"],
                $"{report.Year}年度报告应使用{expected.DisplayName()}，但本报告使用的是{report.Template.DisplayName()}",
                FindingSeverity.Error));
        }
    }

    /// <summary>One warning per table that has blank cells: the checks read them as 0.</summary>
    private static void CheckBlankCells(AnnualReport report, List<Finding> findings)
    {
        var blankApplications = (
            from row in report.Applications.Rows
            from column in ApplicantColumns.All
            where report.Applications[row.Key, column] is null
            select CellKey(row.Key, column)).ToList();
        if (blankApplications.Count > 0)
        {
            findings.Add(new Finding(BlankCellsRule, blankApplications,
                $"三、收到和处理政府信息公开申请情况 表中有{blankApplications.Count}个空白单元格（未填0），检查时按0计算；请确认空白是否表示0",
                FindingSeverity.Warning));
        }

        var blankReview = (
            from g in ReviewLitigationLabels.Groups
            from o in ReviewLitigationLabels.Outcomes
            where report.ReviewLitigation[g, o] is null
            select CellKey(g, o)).ToList();
        if (blankReview.Count > 0)
        {
            findings.Add(new Finding(BlankCellsRule, blankReview,
                $"四、政府信息公开行政复议、行政诉讼情况 表中有{blankReview.Count}个空白单元格（未填0），检查时按0计算；请确认空白是否表示0",
                FindingSeverity.Warning));
        }
    }

    /// <summary>balance: 一 + 二 = 三（七） + 四 in every column (the printed 勾稽关系, docs/legal.md §2.4, V).</summary>
    private static void CheckBalance(ApplicationsTable table, List<Finding> findings)
    {
        foreach (var column in ApplicantColumns.All)
        {
            var received = table[ApplicationRowKeys.Received, column];
            var over = table[ApplicationRowKeys.CarriedOver, column];
            var handled = table[ApplicationRowKeys.TotalHandled, column];
            var forward = table[ApplicationRowKeys.CarriedForward, column];
            int?[] cells = [received, over, handled, forward];
            if (cells.All(c => c is null))
            {
                continue;
            }

            var incoming = (received ?? 0) + (over ?? 0);
            var outgoing = (handled ?? 0) + (forward ?? 0);
            if (incoming != outgoing)
            {
                findings.Add(new Finding(BalanceRule,
                    [
                        CellKey(ApplicationRowKeys.Received, column), CellKey(ApplicationRowKeys.CarriedOver, column),
                        CellKey(ApplicationRowKeys.TotalHandled, column), CellKey(ApplicationRowKeys.CarriedForward, column),
                    ],
                    $"{column.MessageLabel()}列：一（本年新收）{Show(received)} + 二（上年结转）{Show(over)} = {incoming}，" +
                    $"但 三（七）总计 {Show(handled)} + 四（结转下年度）{Show(forward)} = {outgoing}，不符合勾稽关系{BlankNote(cells)}",
                    FindingSeverity.Error));
            }
        }
    }

    /// <summary>handled-sum: 三（七）总计 = the sum of the result rows （一）–（六） (derived, docs/legal.md §2.4).</summary>
    private static void CheckHandledSum(ApplicationsTable table, List<Finding> findings)
    {
        var results = table.Rows.Where(r => r.Kind == ApplicationRowKind.Result).ToList();
        foreach (var column in ApplicantColumns.All)
        {
            var total = table[ApplicationRowKeys.TotalHandled, column];
            var parts = results.Select(r => table[r.Key, column]).ToList();
            if (total is null && parts.All(p => p is null))
            {
                continue;
            }

            var sum = parts.Sum(p => p ?? 0);
            if ((total ?? 0) != sum)
            {
                findings.Add(new Finding(HandledSumRule,
                    [CellKey(ApplicationRowKeys.TotalHandled, column), .. results.Select(r => CellKey(r.Key, column))],
                    $"三（七）总计 {column.MessageLabel()}列为{Show(total)}，但各项办理结果之和为{sum}{BlankNote([total, .. parts])}",
                    FindingSeverity.Error));
            }
        }
    }

    /// <summary>row-total: 总计 = the six applicant columns, in every row (derived, docs/legal.md §2.4).</summary>
    private static void CheckRowTotals(ApplicationsTable table, List<Finding> findings)
    {
        foreach (var row in table.Rows)
        {
            var cells = table[row.Key];
            if (cells.All(c => c is null))
            {
                continue;
            }

            var total = cells[(int)ApplicantColumn.Total];
            var sum = ApplicantColumns.Applicants.Sum(c => cells[(int)c] ?? 0);
            if ((total ?? 0) != sum)
            {
                findings.Add(new Finding(RowTotalRule,
                    ApplicantColumns.All.Select(c => CellKey(row.Key, c)).ToList(),
                    $"{row.Name} 总计列{(total is null ? "空白" : $"为{total}")}，但六类申请人之和为{sum}{BlankNote(cells)}",
                    FindingSeverity.Error));
            }
        }
    }

    /// <summary>review-total and the two litigation totals: 总计 = 维持 + 纠正 + 其他 + 尚未审结 (docs/legal.md §2.5).</summary>
    private static void CheckReviewLitigation(ReviewLitigationTable table, List<Finding> findings)
    {
        foreach (var group in ReviewLitigationLabels.Groups)
        {
            var cells = table[group];
            if (cells.All(c => c is null))
            {
                continue;
            }

            var total = cells[(int)ReviewOutcome.Total];
            var sum = cells.Take((int)ReviewOutcome.Total).Sum(c => c ?? 0);
            if ((total ?? 0) != sum)
            {
                findings.Add(new Finding(group.TotalRule(),
                    ReviewLitigationLabels.Outcomes.Select(o => CellKey(group, o)).ToList(),
                    $"{group.Label()} 总计{(total is null ? "空白" : $"为{total}")}，但结果维持、结果纠正、其他结果、尚未审结之和为{sum}{BlankNote(cells)}",
                    FindingSeverity.Error));
            }
        }
    }

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "空白";

    private static string BlankNote(IEnumerable<int?> cells) =>
        cells.Any(c => c is null) ? "（空白单元格按0计算）" : string.Empty;
}
