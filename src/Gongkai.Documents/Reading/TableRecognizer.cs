using System.Buffers;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reading;

/// <summary>
/// The one table recogniser: finds the rows of the three tables among the source's lines of cells by their
/// labels (matched against <see cref="Article20Layout"/> and <see cref="ApplicationsLayout"/>, never a second
/// list), takes each row's value cells, and says in an <see cref="ImportRules.Uncertain"/> finding whenever a
/// row is missing, has too few or too many cells, or its label is doubtful.
/// </summary>
internal sealed partial class TableRecognizer
{
    private static readonly string[] Signals2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "逾期未按收费通知"];
    private static readonly string[] Signals2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "政府集中采购", "采购项目数量", "采购总金额", "其他对外管理服务事项"];
    private static readonly SearchValues<string> Signals2021Search = SearchValues.Create(Signals2021, StringComparison.Ordinal);
    private static readonly SearchValues<string> Signals2019Search = SearchValues.Create(Signals2019, StringComparison.Ordinal);

    /// <summary>The first characters of the signals and of 行政规范性文件: a cell without any of them shows no format (labelling never makes them).</summary>
    private static readonly SearchValues<char> SignalStarts = SearchValues.Create(string.Concat(Signals2021.Concat(Signals2019).Select(s => s[0]).Append('行')));

    /// <summary>Section 二's row labels of each template (label form → row), and the other template's labels that are not the same.</summary>
    private static readonly Dictionary<ReportTemplate, (Dictionary<string, Article20Row> Labels, HashSet<string> Foreign)> Article20Labels = new()
    {
        [ReportTemplate.Format2019] = Article20LabelsOf(ReportTemplate.Format2019),
        [ReportTemplate.Format2021] = Article20LabelsOf(ReportTemplate.Format2021),
    };

    private readonly SourceDocument _doc;
    private readonly List<Finding> _findings;

    public TableRecognizer(SourceDocument doc, List<Finding> findings)
    {
        _doc = doc;
        _findings = findings;
    }

    /// <summary>Where each table row was read: <c>article20.regulations</c>, <c>applications.received</c>, <c>reviewLitigation</c> → source row.</summary>
    public Dictionary<string, SourceRow> Sources { get; } = [];

    /// <summary>Whether any of the three tables was found at all.</summary>
    public bool FoundAnyTable => Sources.Count > 0;

    /// <summary>
    /// The template the tables' own headers and rows show (本年制发件数, 行政规范性文件, （六） sub-rows → 2021;
    /// 本年新制作数量, 上一年项目数量, 政府集中采购 → 2019), with the row that shows it; null when nothing shows it.
    /// </summary>
    public (ReportTemplate? Template, int Votes2019, int Votes2021) DetectTemplate()
    {
        int v2019 = 0, v2021 = 0;
        foreach (var row in _doc.Rows)
        {
            if (!row.IsTable)
            {
                continue;
            }

            foreach (var cell in row.Cells)
            {
                if (cell.Length < 3 || cell.AsSpan().IndexOfAny(SignalStarts) < 0)
                {
                    continue;
                }

                var label = CellText.Label(cell);
                if (label == "行政规范性文件" || label.AsSpan().IndexOfAny(Signals2021Search) >= 0)
                {
                    v2021++;
                }
                else if (label.AsSpan().IndexOfAny(Signals2019Search) >= 0)
                {
                    v2019++;
                }
            }
        }

        ReportTemplate? template = v2019 == 0 && v2021 == 0 ? null
            : v2021 > v2019 ? ReportTemplate.Format2021 : ReportTemplate.Format2019;
        return (template, v2019, v2021);
    }

    /// <summary>Reads the three tables into the report (whose template is already decided).</summary>
    public void Read(AnnualReport report)
    {
        ReadArticle20(report);
        var firstApplicationRow = ReadApplications(report);
        ReadReviewLitigation(report, firstApplicationRow);
    }

    // ---------------------------------------------------------------- section 二

    private void ReadArticle20(AnnualReport report)
    {
        var layout = report.Article20.Layout;
        var (labels, foreign) = Article20Labels[report.Template];
        var amountInWan = _doc.Rows.Any(r => r.IsTable && r.Cells.Any(c => c.Contains("采购总金额", StringComparison.Ordinal) && c.Contains('万')));

        foreach (var row in _doc.Rows)
        {
            if (!row.IsTable)
            {
                continue;
            }

            var at = Array.FindIndex(row.Cells, c => !string.IsNullOrWhiteSpace(c) && CellText.Clean(c).Length > 0);
            if (at < 0 || at == row.Cells.Length - 1)
            {
                continue;
            }

            var label = CellText.Label(row.Cells[at]);
            var definition = MatchArticle20Label(labels, label);
            if (definition is null)
            {
                if (foreign.Contains(label))
                {
                    AddUncertain([Pointer(row)],
                        $"{Where(row)}：第二部分的“{row.Cells[at].Trim()}”行不属于{report.Template.DisplayName()}，未读取");
                }

                continue;
            }

            var key = $"article20.{definition.Key}";
            if (Sources.ContainsKey(key))
            {
                AddUncertain([key, Pointer(row)], $"{Where(row)}：第二部分“{definition.Label}”行重复出现，只读取了第一次出现的数值");
                continue;
            }

            var columns = layout.ColumnsOf(definition.Key)!;
            var values = TrimEnds([.. row.Cells.AsSpan(at + 1)], columns.Count);
            Sources[key] = row;
            if (row.RunTogether)
            {
                var kinds = columns.Select(c => c.Kind).ToList();
                var candidates = RunSplitter.Split(row.Cells[^1], columns.Count, (cells, _) => Article20Fits(cells, kinds));
                values = TakeUnique(row, candidates, columns.Select(c => $"{key}.{c.Key}").ToList(), key,
                    $"第二部分“{definition.Label}”行", columns.Count, "每列的类型（件数为整数，增/减为文字或数）");
            }
            else
            {
                CheckCount(key, $"第二部分“{definition.Label}”行", row, values.Count, columns.Count);
            }

            for (var c = 0; c < columns.Count && c < values.Count; c++)
            {
                var column = columns[c];
                var value = CellText.Article20(values[c], column.Kind, amountInWan, out var problem);
                report.Article20[definition.Key, column.Key] = value;
                if (problem is not null)
                {
                    AddUncertain([$"{key}.{column.Key}", Pointer(row)],
                        $"{Where(row)}：第二部分“{definition.Label}”行“{column.Label}”列{problem}，按原文保留");
                }
            }
        }

        var missing = layout.Rows.Where(r => !Sources.ContainsKey($"article20.{r.Row.Key}")).Select(r => r.Row).ToList();
        if (missing.Count > 0)
        {
            AddUncertain(missing.Select(r => $"article20.{r.Key}").ToList(),
                missing.Count == layout.Rows.Count()
                    ? "未找到第二部分（主动公开政府信息情况）的表格，其单元格均为空白"
                    : $"第二部分表格缺少以下行，其单元格为空白：{string.Join("、", missing.Select(r => r.Label))}");
        }
    }

    private static (Dictionary<string, Article20Row> Labels, HashSet<string> Foreign) Article20LabelsOf(ReportTemplate template)
    {
        var layout = Article20Layout.For(template);
        var other = Article20Layout.For(template == ReportTemplate.Format2019 ? ReportTemplate.Format2021 : ReportTemplate.Format2019);
        var labels = layout.Rows.ToDictionary(r => CellText.Label(r.Row.Label), r => r.Row);
        var foreign = other.Rows.Select(r => CellText.Label(r.Row.Label)).Where(l => !labels.ContainsKey(l)).ToHashSet();
        return (labels, foreign);
    }

    /// <summary>Whether split cells suit section 二's columns: a count column takes no word (增, 减, 3.5).</summary>
    private static bool Article20Fits(IReadOnlyList<string?> cells, List<Article20ValueKind> kinds)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i >= kinds.Count)
            {
                return false;
            }

            if (cells[i] is { } cell && kinds[i] == Article20ValueKind.Count && !cell.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The one split of a run-together row, marked with an <see cref="ImportRules.Recovered"/> finding when the
    /// text did not already separate its cells; none (the cells stay blank, the candidates named in an
    /// <see cref="ImportRules.Uncertain"/> finding) when no split or several fit.
    /// </summary>
    private List<string> TakeUnique(SourceRow row, List<string?[]> candidates, IReadOnlyList<string> cellKeys, string rowKey, string name, int count, string rule)
    {
        var run = row.Cells[^1];
        if (candidates.Count == 1)
        {
            var split = candidates[0];
            if (!NeededSplitting(run, split))
            {
                return split.Select(c => c ?? string.Empty).ToList();
            }

            AddRecovered([.. cellKeys, Pointer(row)],
                $"{Where(row)}：{name}的数值连在一起（“{ShowRun(run)}”），按{rule}只有一种拆法：{ShowSplit(split)}");
            return split.Select(c => c ?? string.Empty).ToList();
        }

        AddUncertain([rowKey, Pointer(row)], candidates.Count == 0
            ? $"{Where(row)}：{name}的数值连在一起（“{ShowRun(run)}”），没有一种拆成{count}个单元格的拆法符合{rule}，单元格留空"
            : $"{Where(row)}：{name}的数值连在一起（“{ShowRun(run)}”），有{(candidates.Count > RunSplitter.MaxCandidates ? "多" : candidates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}种拆法符合{rule}（{string.Join("；", candidates.Take(3).Select(ShowSplit))}{(candidates.Count > 3 ? "……" : string.Empty)}），无法确定，单元格留空");
        return [];
    }

    /// <summary>Whether the printed run already separated each cell (by spaces), so that nothing was decided.</summary>
    private static bool NeededSplitting(string run, string?[] split)
    {
        var printed = run.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        return split.Any(c => c is null) || printed.Length != split.Length;
    }

    private static string ShowRun(string run) => run.Trim().Replace('\u00A0', '␣');

    private static string ShowSplit(string?[] split) => string.Join("、", split.Select(c => c ?? "空白"));

    private static Article20Row? MatchArticle20Label(Dictionary<string, Article20Row> labels, string label)
    {
        if (labels.TryGetValue(label, out var row))
        {
            return row;
        }

        // 规范性文件 and 行政规范性文件 name one row in reports of either format (looked up by span: most rows are no such label).
        var lookup = labels.GetAlternateLookup<ReadOnlySpan<char>>();
        if (label.StartsWith("行政", StringComparison.Ordinal) ? lookup.TryGetValue(label.AsSpan(2), out row) : TryWithPrefix(lookup, label, out row))
        {
            return row.Key == "normativeDocuments" ? row : null;
        }

        // Some provinces add a note in brackets after the label (行政许可（含…）).
        var bracket = label.IndexOf('(', StringComparison.Ordinal);
        return bracket > 0 && lookup.TryGetValue(label.AsSpan(0, bracket), out row) ? row : null;
    }

    private static bool TryWithPrefix(Dictionary<string, Article20Row>.AlternateLookup<ReadOnlySpan<char>> lookup, string label, out Article20Row row)
    {
        Span<char> prefixed = label.Length <= 254 ? stackalloc char[label.Length + 2] : new char[label.Length + 2];
        "行政".CopyTo(prefixed);
        label.CopyTo(prefixed[2..]);
        return lookup.TryGetValue(prefixed, out row!);
    }

    // ---------------------------------------------------------------- section 三

    private readonly record struct LabelParts(string? Top, string? Group, int? Item, string Text);

    private sealed record LayoutRow(ApplicationRowDefinition Definition, LabelParts Parts);

    /// <summary>The parsed labels of a template's rows, parsed once per template's row list (not per report).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<ApplicationRowDefinition>, List<LayoutRow>> Layouts = [];

    private int ReadApplications(AnnualReport report)
    {
        var layout = Layouts.GetValue(report.Applications.Rows, rows => rows.Select(d => new LayoutRow(d, ParseLabel([d.Top, d.Group, d.Item]))).ToList());
        var found = new Dictionary<string, (SourceRow Row, List<string> Values)>();
        string? currentGroup = null;
        var firstIndex = -1;
        List<string>? pendingLabel = null;
        SourceRow? pendingLabelRow = null;
        (SourceRow Row, List<string> Values)? pendingValues = null;
        (string Key, SourceRow Row)? blankAbove = null;
        for (var index = 0; index < _doc.Rows.Count; index++)
        {
            var row = _doc.Rows[index];

            // pdftotext puts a label without values on a line of its own, which reads as narrative: inside the
            // table, a short line without sentence punctuation is taken as a label-only row.
            var pdfLabel = !row.IsTable && _doc.Layout && firstIndex >= 0
                && CellText.Clean(row.Text) is { Length: > 0 and <= 40 } t && t.IndexOfAny(['。', '；']) < 0;
            if (!row.IsTable && !pdfLabel)
            {
                continue;
            }

            var labelEnd = row.RunTogether ? (CellText.Clean(row.Cells[0]).Length == 0 ? -1 : 0) : LastLabelCell(row.Cells);
            if (row.RunTogether && labelEnd < 0)
            {
                continue;
            }

            List<string> labelCells = [.. row.Cells.AsSpan(0, labelEnd + 1)];
            List<string> values = [.. row.Cells.AsSpan(labelEnd + 1)];
            var hasNumber = row.RunTogether || AnyNumber(values);
            var wasBlankAbove = blankAbove;
            blankAbove = null;
            if (labelEnd < 0 && wasBlankAbove is { } blank && hasNumber && values.Count is >= 5 and < 10 && firstIndex >= 0)
            {
                // A label with empty cells, its numbers on the next line with no label (OCR and converters detach them).
                found[blank.Key] = (row, values);
                AddUncertain([$"applications.{blank.Key}", Pointer(blank.Row), Pointer(row)],
                    $"{Where(blank.Row)}的行标签“{layout.First(l => l.Definition.Key == blank.Key).Definition.Name}”没有数值，读取了下一行（{Where(row)}）没有标签的数值");
                continue;
            }

            if (labelEnd < 0)
            {
                // Values between the lines of a wrapped label (PDF, OCR): the numbered label starts on the line(s) above.
                if (firstIndex >= 0 && pendingLabel is not null && pendingLabelRow is not null && values.Count is >= 5 and < 10 && hasNumber)
                {
                    var above = ParseLabel(pendingLabel);
                    var group = currentGroup;
                    if ((above.Item is not null || above.Group is not null || above.Top is not null)
                        && Resolve(layout, above, ref group, true) is { } aboveMatch && !found.ContainsKey(aboveMatch.Definition.Key)
                        && (above.Text.Length < 2 || SimilarLabel(above.Text, aboveMatch.Parts.Text)))
                    {
                        currentGroup = group;
                        found[aboveMatch.Definition.Key] = (row, values);
                        AddUncertain([$"applications.{aboveMatch.Definition.Key}", Pointer(pendingLabelRow), Pointer(row)],
                            $"{Where(row)}的数值没有行标签，按上一行（{Where(pendingLabelRow)}）的标签“{aboveMatch.Definition.Name}”读取");
                        pendingLabel = null;
                        pendingLabelRow = null;
                        pendingValues = null;
                        continue;
                    }
                }

                // Values without a label: in a PDF the label may sit on the next line (vertically centred).
                pendingValues = firstIndex >= 0 && values.Count is >= 5 and < 10 && hasNumber ? (row, values) : null;
                continue;
            }

            if (!hasNumber && values.Count < 3)
            {
                // A label without values: a header, a label continuation, or the label of values printed on the line above.
                var labelOnly = ParseLabel(labelCells);
                if (labelOnly.Group is not null && labelOnly.Item is null)
                {
                    currentGroup = labelOnly.Group;
                }

                if (pendingValues is { } above && firstIndex >= 0 && (labelOnly.Item is not null || labelOnly.Group is not null)
                    && Resolve(layout, labelOnly, ref currentGroup, true) is { } aboveMatch && !found.ContainsKey(aboveMatch.Definition.Key))
                {
                    found[aboveMatch.Definition.Key] = (above.Row, above.Values);
                    AddUncertain([$"applications.{aboveMatch.Definition.Key}", Pointer(above.Row), Pointer(row)],
                        $"{Where(above.Row)}的数值没有行标签，按下一行（{Where(row)}）的标签“{aboveMatch.Definition.Name}”读取");
                    pendingValues = null;
                    continue;
                }

                // A label wraps over a few lines at most: keep the last few, so that endless label-only lines stay linear.
                pendingLabel = pendingLabel is not null && labelOnly.Item is null && labelOnly.Group is null && labelOnly.Top is null
                    ? [.. pendingLabel.TakeLast(5), .. labelCells.Take(5)]
                    : [.. labelCells.Take(6)];
                pendingLabelRow ??= row;
                continue;
            }

            var parts = ParseLabel(labelCells);
            var match = Resolve(layout, parts, ref currentGroup, firstIndex >= 0);
            var rejoined = false;
            if ((match is null || !SimilarLabel(parts.Text, match.Parts.Text)) && pendingLabel is not null && firstIndex >= 0)
            {
                // A label broken across lines (PDF, Word): join it with the label-only line(s) above.
                var joinedParts = ParseLabel([.. pendingLabel, .. labelCells]);
                var group = currentGroup;
                var joined = Resolve(layout, joinedParts, ref group, true);
                if (joined is not null && SimilarLabel(joinedParts.Text, joined.Parts.Text))
                {
                    (parts, match, currentGroup, rejoined) = (joinedParts, joined, group, true);
                }
            }

            var labelRow = pendingLabelRow;
            pendingLabel = null;
            pendingLabelRow = null;
            pendingValues = null;
            if (match is null)
            {
                continue;
            }

            if (firstIndex < 0)
            {
                firstIndex = index;
            }

            var key = match.Definition.Key;
            if (found.TryGetValue(key, out var earlier))
            {
                var earlierHasNumber = AnyNumber(earlier.Values);
                AddUncertain([$"applications.{key}", Pointer(earlier.Row), Pointer(row)],
                    $"{Where(row)}：第三部分“{match.Definition.Name}”行重复出现（首次在{Where(earlier.Row)}），" +
                    (earlierHasNumber || !hasNumber ? "只读取了第一次出现的数值" : "第一次出现时为空白，读取了这一次的数值"));
                if (earlierHasNumber || !hasNumber)
                {
                    continue;
                }
            }

            found[key] = (row, values);
            if (!hasNumber && values.Count > 0 && values.All(v => CellText.Clean(v).Length == 0))
            {
                blankAbove = (key, row);
            }

            if (rejoined && labelRow is not null)
            {
                AddUncertain([$"applications.{key}", Pointer(labelRow), Pointer(row)],
                    $"{Where(row)}：行标签断在{Where(labelRow)}起的几行中，已拼接后读作“{match.Definition.Name}”");
            }
            else if (parts.Text.Length >= 2 && !SimilarLabel(parts.Text, match.Parts.Text))
            {
                AddUncertain([$"applications.{key}", Pointer(row)],
                    $"{Where(row)}：行标签“{string.Join(string.Empty, labelCells).Trim()}”与格式中的“{match.Definition.Name}”不一致，按编号读作该行");
            }
        }

        var pending = new Dictionary<string, (SourceRow Row, List<string?[]> Candidates)>();
        var known = new Dictionary<string, long[]>();
        foreach (var (key, (row, raw)) in found)
        {
            var definition = DefinitionOf(layout, key);
            Sources[$"applications.{key}"] = row;
            var cells = report.Applications[key];
            if (row.RunTogether)
            {
                var candidates = RunSplitter.Split(row.Cells[^1], ApplicantColumns.Count, RunSplitter.ApplicantsSumToTotal);
                if (candidates.Count == 1)
                {
                    SetApplicationRow(cells, TakeUnique(row, candidates, ApplicantCellKeys(key), $"applications.{key}", $"第三部分“{definition.Name}”行", ApplicantColumns.Count, "“六类申请人之和等于总计”"));
                    known[key] = [.. candidates[0].Select(RunSplitter.Value)];
                }
                else if (candidates.Count is > 1 and <= RunSplitter.MaxCandidates)
                {
                    pending[key] = (row, candidates);
                }
                else
                {
                    TakeUnique(row, candidates, ApplicantCellKeys(key), $"applications.{key}", $"第三部分“{definition.Name}”行", ApplicantColumns.Count, "“六类申请人之和等于总计”");
                }

                continue;
            }

            var values = TrimEnds(raw, ApplicantColumns.Count);
            if (values.Count < ApplicantColumns.Count && _doc.Words is not null && PdfCells.ApplicantRow(_doc, row, definition) is { } placed)
            {
                // A PDF row whose blank cells lost their column: the word boxes place each number (ADR 0011).
                AddRecovered([.. ApplicantCellKeys(key), Pointer(row)],
                    $"{Where(row)}：第三部分“{definition.Name}”行只有{values.Count}个单元格（应有{ApplicantColumns.Count}个），按PDF页面上各数值与表头各列的水平位置放入对应的列：{ShowSplit([.. placed.Select(c => c.Length == 0 ? null : c)])}");
                values = [.. placed];
            }
            else
            {
                CheckCount($"applications.{key}", $"第三部分“{definition.Name}”行", row, values.Count, ApplicantColumns.Count);
            }

            for (var c = 0; c < ApplicantColumns.Count && c < values.Count; c++)
            {
                if (CellText.TryCount(values[c], out var n))
                {
                    cells[c] = n;
                }
            }

            known[key] = [.. cells.Select(v => (long)(v ?? 0))];
        }

        ResolveByColumnSums(report, layout, pending, known);

        var missing = layout.Where(l => !found.ContainsKey(l.Definition.Key)).Select(l => l.Definition).ToList();
        if (missing.Count == layout.Count)
        {
            AddUncertain(["applications"], "未找到第三部分（收到和处理政府信息公开申请情况）的表格，其单元格均为空白");
        }
        else if (missing.Count > 0)
        {
            AddUncertain(missing.Select(d => $"applications.{d.Key}").ToList(),
                $"第三部分表格缺少{missing.Count}行（表格可能被截断），其单元格为空白：{string.Join("、", missing.Select(d => d.Name))}");
        }

        return firstIndex;
    }

    /// <summary>Whether any cell holds a count (not only blanks).</summary>
    private static bool AnyNumber(List<string> values)
    {
        foreach (var v in values)
        {
            if (CellText.TryCount(v, out var n) && n is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static ApplicationRowDefinition DefinitionOf(List<LayoutRow> layout, string key)
    {
        foreach (var l in layout)
        {
            if (l.Definition.Key == key)
            {
                return l.Definition;
            }
        }

        throw new InvalidOperationException($"no row {key}");
    }

    private static List<string> ApplicantCellKeys(string key) =>
        [.. ApplicantColumns.All.Select(c => ReportChecker.CellKey(key, c))];

    private static void SetApplicationRow(int?[] cells, List<string> values)
    {
        for (var c = 0; c < cells.Length && c < values.Count; c++)
        {
            if (CellText.TryCount(values[c], out var n))
            {
                cells[c] = n;
            }
        }
    }

    /// <summary>
    /// Rows with several splits that each satisfy their own row: the columns decide when every other row of an
    /// equation is known — （七）总计 is the sum of the result rows, and 一 + 二 = （七）总计 + 四 in each column.
    /// </summary>
    private void ResolveByColumnSums(AnnualReport report, List<LayoutRow> layout, Dictionary<string, (SourceRow Row, List<string?[]> Candidates)> pending, Dictionary<string, long[]> known)
    {
        var results = layout.Where(l => l.Definition.Kind == ApplicationRowKind.Result).Select(l => l.Definition.Key).ToList();
        List<(List<(string Key, int Sign)> Terms, string Rule)> equations =
        [
            ([(ApplicationRowKeys.TotalHandled, 1), .. results.Select(k => (k, -1))], "“三（七）总计等于各项办理结果之和”"),
            ([(ApplicationRowKeys.Received, 1), (ApplicationRowKeys.CarriedOver, 1), (ApplicationRowKeys.TotalHandled, -1), (ApplicationRowKeys.CarriedForward, -1)], "“第一项加第二项之和等于第三项加第四项之和”"),
        ];
        var progress = true;
        while (progress && pending.Count > 0)
        {
            progress = false;
            foreach (var (terms, rule) in equations)
            {
                var unknown = terms.Where(t => !known.ContainsKey(t.Key)).ToList();
                if (unknown.Count == 0 || unknown.Any(u => !pending.ContainsKey(u.Key))
                    || unknown.Aggregate(1L, (product, u) => product * pending[u.Key].Candidates.Count) > 20_000)
                {
                    continue;
                }

                // Every combination of the open rows' splits; the equation, column by column, must hold.
                var baseline = new long[ApplicantColumns.Count];
                foreach (var (key, sign) in terms.Where(t => known.ContainsKey(t.Key)))
                {
                    for (var c = 0; c < baseline.Length; c++)
                    {
                        baseline[c] += sign * known[key][c];
                    }
                }

                var choice = new int[unknown.Count];
                int[]? solution = null;
                var solutions = 0;
                while (true)
                {
                    var ok = true;
                    for (var c = 0; c < baseline.Length && ok; c++)
                    {
                        var sum = baseline[c];
                        for (var u = 0; u < unknown.Count; u++)
                        {
                            sum += unknown[u].Sign * RunSplitter.Value(pending[unknown[u].Key].Candidates[choice[u]][c]);
                        }

                        ok = sum == 0;
                    }

                    if (ok)
                    {
                        solutions++;
                        solution = [.. choice];
                    }

                    var d = 0;
                    while (d < choice.Length && ++choice[d] == pending[unknown[d].Key].Candidates.Count)
                    {
                        choice[d++] = 0;
                    }

                    if (d == choice.Length)
                    {
                        break;
                    }
                }

                if (solutions != 1)
                {
                    continue;
                }

                for (var u = 0; u < unknown.Count; u++)
                {
                    var key0 = unknown[u].Key;
                    var open = pending[key0];
                    var fitting = open.Candidates[solution![u]];
                    var name = layout.First(l => l.Definition.Key == key0).Definition.Name;
                    SetApplicationRow(report.Applications[key0], [.. fitting.Select(c => c ?? string.Empty)]);
                    AddRecovered([.. ApplicantCellKeys(key0), Pointer(open.Row)],
                        $"{Where(open.Row)}：第三部分“{name}”行的数值连在一起（“{ShowRun(open.Row.Cells[^1])}”），本行有{open.Candidates.Count}种拆法（{string.Join("；", open.Candidates.Take(3).Select(ShowSplit))}{(open.Candidates.Count > 3 ? "……" : string.Empty)}），" +
                        $"按{rule}只有一种符合{(unknown.Count > 1 ? $"（与另外{unknown.Count - 1}行一起确定）" : string.Empty)}：{ShowSplit(fitting)}");
                    known[key0] = [.. fitting.Select(RunSplitter.Value)];
                    pending.Remove(key0);
                }

                progress = true;
            }
        }

        foreach (var (key, (row, candidates)) in pending)
        {
            var name = layout.First(l => l.Definition.Key == key).Definition.Name;
            AddUncertain([$"applications.{key}", Pointer(row)],
                $"{Where(row)}：第三部分“{name}”行的数值连在一起（“{ShowRun(row.Cells[^1])}”），有{candidates.Count}种拆法符合“六类申请人之和等于总计”（{string.Join("；", candidates.Take(3).Select(ShowSplit))}{(candidates.Count > 3 ? "……" : string.Empty)}），各列合计也无法确定，单元格留空");
        }
    }

    private static LayoutRow? Resolve(List<LayoutRow> layout, LabelParts parts, ref string? currentGroup, bool tableStarted)
    {
        if (parts.Group is not null)
        {
            currentGroup = parts.Group;
        }

        if (parts.Item is not null)
        {
            // The item number with its words decides; the group (printed, or the last one seen) breaks ties.
            var group = currentGroup;
            LayoutRow? similarInGroup = null, firstSimilar = null, inGroup = null;
            var similarCount = 0;
            foreach (var l in layout)
            {
                if (l.Parts.Item != parts.Item)
                {
                    continue;
                }

                inGroup ??= l.Parts.Group == group ? l : null;
                if (parts.Text.Length >= 2 && SimilarLabel(parts.Text, l.Parts.Text))
                {
                    similarCount++;
                    firstSimilar ??= l;
                    similarInGroup ??= l.Parts.Group == group ? l : null;
                }
            }

            var pick = similarInGroup ?? (similarCount == 1 ? firstSimilar : null) ?? inGroup;
            if (pick is not null)
            {
                currentGroup = pick.Parts.Group;
            }

            return pick;
        }

        if (parts.Group is not null)
        {
            foreach (var l in layout)
            {
                if (l.Parts.Group == parts.Group && l.Parts.Item is null)
                {
                    return l;
                }
            }

            return null;
        }

        if (parts.Top is "一" or "二" or "四")
        {
            var byTop = layout.FirstOrDefault(l => l.Parts.Top == parts.Top && l.Parts.Group is null);
            if (byTop is not null && (parts.Text.Length < 2 || SimilarLabel(parts.Text, byTop.Parts.Text)))
            {
                currentGroup = null;
                return byTop;
            }
        }

        // No numbering: the label text alone, exact, or (inside the table) a clear prefix of one row's label.
        if (parts.Text.Length < 2)
        {
            return null;
        }

        var exact = Single(layout, parts.Text, prefix: false);
        if (exact is not null)
        {
            return exact;
        }

        if (!tableStarted || parts.Text.Length < 4)
        {
            return null;
        }

        return Single(layout, parts.Text, prefix: true);
    }

    /// <summary>The one layout row whose label text is <paramref name="text"/> (or starts with it), or null when none or several.</summary>
    private static LayoutRow? Single(List<LayoutRow> layout, string text, bool prefix)
    {
        LayoutRow? found = null;
        foreach (var l in layout)
        {
            if (prefix ? l.Parts.Text.StartsWith(text, StringComparison.Ordinal) : l.Parts.Text == text)
            {
                if (found is not null)
                {
                    return null;
                }

                found = l;
            }
        }

        return found;
    }

    /// <summary>The numbering and words of a row label spread over one or more cells.</summary>
    private static LabelParts ParseLabel(IEnumerable<string?> cells)
    {
        string? top = null, group = null;
        int? item = null;
        var text = string.Empty;
        foreach (var raw in cells)
        {
            var s = CellText.Label(raw);
            if (s.Length == 0)
            {
                continue;
            }

            var marked = false;
            var m = s.Length >= 2 && s[1] == '、' ? TopRegex().Match(s) : null;
            if (m is { Success: true })
            {
                top = m.Groups[1].Value;
                s = m.Groups[2].Value;
                text = s;
                marked = true;
                group = null;
                item = null;
            }

            // Each pattern is tried only where the text has what it needs (a bracket early on; a 、 or . after a digit).
            var open = s.IndexOf('(', StringComparison.Ordinal);
            m = (marked ? open is >= 0 and <= 10 : open == 0) ? (marked ? GroupAfterTopRegex() : GroupRegex()).Match(s) : null;
            if (m is { Success: true })
            {
                group = m.Groups[2].Value;
                s = m.Groups[3].Value;
                text = s;
                item = null;
                marked = true;
            }

            m = s.Length > 1 && s.AsSpan(1).IndexOfAny('.', '、') >= 0 ? (marked ? (group is not null ? ItemAfterGroupRegex() : ItemRegex()) : ItemAfterDebrisRegex()).Match(s) : null;
            // \d also matches non-ASCII digits (٣, ३), which are no item number: such a label is not numbered.
            if (m is { Success: true } && int.TryParse(m.Groups[2].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                item = number;
                text = m.Groups[3].Value;
                marked = true;
            }

            if (!marked)
            {
                // A label broken across cells (PDF export): the words continue the last label.
                text += s;
            }
        }

        return new LabelParts(top, group, item, text);
    }

    /// <summary>Whether two label texts name the same row: one is a prefix of the other, or they share most characters in order.</summary>
    private static bool SimilarLabel(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return true;
        }

        if (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal))
        {
            return true;
        }

        // The common subsequence is no longer than the characters of a that b has at all: most labels fail on that.
        var threshold = 0.75 * Math.Min(a.Length, b.Length);
        var shared = 0;
        foreach (var c in a)
        {
            if (b.Contains(c, StringComparison.Ordinal))
            {
                shared++;
            }
        }

        return shared >= threshold && Lcs(a, b) >= threshold;
    }

    private static int Lcs(string a, string b)
    {
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }

    // ---------------------------------------------------------------- section 四

    private void ReadReviewLitigation(AnnualReport report, int firstApplicationRow)
    {
        const int cellCount = ReviewLitigationLabels.Count * 3;
        SourceRow? chosen = null;
        for (var index = Math.Max(0, firstApplicationRow); index < _doc.Rows.Count; index++)
        {
            var row = _doc.Rows[index];
            if (row.RunTogether && CellText.Clean(row.Cells[0]).Length == 0 && chosen is null)
            {
                var candidates = RunSplitter.Split(row.Cells[^1], cellCount, RunSplitter.ReviewGroupsBalance);
                var split = TakeUnique(row, candidates, [.. ReviewLitigationLabels.Groups.SelectMany(g => ReviewLitigationLabels.Outcomes.Select(o => ReportChecker.CellKey(g, o)))],
                    "reviewLitigation", "第四部分数据行", cellCount, "“每组结果维持、结果纠正、其他结果、尚未审结之和等于总计”");
                Sources["reviewLitigation"] = row;
                for (var i = 0; i < cellCount && i < split.Count; i++)
                {
                    CellText.TryCount(split[i], out var n);
                    report.ReviewLitigation[(ReviewLitigationGroup)(i / ReviewLitigationLabels.Count), (ReviewOutcome)(i % ReviewLitigationLabels.Count)] = n;
                }

                return;
            }

            if (!row.IsTable || row.RunTogether || row.Cells.Length < 10 || !row.Cells.All(CellText.IsValue) || row.Cells.All(c => CellText.IsRule(CellText.Clean(c))))
            {
                continue;
            }

            if (chosen is null || (AllBlank(chosen) && !AllBlank(row)))
            {
                chosen = row;
            }

            if (!AllBlank(row))
            {
                break;
            }
        }

        if (chosen is null)
        {
            AddUncertain(["reviewLitigation"], "未找到第四部分（行政复议、行政诉讼情况）的数据行，其单元格均为空白");
            return;
        }

        Sources["reviewLitigation"] = chosen;
        var values = TrimEnds([.. chosen.Cells], cellCount);
        if (values.Count < cellCount && _doc.Words is not null && PdfCells.ReviewRow(_doc, chosen, values) is { } placed)
        {
            AddRecovered([.. ReviewLitigationLabels.Groups.SelectMany(g => ReviewLitigationLabels.Outcomes.Select(o => ReportChecker.CellKey(g, o))), Pointer(chosen)],
                $"{Where(chosen)}：第四部分数据行只有{values.Count}个单元格（应有{cellCount}个），按PDF页面上各数值与表头各列的水平位置放入对应的列：{ShowSplit([.. placed.Select(c => c.Length == 0 ? null : c)])}");
            values = [.. placed];
        }
        else
        {
            CheckCount("reviewLitigation", "第四部分数据行", chosen, values.Count, cellCount);
        }

        for (var i = 0; i < cellCount && i < values.Count; i++)
        {
            CellText.TryCount(values[i], out var n);
            report.ReviewLitigation[(ReviewLitigationGroup)(i / ReviewLitigationLabels.Count), (ReviewOutcome)(i % ReviewLitigationLabels.Count)] = n;
        }
    }

    private static bool AllBlank(SourceRow row) => row.Cells.All(c => CellText.IsBlank(CellText.Clean(c)));

    // ---------------------------------------------------------------- shared

    /// <summary>The index of the last cell that is label text (not a value), or −1.</summary>
    private static int LastLabelCell(string[] cells)
    {
        for (var i = cells.Length - 1; i >= 0; i--)
        {
            if (!CellText.IsValue(cells[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Drops truly empty cells (column padding, not whitespace-filled cells) at the ends while there are too many.</summary>
    private static List<string> TrimEnds(List<string> values, int expected)
    {
        while (values.Count > expected && values[0].Length == 0)
        {
            values.RemoveAt(0);
        }

        while (values.Count > expected && values[^1].Length == 0)
        {
            values.RemoveAt(values.Count - 1);
        }

        return values;
    }

    private void CheckCount(string key, string name, SourceRow row, int count, int expected)
    {
        if (count < expected)
        {
            AddUncertain([key, Pointer(row)],
                $"{Where(row)}：{name}只有{count}个单元格（应有{expected}个），按位置读取，缺少的单元格为空白，无法确定缺少的是哪一列");
        }
        else if (count > expected)
        {
            AddUncertain([key, Pointer(row)], $"{Where(row)}：{name}有{count}个单元格（应有{expected}个），只读取了前{expected}个");
        }
    }

    private string Pointer(SourceRow row) => _doc.Pointer(row);

    private string Where(SourceRow row) => _doc.Where(row);

    private void AddRecovered(IReadOnlyList<string> location, string message) =>
        _findings.Add(new Finding(ImportRules.Recovered, location, message, FindingSeverity.Warning));

    private void AddUncertain(IReadOnlyList<string> location, string message) =>
        _findings.Add(new Finding(ImportRules.Uncertain, location, message, FindingSeverity.Warning));

    [GeneratedRegex(@"^([一二三四])、(.*)$")]
    private static partial Regex TopRegex();

    [GeneratedRegex(@"^()\(([一二三四五六七])\)(.*)$")]
    private static partial Regex GroupRegex();

    [GeneratedRegex(@"^([^()]{0,10})\(([一二三四五六七])\)(.*)$")]
    private static partial Regex GroupAfterTopRegex();

    [GeneratedRegex(@"^()(\d{1,2})[.、](\D.*|)$")]
    private static partial Regex ItemRegex();

    [GeneratedRegex(@"^(\D*?)(\d{1,2})[.、](\D.*|)$")]
    private static partial Regex ItemAfterGroupRegex();

    /// <summary>An item number after a few characters of a neighbouring label wrapped into the cell (PDF: <c>无法提 2.没有现成信息…</c>).</summary>
    [GeneratedRegex(@"^([^\d()]{0,6}?)(\d{1,2})[.、](\D.*|)$")]
    private static partial Regex ItemAfterDebrisRegex();
}
