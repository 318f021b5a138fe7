using System.Globalization;

namespace Gongkai.Domain.Reports;

/// <summary>What a cell of section 二's table holds (docs/report-model.md, <c>article20</c>).</summary>
public enum Article20ValueKind
{
    /// <summary>A count of items or decisions: a non-negative whole number.</summary>
    Count,

    /// <summary>本年增/减 (2019 format): a signed whole number where the printed text gives one, else the text.</summary>
    Change,

    /// <summary>An amount in yuan (采购总金额, 2019 format).</summary>
    AmountYuan,

    /// <summary>An amount in units of 10,000 yuan (本年收费金额（单位：万元）, 2021 format).</summary>
    AmountTenThousandYuan,
}

/// <summary>A column of section 二's table: its JSON key, the label the format prints, and what it holds.</summary>
public sealed record Article20Column(string Key, string Label, Article20ValueKind Kind);

/// <summary>A row of section 二's table: its JSON key and the label the format prints.</summary>
public sealed record Article20Row(string Key, string Label);

/// <summary>
/// One block of section 二's table: the Art. 20 item it reports (第二十条第（一）项 …), its column headers and rows.
/// </summary>
public sealed record Article20Group(string Item, IReadOnlyList<Article20Column> Columns, IReadOnlyList<Article20Row> Rows)
{
    /// <summary>The heading the format prints above the block, e.g. <c>第二十条第（一）项</c>.</summary>
    public string Heading => $"第二十条第{Item}项";
}

/// <summary>
/// The layout of section 二's table (Art. 20 items) for each template (docs/legal.md §2.3, §2.6): the one place
/// that says which rows and columns exist, so the JSON, the renderers and the readers cannot disagree.
/// </summary>
public sealed class Article20Layout
{
    private static readonly Article20Column[] Documents2019 =
    [
        new("newlyMade", "本年新制作数量", Article20ValueKind.Count),
        new("newlyPublished", "本年新公开数量", Article20ValueKind.Count),
        new("totalPublished", "对外公开总数量", Article20ValueKind.Count),
    ];

    private static readonly Article20Column[] Items2019 =
    [
        new("previousYearItems", "上一年项目数量", Article20ValueKind.Count),
        new("change", "本年增/减", Article20ValueKind.Change),
        new("decisions", "处理决定数量", Article20ValueKind.Count),
    ];

    private static readonly Article20Column[] Documents2021 =
    [
        new("issued", "本年制发件数", Article20ValueKind.Count),
        new("repealed", "本年废止件数", Article20ValueKind.Count),
        new("inForce", "现行有效件数", Article20ValueKind.Count),
    ];

    private static readonly Article20Column[] Decisions2021 = [new("decisions", "本年处理决定数量", Article20ValueKind.Count)];

    /// <summary>The 2019 format (试行): five blocks, eight rows (docs/legal.md §2.3).</summary>
    public static Article20Layout Format2019 { get; } = new(ReportTemplate.Format2019,
    [
        new("（一）", Documents2019, [new("regulations", "规章"), new("normativeDocuments", "规范性文件")]),
        new("（五）", Items2019, [new("administrativeLicensing", "行政许可"), new("otherManagementServices", "其他对外管理服务事项")]),
        new("（六）", Items2019, [new("administrativePenalty", "行政处罚"), new("administrativeCoercion", "行政强制")]),
        new("（八）", [Items2019[0], Items2019[1]], [new("administrativeFees", "行政事业性收费")]),
        new("（九）",
        [
            new("projects", "采购项目数量", Article20ValueKind.Count),
            new("totalAmountYuan", "采购总金额", Article20ValueKind.AmountYuan),
        ], [new("centralizedProcurement", "政府集中采购")]),
    ]);

