using System.Net;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Rendering;

/// <summary>
/// Renders an annual report as one self-contained HTML page: the six parts and the three tables laid out as
/// the national format prints them (merged header cells, the 勾稽关系 note cell, the nested row labels of
/// section 三; docs/legal.md §2.3–2.5), with print CSS for A4 and the margins of an official document (GB/T 9704).
/// </summary>
public static class HtmlReportRenderer
{
    private const string Css = """
        :root { --ink: #111; --rule: #333; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #f4f4f2;
               font-family: "FangSong", "仿宋_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
               font-size: 16pt; line-height: 1.75; }
        .report { max-width: 210mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; background: #fff; }
        h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", serif;
             font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
        h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
             font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.2em; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        .table-wrap { overflow-x: auto; margin: 0.5em 0 1em; }
        table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.35; }
        th, td { border: 1px solid var(--rule); padding: 2px 4px; text-align: center; vertical-align: middle; }
        th { font-weight: normal; }
        td { font-family: "Times New Roman", "Noto Serif CJK SC", serif; }
        th.item { text-align: left; font-weight: bold; }
        th.note { font-size: 9pt; }
        th.label { text-align: left; }
        .signature { text-align: right; margin-top: 2em; }
        .signature p { text-indent: 0; text-align: right; }
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        @media print {
          body { background: none; }
          .report { max-width: none; margin: 0; padding: 0; }
          tr { break-inside: avoid; }
        }
        @media (max-width: 600px) {
          body { font-size: 12pt; }
          .report { padding: 1.2em 0.8em; }
          h1 { font-size: 16pt; }
          h2 { font-size: 13pt; }
        }
        """;

