using Gongkai.Domain.Reports;

namespace Gongkai.Application.Reports;

/// <summary>
/// What must hold before an annual report goes to the portal (Arts. 49–50): every one of the six parts has its text
/// (Art. 50 lists what the report contains; a part with nothing to say says so, e.g. "无"), and the checker finds no
/// error (the tables add up). The confirmation page lists these reasons; the store refuses on them too.
/// </summary>
public static class ReportPublication
{
    /// <summary>The formats the portal offers a published report in.</summary>
    public const string Formats = "网页（HTML）和 Word 文档（DOCX）";

    /// <summary>Why <paramref name="report"/> may not be published now; empty when it may.</summary>
    public static IReadOnlyList<string> Blockers(AnnualReport report, IReadOnlyList<Finding> findings)
    {
        var reasons = report.Sections.InOrder(report.Template)
            .Where(s => string.IsNullOrWhiteSpace(s.Text))
            .Select(s => $"“{s.Heading}”没有正文（无可报告的内容时请写明“无”）。")
            .ToList();
        reasons.AddRange(findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => $"检查发现错误：{f.Message}"));
        return reasons;
    }
}