    /// <summary>The 2021 format: four blocks, six rows (docs/legal.md §2.3).</summary>
    public static Article20Layout Format2021 { get; } = new(ReportTemplate.Format2021,
    [
        new("（一）", Documents2021, [new("regulations", "规章"), new("normativeDocuments", "行政规范性文件")]),
        new("（五）", Decisions2021, [new("administrativeLicensing", "行政许可")]),
        new("（六）", Decisions2021, [new("administrativePenalty", "行政处罚"), new("administrativeCoercion", "行政强制")]),
        new("（八）", [new("amountTenThousandYuan", "本年收费金额（单位：万元）", Article20ValueKind.AmountTenThousandYuan)],
            [new("administrativeFees", "行政事业性收费")]),
    ]);

    private Article20Layout(ReportTemplate template, IReadOnlyList<Article20Group> groups)
    {
        Template = template;
        Groups = groups;
    }

    /// <summary>The template this layout belongs to.</summary>
    public ReportTemplate Template { get; }

    /// <summary>The blocks in print order.</summary>
    public IReadOnlyList<Article20Group> Groups { get; }

    /// <summary>Every row with the columns of its block, in print order.</summary>
    public IEnumerable<(Article20Row Row, IReadOnlyList<Article20Column> Columns)> Rows =>
        Groups.SelectMany(g => g.Rows.Select(r => (r, g.Columns)));

    /// <summary>The layout of a template.</summary>
    public static Article20Layout For(ReportTemplate template) => template switch
    {
        ReportTemplate.Format2019 => Format2019,
        ReportTemplate.Format2021 => Format2021,
    };

    /// <summary>The columns of a row, or null when the template has no such row.</summary>
    public IReadOnlyList<Article20Column>? ColumnsOf(string rowKey) =>
        Groups.FirstOrDefault(g => g.Rows.Any(r => r.Key == rowKey))?.Columns;
}

/// <summary>
/// The value of one filled cell of section 二's table: a number, or the printed words where they give no
/// number (a bare <c>增</c>, <c>增 1 减 3</c>). A blank cell is not a value: it is null.
/// </summary>
public sealed record Article20Value
{
    private Article20Value(decimal? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The number, when the cell has one.</summary>
    public decimal? Number { get; }

    /// <summary>The printed words, when the cell has no number.</summary>
    public string? Text { get; }

    /// <summary>A numeric cell.</summary>
    public static Article20Value Of(decimal number) => new(number, null);

    /// <summary>A cell whose printed words determine no number.</summary>
    public static Article20Value Words(string text) => new(null, text);

    /// <inheritdoc />
    public override string ToString() =>
        Number is { } n ? n.ToString("G29", CultureInfo.InvariantCulture) : Text ?? string.Empty;
}

/// <summary>Section 二's table: one value (or null for a blank) per cell of the template's layout.</summary>
public sealed class Article20Table
{
    private readonly Dictionary<(string Row, string Column), Article20Value?> _cells = [];

    /// <summary>An empty table (every cell blank) for a template.</summary>
    public Article20Table(ReportTemplate template)
    {
        Layout = Article20Layout.For(template);
        foreach (var (row, columns) in Layout.Rows)
        {
            foreach (var column in columns)
            {
                _cells[(row.Key, column.Key)] = null;
            }
        }
    }

    /// <summary>The layout that says which cells exist.</summary>
    public Article20Layout Layout { get; }

    /// <summary>A cell by row and column key; null when blank. Unknown keys are a programming error.</summary>
    public Article20Value? this[string row, string column]
    {
        get => _cells.TryGetValue((row, column), out var value) ? value : throw UnknownCell(row, column);
        set
        {
            if (!_cells.ContainsKey((row, column)))
            {
                throw UnknownCell(row, column);
            }

            _cells[(row, column)] = value;
        }
    }

    /// <summary>Whether the template has this cell.</summary>
    public bool Has(string row, string column) => _cells.ContainsKey((row, column));

    private ArgumentException UnknownCell(string row, string column) =>
        new($"The {Layout.Template.Code()} template has no article20 cell {row}.{column}.");
}
