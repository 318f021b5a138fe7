using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// The figures of one Art. 20 row for one year that are not counted from Gongkai's own records: 行政许可,
/// 其他对外管理服务事项, 行政处罚, 行政强制 (Art. 20(五)(六)), 行政事业性收费 (八), 政府集中采购 (九). Entered by the
/// office or imported. Which fields a row takes follows from the report layouts (<see cref="Article20FigureRows"/>).
/// </summary>
/// <param name="RowKey">The <c>article20</c> row key, e.g. <c>administrativeLicensing</c>.</param>
/// <param name="Year">The report year.</param>
/// <param name="Items">项目数量: the number of items (许可事项, 收费项目…) at the end of the year; 2019 format only.</param>
/// <param name="Decisions">处理决定数量 in the year.</param>
/// <param name="Projects">采购项目数量 (2019 format, 政府集中采购).</param>
/// <param name="AmountYuan">An amount in yuan: 收费金额 (行政事业性收费) or 采购总金额 (政府集中采购).</param>
public sealed record Article20Figure(string RowKey, int Year, int? Items = null, int? Decisions = null, int? Projects = null, decimal? AmountYuan = null);

/// <summary>The fields a row of figures takes.</summary>
[Flags]
public enum Article20Fields
{
    None = 0,
    Items = 1,
    Decisions = 2,
    Projects = 4,
    AmountYuan = 8,
}

/// <summary>
/// The rows of figures and their fields, derived from <see cref="Article20Layout"/> (both formats), never listed twice;
/// and the filling of a report's table from them.
/// </summary>
public static class Article20FigureRows
{
    /// <summary>
    /// How many decimals of 万元 the 2021 format's 本年收费金额 is printed with. Not verified (docs/legal.md §2.3 marks it U:
    /// seed 004 prints "保留4位小数" in its label; the fixture [FX2021] shows an integer), so it is configurable per agency.
    /// </summary>
    public const int DefaultFeeDecimals = 4;

    /// <summary>Every row of figures (all rows of both formats outside 第二十条第（一）项), with its label and fields.</summary>
    public static IReadOnlyList<(string Key, string Label, Article20Fields Fields)> All { get; } = Build();

    /// <summary>The row for a key or a printed label (行政许可, 规范性文件 is not one); null when none.</summary>
    public static (string Key, string Label, Article20Fields Fields)? Find(string keyOrLabel)
    {
        var t = keyOrLabel.Trim();
        foreach (var row in All)
        {
            if (row.Key == t || row.Label == t)
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>
    /// Fills every figure cell of <paramref name="table"/> for <paramref name="year"/>. The 2019 format's 上一年项目数量 is
    /// the previous year's 项目数量 and 本年增/减 this year's minus last year's; a cell whose figures are missing stays blank.
    /// 本年收费金额（万元）is the amount in yuan ÷ 10,000, rounded half away from zero to <paramref name="feeDecimals"/>.
    /// </summary>
    public static void Fill(Article20Table table, IReadOnlyCollection<Article20Figure> figures, int year, int feeDecimals = DefaultFeeDecimals)
    {
        foreach (var (row, columns) in table.Layout.Rows)
        {
            if (Find(row.Key) is null)
            {
                continue; // 第二十条第（一）项 comes from the register of documents
            }

            var current = figures.FirstOrDefault(f => f.RowKey == row.Key && f.Year == year);
            var previous = figures.FirstOrDefault(f => f.RowKey == row.Key && f.Year == year - 1);
            foreach (var column in columns)
            {
                decimal? value = column.Key switch
                {
                    "previousYearItems" => previous?.Items,
                    "change" => current?.Items - previous?.Items,
                    "decisions" => current?.Decisions,
                    "projects" => current?.Projects,
                    "totalAmountYuan" => current?.AmountYuan,
                    "amountTenThousandYuan" => current?.AmountYuan is { } yuan ? Math.Round(yuan / 10000m, feeDecimals, MidpointRounding.AwayFromZero) : null,
                    _ => throw new InvalidOperationException($"No rule fills article20.{row.Key}.{column.Key}."),
                };
                table[row.Key, column.Key] = value is { } v ? Article20Value.Of(v) : null;
            }
        }
    }

    /// <summary>Whether a figure sets only the fields its row takes; null when fine, else the Chinese reason.</summary>
    public static string? Problem(Article20Figure figure)
    {
        if (Find(figure.RowKey) is not { } row)
        {
            return $"“{figure.RowKey}”不是第二十条统计事项";
        }

        var given = (figure.Items is null ? 0 : Article20Fields.Items) | (figure.Decisions is null ? 0 : Article20Fields.Decisions)
            | (figure.Projects is null ? 0 : Article20Fields.Projects) | (figure.AmountYuan is null ? 0 : Article20Fields.AmountYuan);
        var extra = given & ~row.Fields;
        return extra == Article20Fields.None ? null : $"{row.Label}没有{FieldLabel(extra)}";
    }

    /// <summary>The Chinese name of the fields, as the CSV header and the command line name them.</summary>
    public static string FieldLabel(Article20Fields fields) => string.Join("、", new[]
    {
        (Article20Fields.Items, "项目数量"), (Article20Fields.Decisions, "处理决定数量"),
        (Article20Fields.Projects, "采购项目数量"), (Article20Fields.AmountYuan, "金额（元）"),
    }.Where(f => fields.HasFlag(f.Item1)).Select(f => f.Item2));

    private static List<(string, string, Article20Fields)> Build()
    {
        var rows = new List<(string, string, Article20Fields)>();
        foreach (var layout in new[] { Article20Layout.Format2019, Article20Layout.Format2021 })
        {
            foreach (var (row, columns) in layout.Rows)
            {
                var fields = Article20Fields.None;
                foreach (var column in columns)
                {
                    fields |= column.Key switch
                    {
                        "previousYearItems" or "change" => Article20Fields.Items,
                        "decisions" => Article20Fields.Decisions,
                        "projects" => Article20Fields.Projects,
                        "totalAmountYuan" or "amountTenThousandYuan" => Article20Fields.AmountYuan,
                        _ => Article20Fields.None, // the document columns of 第二十条第（一）项
                    };
                }

                if (fields == Article20Fields.None)
                {
                    continue;
                }

                var i = rows.FindIndex(r => r.Item1 == row.Key);
                if (i < 0)
                {
                    rows.Add((row.Key, row.Label, fields));
                }
                else
                {
                    rows[i] = (row.Key, rows[i].Item2, rows[i].Item3 | fields);
                }
            }
        }

        return rows;
    }
}
