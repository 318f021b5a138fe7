using System.Text.RegularExpressions;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;

namespace Gongkai.Web.Reports;

/// <summary>
/// Pieces of <see cref="HtmlReportRenderer"/>'s page for use inside Gongkai's own pages, so that the back office,
/// the portal and the downloaded file show the same tables (one renderer, one layout of the national format).
/// </summary>
public static partial class ReportHtml
{
    /// <summary>The report as an <c>&lt;article class="report"&gt;</c> element (title, six parts, tables, signature).</summary>
    public static string Article(AnnualReport report)
    {
        var page = HtmlReportRenderer.Render(report);
        var start = page.IndexOf("<article", StringComparison.Ordinal);
        var end = page.LastIndexOf("</article>", StringComparison.Ordinal);
        return page[start..(end + "</article>".Length)];
    }

    /// <summary>
    /// The three tables (sections 二, 三, 四) in order, each a <c>div.table-wrap</c>; the cells named by a finding carry
    /// the class <c>finding-error</c> or <c>finding-warning</c>.
    /// </summary>
    public static IReadOnlyList<string> Tables(AnnualReport report, IReadOnlyList<Finding> findings)
    {
        var page = HtmlReportRenderer.Render(report);
        var tables = TableWrap().Matches(page).Select(m => m.Value).ToList();
        var marks = findings
            .SelectMany(f => f.Location.Select(cell => (cell, f.Severity)))
            .GroupBy(x => x.cell)
            .ToDictionary(g => g.Key, g => g.Any(x => x.Severity == FindingSeverity.Error) ? "finding-error" : "finding-warning", StringComparer.Ordinal);
        return tables.Select(t => DataCell().Replace(t, m =>
            marks.TryGetValue(m.Groups[1].Value, out var css) ? $"{m.Value} class=\"{css}\"" : m.Value)).ToList();
    }

    [GeneratedRegex("<div class=\"table-wrap\">.*?</table></div>", RegexOptions.Singleline)]
    private static partial Regex TableWrap();

    [GeneratedRegex("data-cell=\"([^\"]+)\"")]
    private static partial Regex DataCell();
}