    /// <summary>The whole page.</summary>
    public static string Render(AnnualReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Gongkai\">\n")
            .Append("<title>").Append(E(report.Title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n")
            .Append("<article class=\"report\" data-template=\"").Append(report.Template.Code()).Append("\">\n")
            .Append("<h1>").Append(E(report.Title)).Append("</h1>\n");
        foreach (var (key, heading, text) in report.Sections.InOrder(report.Template))
        {
            html.Append("<section id=\"").Append(key).Append("\">\n<h2>").Append(E(heading)).Append("</h2>\n");
            foreach (var paragraph in ReportFormatting.Paragraphs(text))
            {
                html.Append("<p>").Append(E(paragraph)).Append("</p>\n");
            }

            switch (key)
            {
                case "proactive":
                    AppendArticle20(html, report.Article20);
                    break;
                case "applications":
                    AppendApplications(html, report.Applications);
                    break;
                case "reviewLitigation":
                    AppendReviewLitigation(html, report.ReviewLitigation);
                    break;
            }

            html.Append("</section>\n");
        }

        html.Append("<div class=\"signature\">\n<p>").Append(E(report.Agency)).Append("</p>\n");
        if (report.PublishedOn is { } published)
        {
            html.Append("<p><time datetime=\"").Append(Gongkai.Domain.Text.DateText.Iso(published))
                .Append("\">").Append(ReportFormatting.ChineseDate(published)).Append("</time></p>\n");
        }
        else
        {
            // 成文日期 not fixed yet: the blank date line of a paper form.
            html.Append("<p>").Append(ReportFormatting.SignatureDate(null)).Append("</p>\n");
        }

        html.Append("</div>\n</article>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Section 二: one block per Art. 20 item, the widest block setting the column count (docs/legal.md §2.3).</summary>
    private static void AppendArticle20(StringBuilder html, Article20Table table)
    {
        var width = table.Layout.Groups.Max(g => g.Columns.Count);
        html.Append("<div class=\"table-wrap\"><table class=\"article20\">\n<caption hidden>第二十条主动公开情况</caption>\n<tbody>\n");
        foreach (var group in table.Layout.Groups)
        {
            html.Append("<tr><th class=\"item\" scope=\"colgroup\" colspan=\"").Append(width + 1).Append("\">").Append(E(group.Heading)).Append("</th></tr>\n");
            html.Append("<tr><th scope=\"col\">信息内容</th>");
            for (var i = 0; i < group.Columns.Count; i++)
            {
                html.Append("<th scope=\"col\"").Append(Span(i, group.Columns.Count, width)).Append('>').Append(E(group.Columns[i].Label)).Append("</th>");
            }

            html.Append("</tr>\n");
            foreach (var row in group.Rows)
            {
                html.Append("<tr><th class=\"label\" scope=\"row\">").Append(E(row.Label)).Append("</th>");
                for (var i = 0; i < group.Columns.Count; i++)
                {
                    var column = group.Columns[i];
                    html.Append("<td").Append(Span(i, group.Columns.Count, width))
                        .Append(" data-cell=\"article20.").Append(row.Key).Append('.').Append(column.Key).Append("\">")
                        .Append(E(ReportFormatting.Cell(table[row.Key, column.Key], column))).Append("</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>Section 三 with the national header and the three nested label columns (docs/legal.md §2.4).</summary>
    private static void AppendApplications(StringBuilder html, ApplicationsTable table)
    {
        html.Append("<div class=\"table-wrap\"><table class=\"applications\">\n<caption hidden>收到和处理政府信息公开申请情况</caption>\n<thead>\n")
            .Append("<tr><th class=\"note\" colspan=\"3\" rowspan=\"3\">").Append(E(ApplicationsLayout.BalanceNote)).Append("</th>")
            .Append("<th scope=\"colgroup\" colspan=\"7\">申请人情况</th></tr>\n")
            .Append("<tr><th scope=\"col\" rowspan=\"2\">自然人</th><th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th><th scope=\"col\" rowspan=\"2\">总计</th></tr>\n<tr>");
        foreach (var column in ApplicantColumns.Applicants.Skip(1))
        {
            html.Append("<th scope=\"col\">").Append(E(column.Label())).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        var rows = table.Rows;
        var resultRows = rows.Count(r => r.Kind is ApplicationRowKind.Result or ApplicationRowKind.TotalHandled);
        var firstResult = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            html.Append("<tr>");
            if (row.Group is null)
            {
                html.Append("<th class=\"label\" scope=\"row\" colspan=\"3\">").Append(E(row.Top)).Append("</th>");
            }
            else
            {
                if (firstResult)
                {
                    html.Append("<th scope=\"rowgroup\" rowspan=\"").Append(resultRows).Append("\">").Append(E(row.Top)).Append("</th>");
                    firstResult = false;
                }

                if (row.Item is null)
                {
                    html.Append("<th class=\"label\" scope=\"row\" colspan=\"2\">").Append(E(row.Group)).Append("</th>");
                }
                else
                {
                    if (i == 0 || rows[i - 1].Group != row.Group)
                    {
                        var span = rows.Skip(i).TakeWhile(r => r.Group == row.Group).Count();
                        html.Append("<th scope=\"rowgroup\" rowspan=\"").Append(span).Append("\">").Append(E(row.Group)).Append("</th>");
                    }

                    html.Append("<th class=\"label\" scope=\"row\">").Append(E(row.Item)).Append("</th>");
                }
            }

            foreach (var column in ApplicantColumns.All)
            {
                html.Append("<td data-cell=\"").Append(ReportChecker.CellKey(row.Key, column)).Append("\">")
                    .Append(ReportFormatting.Cell(table[row.Key, column])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>Section 四: 行政复议 (5) and 行政诉讼 (10) over one row of 15 numbers (docs/legal.md §2.5).</summary>
    private static void AppendReviewLitigation(StringBuilder html, ReviewLitigationTable table)
    {
        html.Append("<div class=\"table-wrap\"><table class=\"review-litigation\">\n<caption hidden>政府信息公开行政复议、行政诉讼情况</caption>\n<thead>\n")
            .Append("<tr><th scope=\"colgroup\" colspan=\"5\">行政复议</th><th scope=\"colgroup\" colspan=\"10\">行政诉讼</th></tr>\n<tr>");
        foreach (var outcome in ReviewLitigationLabels.Outcomes)
        {
            html.Append("<th scope=\"col\" rowspan=\"2\">").Append(E(outcome.Label())).Append("</th>");
        }

        html.Append("<th scope=\"colgroup\" colspan=\"5\">未经复议直接起诉</th><th scope=\"colgroup\" colspan=\"5\">复议后起诉</th></tr>\n<tr>");
        for (var i = 0; i < 2; i++)
        {
            foreach (var outcome in ReviewLitigationLabels.Outcomes)
            {
                html.Append("<th scope=\"col\">").Append(E(outcome.Label())).Append("</th>");
            }
        }

        html.Append("</tr>\n</thead>\n<tbody>\n<tr>");
        foreach (var group in ReviewLitigationLabels.Groups)
        {
            foreach (var outcome in ReviewLitigationLabels.Outcomes)
            {
                html.Append("<td data-cell=\"").Append(ReportChecker.CellKey(group, outcome)).Append("\">")
                    .Append(ReportFormatting.Cell(table[group, outcome])).Append("</td>");
            }
        }

        html.Append("</tr>\n</tbody>\n</table></div>\n");
    }

    /// <summary>The last of fewer columns than the widest block spans the rest.</summary>
    private static string Span(int index, int count, int width) =>
        index == count - 1 && count < width ? $" colspan=\"{width - count + 1}\"" : string.Empty;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
