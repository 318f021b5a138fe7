using System.Globalization;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Disclosure;

/// <summary>A refused row of a figures file: <c>第3行 处理决定数量：“七”不是非负整数</c>.</summary>
public sealed record Article20CsvError(int? Row, string? Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => (Row, Column) switch
    {
        ({ } r, { } c) => string.Create(CultureInfo.InvariantCulture, $"第{r}行 {c}：{Message}"),
        ({ } r, null) => string.Create(CultureInfo.InvariantCulture, $"第{r}行：{Message}"),
        (null, { } c) => $"表头：{c}{Message}",
        (null, null) => Message,
    };
}

/// <summary>
/// The Art. 20 figures (<see cref="Article20Figure"/>, 第二十条) of a sheet an office keeps — the rules over rows
/// already split into cells (the file is read by <c>Gongkai.Documents.Disclosure.Article20FiguresCsv</c>; the Domain
/// reads no files). Columns: 年度, 事项 (the row label as the report prints it, e.g. 行政许可), and any of 项目数量,
/// 处理决定数量, 采购项目数量, 金额（元）. All or nothing: any bad row refuses the whole sheet, and every bad row is named.
/// </summary>
public static class Article20FiguresSheet
{
    private static readonly string[] Columns = ["年度", "事项", "项目数量", "处理决定数量", "采购项目数量", "金额（元）"];

    /// <summary>A count as people write it: <c>5825</c>, <c>5,825</c>, <c>12件</c>; empty is no figure (true, null).</summary>
    public static bool TryParseCount(string? text, out int? count)
    {
        count = null;
        var t = text?.Trim() ?? string.Empty;
        if (t.Length == 0)
        {
            return true;
        }

        if (int.TryParse(t.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('件', '项', '个'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            count = n;
            return true;
        }

        return false;
    }

    /// <summary>An amount in yuan as people write it: <c>3487100</c>, <c>3,487,100.50元</c>, <c>3487.1万元</c>; empty is no figure (true, null).</summary>
    public static bool TryParseAmount(string? text, out decimal? yuan)
    {
        yuan = null;
        var t = text?.Trim() ?? string.Empty;
        if (t.Length == 0)
        {
            return true;
        }

        var wan = t.EndsWith("万元", StringComparison.Ordinal) || t.EndsWith('万');
        var number = t.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('元').TrimEnd('万');
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        yuan = wan ? value * 10000m : value;
        return true;
    }

    /// <summary>
    /// The figures of a sheet's rows (row 1 is the header; <c>rows[i]</c> is row i + 1; a null cell is empty), or every
    /// problem found (and no figures).
    /// </summary>
    public static (IReadOnlyList<Article20Figure> Figures, IReadOnlyList<Article20CsvError> Errors) Read(IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new List<Article20CsvError>();
        if (rows.Count == 0)
        {
            return ([], [new(null, null, "文件是空的")]);
        }

        var header = rows[0].Select(h => Normalize(h ?? string.Empty)).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                continue;
            }

            if (!Columns.Contains(header[i]))
            {
                errors.Add(new(null, $"“{header[i]}”", $"不是可识别的列；应为 {string.Join("、", Columns)}"));
            }
            else if (!index.TryAdd(header[i], i))
            {
                errors.Add(new(null, $"“{header[i]}”", "列重复"));
            }
        }

        foreach (var required in Columns[..2].Where(c => !index.ContainsKey(c)))
        {
            errors.Add(new(null, null, $"表头：缺少必需的列“{required}”"));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var figures = new List<Article20Figure>();
        var seen = new Dictionary<(int, string), int>();
        for (var r = 1; r < rows.Count; r++)
        {
            var rowNumber = r + 1;
            var cells = rows[r];
            string Cell(string column) => index.TryGetValue(column, out var i) && i < cells.Count ? cells[i]?.Trim() ?? string.Empty : string.Empty;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var before = errors.Count;
            for (var c = 0; c < cells.Count; c++)
            {
                // A ragged row, or a column without a header: its content would be silently dropped.
                if ((c >= header.Count || header[c].Length == 0) && !string.IsNullOrWhiteSpace(cells[c]))
                {
                    errors.Add(new(rowNumber, $"{SheetColumns.Letters(c)}列", $"该列没有表头，无法识别“{cells[c]!.Trim()}”；请填写列名或删除该列内容"));
                }
            }

            int year = 0;
            if (!int.TryParse(Cell("年度").TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out year) || !Reports.ReportTemplates.IsReportYear(year))
            {
                errors.Add(new(rowNumber, "年度", $"“{Cell("年度")}”不是年份，应如 2025"));
            }

            var row = Article20FigureRows.Find(Cell("事项"));
            if (row is null)
            {
                errors.Add(new(rowNumber, "事项", $"“{Cell("事项")}”不是第二十条统计事项；应为 {string.Join("、", Article20FigureRows.All.Select(a => a.Label))}"));
            }

            int? Count(string column)
            {
                var t = Cell(column);
                if (TryParseCount(t, out var n))
                {
                    return n;
                }

                errors.Add(new(rowNumber, column, $"“{t}”不是非负整数"));
                return null;
            }

            var items = Count("项目数量");
            var decisions = Count("处理决定数量");
            var projects = Count("采购项目数量");
            decimal? amount = null;
            if (!TryParseAmount(Cell("金额（元）"), out amount))
            {
                errors.Add(new(rowNumber, "金额（元）", $"“{Cell("金额（元）")}”不是金额，应如 3487100 或 3487.1万元"));
            }

            if (errors.Count > before || row is not { } found)
            {
                continue;
            }

            var figure = new Article20Figure(found.Key, year, items, decisions, projects, amount);
            if (Article20FigureRows.Problem(figure) is { } problem)
            {
                errors.Add(new(rowNumber, null, $"{problem}，请留空"));
            }
            else if (seen.TryGetValue((year, found.Key), out var first))
            {
                errors.Add(new(rowNumber, "事项", string.Create(CultureInfo.InvariantCulture, $"{year}年“{found.Label}”与第{first}行重复")));
            }
            else
            {
                seen[(year, found.Key)] = rowNumber;
                figures.Add(figure);
            }
        }

        if (errors.Count == 0 && figures.Count == 0)
        {
            errors.Add(new(null, null, "文件中没有数据行"));
        }

        return errors.Count > 0 ? ([], errors) : (figures, []);
    }

    private static string Normalize(string header) => header.Trim().Replace('(', '（').Replace(')', '）').Replace(" ", string.Empty, StringComparison.Ordinal);
}
