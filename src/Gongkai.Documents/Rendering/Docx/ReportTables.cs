using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Rendering.Docx;

/// <summary>
/// The three statistical tables of the annual report, built from the layouts of the Domain (Article20Layout,
/// ApplicationsLayout, ReviewLitigationLabels) with the merged cells of the national formats (docs/legal.md §2.3–2.5).
/// </summary>
internal static class ReportTables
{
    /// <summary>The width of the type area in twips: A4 less the 28 mm and 26 mm side margins (156 mm).</summary>
    public const int TextWidth = DocxPage.Width - DocxPage.MarginLeft - DocxPage.MarginRight;

    /// <summary>The first column of every block of section 二.</summary>
    public const string ContentLabel = "信息内容";

    /// <summary>Section 四's top-level header over the ten litigation columns.</summary>
    public const string LitigationLabel = "行政诉讼";

    /// <summary>Section 四's two litigation sub-headers, as the format prints them.</summary>
    public const string LitigationDirectLabel = "未经复议直接起诉";

    public const string LitigationAfterReviewLabel = "复议后起诉";

    /// <summary>
    /// The table printed after the text of the report's part <paramref name="sectionKey"/> (二、三、四; the Word document
    /// and the PDF alike); null for a part without one.
    /// </summary>
    public static GridTable? ForSection(string sectionKey, AnnualReport report) => sectionKey switch
    {
        "proactive" => Article20(report.Article20),
        "applications" => Applications(report.Applications),
        "reviewLitigation" => ReviewLitigation(report.ReviewLitigation),
        _ => null,
    };

    /// <summary>
    /// Section 二 (docs/legal.md §2.3): per Art. 20 item a heading row spanning the table, a header row (信息内容 and the
    /// block's column labels; a block narrower than the widest lets its last label span the rest) and its rows.
    /// </summary>
    public static GridTable Article20(Article20Table data)
    {
        var layout = data.Layout;
        var valueColumns = layout.Groups.Max(g => g.Columns.Count);
        const int labelWidth = 2244;
        var table = new GridTable(Widths(labelWidth, valueColumns, TextWidth - labelWidth));
        var row = 0;
        foreach (var group in layout.Groups)
        {
            table.Place(row++, 0, group.Heading, GridCellKind.Heading, columnSpan: valueColumns + 1);
            table.Place(row, 0, ContentLabel, GridCellKind.Label);
            PlaceAcross(table, row++, group.Columns.Select(c => c.Label).ToList(), GridCellKind.Label, valueColumns);
            foreach (var item in group.Rows)
            {
                table.Place(row, 0, item.Label, GridCellKind.Label);
                var values = group.Columns.Select(c => ReportFormatting.Cell(data[item.Key, c.Key], c)).ToList();
                PlaceAcross(table, row++, values, GridCellKind.Number, valueColumns);
            }
        }

        return table;
    }

    /// <summary>
    /// Section 三 (docs/legal.md §2.4): the 勾稽关系 note over a 3×3 top-left block, 申请人情况 / 自然人 · 法人或其他组织 · 总计
    /// headers, and the nested row labels: 一/二/四 span the three label columns, 三、本年度办理结果 and the groups
    /// （三）–（六） are merged down over their rows, and rows without items span label columns 2–3.
    /// </summary>
    public static GridTable Applications(ApplicationsTable data)
    {
        const int labelColumns = 3;
        int[] labelWidths = [800, 1300, 2544];
        var numberWidth = (TextWidth - labelWidths.Sum()) / ApplicantColumns.Count;
        var widths = labelWidths.Concat(Enumerable.Repeat(numberWidth, ApplicantColumns.Count)).ToArray();
        widths[^1] += TextWidth - widths.Sum();
        var table = new GridTable(widths);

        const int headerRows = 3;
        table.Place(0, 0, ApplicationsLayout.BalanceNote, GridCellKind.Label, rowSpan: headerRows, columnSpan: labelColumns);
        table.Place(0, labelColumns, "申请人情况", GridCellKind.Label, columnSpan: ApplicantColumns.Count);
        var organisations = ApplicantColumns.All.Where(c => c is not ApplicantColumn.NaturalPerson and not ApplicantColumn.Total).ToList();
        table.Place(1, Column(ApplicantColumn.NaturalPerson), ApplicantColumn.NaturalPerson.Label(), GridCellKind.Label, rowSpan: 2);
        table.Place(1, Column(organisations[0]), "法人或其他组织", GridCellKind.Label, columnSpan: organisations.Count);
        table.Place(1, Column(ApplicantColumn.Total), ApplicantColumn.Total.Label(), GridCellKind.Label, rowSpan: 2);
        foreach (var column in organisations)
        {
            table.Place(2, Column(column), column.Label(), GridCellKind.Label);
        }

        table.RepeatHeaderRows(headerRows);

        var rows = data.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var definition = rows[i];
            var row = headerRows + i;
            if (definition.Group is null)
            {
                table.Place(row, 0, definition.Top, GridCellKind.Label, columnSpan: labelColumns);
            }
            else
            {
                if (i == 0 || rows[i - 1].Top != definition.Top || rows[i - 1].Group is null)
                {
                    table.Place(row, 0, definition.Top, GridCellKind.Label, rowSpan: RunLength(rows, i, r => r.Group is not null && r.Top == definition.Top));
                }

                if (definition.Item is null)
                {
                    table.Place(row, 1, definition.Group, GridCellKind.Label, columnSpan: 2);
                }
                else
                {
                    if (i == 0 || rows[i - 1].Group != definition.Group)
                    {
                        table.Place(row, 1, definition.Group, GridCellKind.Label, rowSpan: RunLength(rows, i, r => r.Group == definition.Group));
                    }

                    table.Place(row, 2, definition.Item, GridCellKind.Label);
                }
            }

            foreach (var column in ApplicantColumns.All)
            {
                table.Place(row, Column(column), ReportFormatting.Cell(data[definition.Key, column]), GridCellKind.Number);
            }
        }

        return table;

        static int Column(ApplicantColumn column) => labelColumns + (int)column;
    }

    /// <summary>
    /// Section 四 (docs/legal.md §2.5): 行政复议 (5 columns) and 行政诉讼 (10, split into 未经复议直接起诉 and 复议后起诉); the
    /// five 行政复议 outcome labels are merged down over the two lower header rows; one row of 15 numbers.
    /// </summary>
    public static GridTable ReviewLitigation(ReviewLitigationTable data)
    {
        var outcomes = ReviewLitigationLabels.Outcomes;
        var groups = ReviewLitigationLabels.Groups;
        var count = outcomes.Count * groups.Count;
        var width = TextWidth / count;
        var widths = Enumerable.Repeat(width, count).ToArray();
        widths[^1] += TextWidth - widths.Sum();
        var table = new GridTable(widths);

        table.Place(0, 0, ReviewLitigationGroup.Review.Label(), GridCellKind.Label, columnSpan: outcomes.Count);
        table.Place(0, outcomes.Count, LitigationLabel, GridCellKind.Label, columnSpan: count - outcomes.Count);
        foreach (var group in groups)
        {
            var first = (int)group * outcomes.Count;
            switch (group)
            {
                case ReviewLitigationGroup.Review:
                    foreach (var outcome in outcomes)
                    {
                        table.Place(1, first + (int)outcome, outcome.Label(), GridCellKind.Label, rowSpan: 2);
                    }

                    break;
                case ReviewLitigationGroup.LitigationDirect:
                case ReviewLitigationGroup.LitigationAfterReview:
                    var label = group == ReviewLitigationGroup.LitigationDirect ? LitigationDirectLabel : LitigationAfterReviewLabel;
                    table.Place(1, first, label, GridCellKind.Label, columnSpan: outcomes.Count);
                    foreach (var outcome in outcomes)
                    {
                        table.Place(2, first + (int)outcome, outcome.Label(), GridCellKind.Label);
                    }

                    break;
            }

            foreach (var outcome in outcomes)
            {
                table.Place(3, first + (int)outcome, ReportFormatting.Cell(data[group, outcome]), GridCellKind.Number);
            }
        }

        table.RepeatHeaderRows(3);
        return table;
    }


    /// <summary>Places texts left to right from column 1; the last one spans what is left of the table.</summary>
    private static void PlaceAcross(GridTable table, int row, IReadOnlyList<string> texts, GridCellKind kind, int columns)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            var span = i == texts.Count - 1 ? columns - i : 1;
            table.Place(row, 1 + i, texts[i], kind, columnSpan: span);
        }
    }

    private static int RunLength(IReadOnlyList<ApplicationRowDefinition> rows, int start, Func<ApplicationRowDefinition, bool> belongs)
    {
        var end = start;
        while (end < rows.Count && belongs(rows[end]))
        {
            end++;
        }

        return end - start;
    }

    private static int[] Widths(int labelWidth, int valueColumns, int valuesWidth)
    {
        var widths = new int[valueColumns + 1];
        widths[0] = labelWidth;
        for (var i = 1; i <= valueColumns; i++)
        {
            widths[i] = valuesWidth / valueColumns;
        }

        widths[^1] += valuesWidth - (valuesWidth / valueColumns * valueColumns);
        return widths;
    }
}
