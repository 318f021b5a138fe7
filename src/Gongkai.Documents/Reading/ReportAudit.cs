using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reading;

/// <summary>
/// What a supervising office checks by eye, beyond the checker's arithmetic: figures the narrative states
/// against the tables, the six parts complete and in order, placeholders left in, parts 五/六 that say
/// nothing, publication by the Art. 49 deadline, and — across several reports — continuity from one year to
/// the next and narratives copied from last year's report or a peer's. Every finding points to the source.
/// </summary>
public static partial class ReportAudit
{
    private static readonly string[] PartNames = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"];

    private sealed record Figure(string Name, string Location, Func<AnnualReport, int?> Table, Regex[] Numbers, Regex? Zero);

    private static readonly Figure[] Figures =
    [
        new("收到政府信息公开申请", "applications.received.total", r => RowTotal(r, ApplicationRowKeys.Received),
            [ReceivedRegex(), ReceivedCountRegex()], NoneReceivedRegex()),
        new("予以公开", "applications.granted.total", r => RowTotal(r, ApplicationRowKeys.Granted), [GrantedRegex()], null),
        new("部分公开", "applications.partiallyGranted.total", r => RowTotal(r, ApplicationRowKeys.PartiallyGranted), [PartialRegex()], null),
        new("不予公开", "applications.withheld", r => SumTotals(r, "withheld."), [WithheldRegex()], null),
        new("办结（答复）", "applications.totalHandled.total", r => RowTotal(r, ApplicationRowKeys.TotalHandled), [HandledRegex()], null),
        new("结转下年度继续办理", "applications.carriedForward.total", r => RowTotal(r, ApplicationRowKeys.CarriedForward), [ForwardRegex()], null),
        new("行政复议", "reviewLitigation.review.total", r => GroupTotal(r, ReviewLitigationGroup.Review), [ReviewRegex()], NoReviewRegex()),
        new("行政诉讼", "reviewLitigation.litigation",
            r => Add(GroupTotal(r, ReviewLitigationGroup.LitigationDirect), GroupTotal(r, ReviewLitigationGroup.LitigationAfterReview)),
            [LitigationRegex()], NoLitigationRegex()),
    ];

    /// <summary>The audit of one report read by the importer.</summary>
    internal static IReadOnlyList<Finding> Audit(ImportedReport imported, NarrativeReader narrative, ImportOptions options)
    {
        var findings = new List<Finding>();
        if (imported.Report is not { } report || imported.Source is not { } doc)
        {
            return findings;
        }

        CheckFigures(report, imported, doc, findings);
        CheckCompleteness(report, imported, narrative, doc, findings);
        CheckTimeliness(report, imported, options, findings);
        return findings;
    }

    /// <summary>Narrative figures (收到政府信息公开申请5件, 予以公开三件, 行政复议0件) recomputed from the tables.</summary>
    private static void CheckFigures(AnnualReport report, ImportedReport imported, SourceDocument doc, List<Finding> findings)
    {
        var seen = new HashSet<(string, int)>();
        // The tables' figures, computed once per report rather than once per paragraph.
        var tables = new int?[Figures.Length];
        var computed = new bool[Figures.Length];
        var stated = new List<int>();
        foreach (var paragraph in imported.Paragraphs)
        {
            var text = CellText.Label(paragraph.Text);
            for (var f = 0; f < Figures.Length; f++)
            {
                var figure = Figures[f];
                stated.Clear();
                foreach (var regex in figure.Numbers)
                {
                    // Most paragraphs state no figure: the scan without a match allocates nothing.
                    if (!regex.IsMatch(text))
                    {
                        continue;
                    }

                    foreach (Match m in regex.Matches(text))
                    {
                        if (ChineseNumerals.TryParse(m.Groups["n"].Value, out var n))
                        {
                            stated.Add(n);
                        }
                    }
                }

                if (stated.Count == 0 && figure.Zero is not null && figure.Zero.IsMatch(text))
                {
                    stated.Add(0);
                }

                if (stated.Count == 0)
                {
                    continue;
                }

                if (!computed[f])
                {
                    tables[f] = figure.Table(report);
                    computed[f] = true;
                }

                var table = tables[f];
                foreach (var n in stated.Distinct())
                {
                    if (!seen.Add((figure.Name, n)) || n == (table ?? 0) && (table is not null || n == 0))
                    {
                        continue;
                    }

                    var tableText = table is null ? "空白" : table.Value.ToString(CultureInfo.InvariantCulture);
                    List<string> location = [figure.Location, $"sections.{paragraph.SectionKey}", doc.Pointer(paragraph.Row)];
                    var tableRow = figure.Location.StartsWith("reviewLitigation", StringComparison.Ordinal)
                        ? "reviewLitigation"
                        : figure.Location[..figure.Location.LastIndexOf('.')];
                    if (imported.SourceOf.TryGetValue(tableRow, out var pointer))
                    {
                        location.Add(pointer);
                    }

                    findings.Add(new Finding(ImportRules.NarrativeFigure, location,
                        $"{doc.Where(paragraph.Row)}正文称“{figure.Name}”{n}件，但表格中为{tableText}",
                        FindingSeverity.Warning));
                }
            }
        }
    }

    private static void CheckCompleteness(AnnualReport report, ImportedReport imported, NarrativeReader narrative, SourceDocument doc, List<Finding> findings)
    {
        var missing = Enumerable.Range(0, 6).Where(k => narrative.Headings[k] is null).ToList();
        if (missing.Count > 0)
        {
            findings.Add(new Finding(ImportRules.SectionMissing,
                missing.Select(k => $"sections.{NarrativeReader.SectionKeys[k]}").ToList(),
                $"缺少以下部分的标题（或标题不在规定的顺序上）：{string.Join("、", missing.Select(k => PartNames[k]))}",
                FindingSeverity.Warning));
        }

        foreach (var paragraph in imported.Paragraphs)
        {
            var m = PlaceholderRegex().Match(paragraph.Text);
            if (m.Success)
            {
                findings.Add(new Finding(ImportRules.Placeholder, [$"sections.{paragraph.SectionKey}", doc.Pointer(paragraph.Row)],
                    $"{doc.Where(paragraph.Row)}留有模板占位符“{m.Value}”，未替换为实际内容", FindingSeverity.Warning));
            }
        }

        if (PlaceholderRegex().Match(report.Agency) is { Success: true } agencyPlaceholder)
        {
            findings.Add(new Finding(ImportRules.Placeholder, ["agency", .. Pointer(imported, "title")],
                $"机关名称“{report.Agency}”留有模板占位符“{agencyPlaceholder.Value}”", FindingSeverity.Warning));
        }

        if (SaysNothing(report.Sections.Problems))
        {
            findings.Add(new Finding(ImportRules.SectionEmpty, ["sections.problems", .. Pointer(imported, "sections.problems")],
                report.Sections.Problems is null
                    ? "第五部分（存在的主要问题及改进情况）没有内容"
                    : $"第五部分（存在的主要问题及改进情况）只写了“{report.Sections.Problems}”，没有说明存在的问题和改进措施",
                FindingSeverity.Warning));
        }

        if (report.Sections.Other is null || report.Sections.Other.Trim().Length == 0)
        {
            findings.Add(new Finding(ImportRules.SectionEmpty, ["sections.other", .. Pointer(imported, "sections.other")],
                "第六部分（其他需要报告的事项）没有内容", FindingSeverity.Warning));
        }
        else if (report.Template == ReportTemplate.Format2021 && SaysNothing(report.Sections.Other))
        {
            findings.Add(new Finding(ImportRules.SectionEmpty, ["sections.other", .. Pointer(imported, "sections.other")],
                $"第六部分只写了“{report.Sections.Other}”：2021年格式的报告一般应在此说明信息处理费的收取情况（国办函〔2020〕109号），请核实",
                FindingSeverity.Warning));
        }
    }

    private static bool SaysNothing(string? text)
    {
        if (text is null)
        {
            return true;
        }

        var t = CellText.Label(text).TrimEnd('.', '。');
        return t.Length == 0 || t is "无" or "暂无" or "没有" or "无其他需要报告的事项" or "略";
    }

    /// <summary>Art. 49: by 31 January (department) or 31 March (government) of the next year.</summary>
    private static void CheckTimeliness(AnnualReport report, ImportedReport imported, ImportOptions options, List<Finding> findings)
    {
        var level = options.AgencyLevel(report.Agency);
        var deadline = level.Deadline(report.Year);
        var who = level == AgencyLevel.Government ? "人民政府" : "政府部门";
        if (report.PublishedOn is not { } published)
        {
            findings.Add(new Finding(ImportRules.Timeliness, ["publishedOn"],
                $"报告没有落款日期，无法核对是否在{deadline.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}前公布（第四十九条，按{who}计）",
                FindingSeverity.Warning));
            return;
        }

        var date = published.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        if (published > deadline)
        {
            findings.Add(new Finding(ImportRules.Timeliness, ["publishedOn", .. Pointer(imported, "publishedOn")],
                $"落款日期{date}晚于第四十九条规定的{deadline.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}（按{who}计；机关层级可在导入选项中更正）",
                FindingSeverity.Error));
        }
        else if (published.Year <= report.Year)
        {
            findings.Add(new Finding(ImportRules.Timeliness, ["publishedOn", "year", .. Pointer(imported, "publishedOn")],
                $"落款日期{date}早于{report.Year}年度结束，年度或日期可能有误", FindingSeverity.Warning));
        }
    }

    /// <summary>
    /// The audit across several reports, added to each report's findings: for the reports of one agency in
    /// consecutive years, carryover continuity (ReportChecker.CheckContinuity) and, in the 2021 format,
    /// 现行有效件数 continuity; for every pair, narratives copied nearly word for word.
    /// </summary>
    public static void AcrossReports(IReadOnlyList<ImportedReport> reports, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var read = reports.Where(r => r.Report is not null).ToList();
        foreach (var agency in read.GroupBy(r => CellText.Label(r.Report!.Agency)).Where(g => g.Key.Length > 0))
        {
            var byYear = agency.OrderBy(r => r.Report!.Year).ToList();
            for (var i = 1; i < byYear.Count; i++)
            {
                var previous = byYear[i - 1];
                var current = byYear[i];
                if (current.Report!.Year != previous.Report!.Year + 1)
                {
                    continue;
                }

                var other = $"previous:{previous.File}";
                current.AddFindings(ReportChecker.CheckContinuity(previous.Report, current.Report)
                    .Select(f => f with { Location = [.. f.Location, .. Pointer(current, "applications.carriedOver"), other, .. Pointer(previous, "applications.carriedForward").Select(p => "previous-" + p)] }));
                CheckInForce(previous, current, findings: null);
                Check2019Continuity(previous, current);
            }
        }

        var shingles = read.Select(r => NarrativeKeys.Select(k => Shingles(Text(r.Report!, k))).ToArray()).ToList();
        foreach (var (i, j) in CopyCandidates(shingles, options.CopyThreshold))
        {
            CheckCopy(read[i], read[j], shingles[i], shingles[j], options.CopyThreshold);
        }
    }

    /// <summary>
    /// The pairs of reports that may share a narrative above the threshold, found through an index instead of
    /// comparing every pair (issue #15: thousands of reports a year at a supervising office). Exact, by prefix
    /// filtering: when the containment of the smaller set X in Y is at least t, X has at most |X| − ⌈t·|X|⌉
    /// shingles outside Y, so any |X| − ⌊t·|X|⌋ + 1 of X's shingles include one of Y's. Each set probes the index
    /// with its rarest shingles only, so boilerplate that every report shares costs nothing; each candidate is
    /// then measured exactly as before, so the findings are those of the pairwise comparison. Pairs in (i, j) order.
    /// </summary>
    internal static List<(int I, int J)> CopyCandidates(IReadOnlyList<HashSet<int>?[]> shingles, double threshold)
    {
        var pairs = new HashSet<(int, int)>();
        for (var k = 0; k < NarrativeKeys.Length; k++)
        {
            var frequency = new Dictionary<int, int>();
            var postings = new Dictionary<int, List<int>>();
            for (var r = 0; r < shingles.Count; r++)
            {
                if (shingles[r][k] is not { } set)
                {
                    continue;
                }

                foreach (var token in set)
                {
                    frequency[token] = frequency.GetValueOrDefault(token) + 1;
                    if (!postings.TryGetValue(token, out var list))
                    {
                        postings[token] = list = [];
                    }

                    list.Add(r);
                }
            }

            for (var x = 0; x < shingles.Count; x++)
            {
                if (shingles[x][k] is not { } set)
                {
                    continue;
                }

                var prefix = Math.Min(set.Count, set.Count - (int)Math.Floor(threshold * set.Count) + 1);
                foreach (var token in set.OrderBy(t => frequency[t]).ThenBy(t => t).Take(prefix))
                {
                    foreach (var y in postings[token])
                    {
                        var other = shingles[y][k]!.Count;
                        if (y != x && (other > set.Count || (other == set.Count && y > x)))
                        {
                            pairs.Add((Math.Min(x, y), Math.Max(x, y)));
                        }
                    }
                }
            }
        }

        return [.. pairs.OrderBy(p => p.Item1).ThenBy(p => p.Item2)];
    }

    private static void CheckInForce(ImportedReport previous, ImportedReport current, List<Finding>? findings)
    {
        var p = previous.Report!;
        var c = current.Report!;
        if (p.Template != ReportTemplate.Format2021 || c.Template != ReportTemplate.Format2021)
        {
            return;
        }

        foreach (var row in new[] { "regulations", "normativeDocuments" })
        {
            var before = p.Article20[row, "inForce"]?.Number;
            var issued = c.Article20[row, "issued"]?.Number;
            var repealed = c.Article20[row, "repealed"]?.Number;
            var now = c.Article20[row, "inForce"]?.Number;
            if (before is null || issued is null || repealed is null || now is null || before + issued - repealed == now)
            {
                continue;
            }

            var label = p.Article20.Layout.Rows.First(r => r.Row.Key == row).Row.Label;
            var finding = new Finding(ImportRules.InForceContinuity,
                [$"{p.Year}:article20.{row}.inForce", $"{c.Year}:article20.{row}.issued", $"{c.Year}:article20.{row}.repealed", $"{c.Year}:article20.{row}.inForce",
                    .. Pointer(current, $"article20.{row}"), $"previous:{previous.File}"],
                $"{label}：{p.Year}年现行有效{Show(before)}件 + {c.Year}年制发{Show(issued)}件 − 废止{Show(repealed)}件 = {Show(before + issued - repealed)}件，" +
                $"但{c.Year}年报告的现行有效件数为{Show(now)}件（差额可能来自失效而非废止的文件，请核实）",
                FindingSeverity.Warning);
            if (findings is null)
            {
                current.AddFindings([finding]);
            }
            else
            {
                findings.Add(finding);
            }
        }
    }

    /// <summary>
    /// 2019 format (docs/legal.md §2.3), two consecutive years: each item count carries on — 上一年项目数量 of Y is the count at
    /// the end of Y−1, which is Y−1's 上一年项目数量 plus its 本年增/减 — and so does 对外公开总数量 (Y−1's total plus Y's
    /// 本年新公开数量). Checked only where every figure is a number (many reports print 增/减 as words).
    /// </summary>
    private static void Check2019Continuity(ImportedReport previous, ImportedReport current)
    {
        var p = previous.Report!;
        var c = current.Report!;
        if (p.Template != ReportTemplate.Format2019 || c.Template != ReportTemplate.Format2019)
        {
            return;
        }

        var findings = new List<Finding>();
        foreach (var (row, columns) in c.Article20.Layout.Rows)
        {
            var keys = columns.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
            if (keys.Contains("previousYearItems") && keys.Contains("change"))
            {
                var before = p.Article20[row.Key, "previousYearItems"]?.Number;
                var change = p.Article20[row.Key, "change"]?.Number;
                var now = c.Article20[row.Key, "previousYearItems"]?.Number;
                if (before is not null && change is not null && now is not null && before + change != now)
                {
                    findings.Add(new Finding(ImportRules.Format2019Continuity,
                        [$"{p.Year}:article20.{row.Key}.previousYearItems", $"{p.Year}:article20.{row.Key}.change", $"{c.Year}:article20.{row.Key}.previousYearItems",
                            .. Pointer(current, $"article20.{row.Key}"), $"previous:{previous.File}"],
                        $"{row.Label}：{p.Year}年报告的上一年项目数量{Show(before)}加本年增/减{Show(change)}为{Show(before + change)}，" +
                        $"但{c.Year}年报告的上一年项目数量为{Show(now)}",
                        FindingSeverity.Warning));
                }
            }

            if (keys.Contains("totalPublished") && keys.Contains("newlyPublished"))
            {
                var before = p.Article20[row.Key, "totalPublished"]?.Number;
                var added = c.Article20[row.Key, "newlyPublished"]?.Number;
                var now = c.Article20[row.Key, "totalPublished"]?.Number;
                if (before is not null && added is not null && now is not null && before + added != now)
                {
                    findings.Add(new Finding(ImportRules.Format2019Continuity,
                        [$"{p.Year}:article20.{row.Key}.totalPublished", $"{c.Year}:article20.{row.Key}.newlyPublished", $"{c.Year}:article20.{row.Key}.totalPublished",
                            .. Pointer(current, $"article20.{row.Key}"), $"previous:{previous.File}"],
                        $"{row.Label}：{p.Year}年对外公开总数量{Show(before)}加{c.Year}年新公开{Show(added)}为{Show(before + added)}，" +
                        $"但{c.Year}年报告的对外公开总数量为{Show(now)}",
                        FindingSeverity.Warning));
                }
            }
        }

        current.AddFindings(findings);
    }

    private static readonly string[] NarrativeKeys = ["overview", "problems", "other"];

    private static string? Text(AnnualReport r, string key) => key switch
    {
        "overview" => r.Sections.Overview,
        "problems" => r.Sections.Problems,
        "other" => r.Sections.Other,
        _ => null,
    };

    private static void CheckCopy(ImportedReport a, ImportedReport b, HashSet<int>?[] sa, HashSet<int>?[] sb, double threshold)
    {
        var ra = a.Report!;
        var rb = b.Report!;
        var sameAgency = CellText.Label(ra.Agency) == CellText.Label(rb.Agency);
        if (sameAgency && ra.Year == rb.Year)
        {
            return;
        }

        for (var k = 0; k < NarrativeKeys.Length; k++)
        {
            if (sa[k] is not { } x || sb[k] is not { } y)
            {
                continue;
            }

            var similarity = Containment(x, y);
            if (similarity < threshold)
            {
                continue;
            }

            var key = NarrativeKeys[k];
            var part = PartNames[k switch { 0 => 0, 1 => 4, _ => 5 }];
            var percent = (similarity * 100).ToString("0", CultureInfo.InvariantCulture);
            if (sameAgency)
            {
                var (earlier, later) = ra.Year < rb.Year ? (a, b) : (b, a);
                var lastYear = later.Report!.Year == earlier.Report!.Year + 1 ? "上一年度" : $"{earlier.Report.Year}年度";
                later.AddFindings([new Finding(ImportRules.Copying,
                    [$"sections.{key}", .. Pointer(later, $"sections.{key}"), $"copy-of:{earlier.File}"],
                    $"{part}与本机关{lastYear}报告几乎逐字相同（{percent}%），可能照搬了{lastYear}的内容", FindingSeverity.Warning)]);
            }
            else
            {
                foreach (var (self, peer) in new[] { (a, b), (b, a) })
                {
                    self.AddFindings([new Finding(ImportRules.Copying,
                        [$"sections.{key}", .. Pointer(self, $"sections.{key}"), $"copy-of:{peer.File}"],
                        $"{part}与{peer.Report!.Agency}{peer.Report.Year}年度报告几乎逐字相同（{percent}%）", FindingSeverity.Warning)]);
                }
            }
        }
    }

    /// <summary>8-character shingles of a narrative without spaces and punctuation; null for a text too short to judge.</summary>
    private static HashSet<int>? Shingles(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var letters = new string(text.Where(char.IsLetterOrDigit).ToArray());
        if (letters.Length < 80)
        {
            return null;
        }

        var set = new HashSet<int>();
        for (var i = 0; i + 8 <= letters.Length; i++)
        {
            set.Add(string.GetHashCode(letters.AsSpan(i, 8), StringComparison.Ordinal));
        }

        return set;
    }

    private static double Containment(HashSet<int> a, HashSet<int> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return small.Count == 0 ? 0 : (double)common / small.Count;
    }

    private static IEnumerable<string> Pointer(ImportedReport r, string key) =>
        r.SourceOf.TryGetValue(key, out var p) ? [p] : [];

    private static string Show(decimal? n) => n?.ToString("G29", CultureInfo.InvariantCulture) ?? "空白";

    private static int? RowTotal(AnnualReport r, string key)
    {
        if (!r.Applications.HasRow(key))
        {
            return null;
        }

        var cells = r.Applications[key];
        if (cells[(int)ApplicantColumn.Total] is { } total)
        {
            return total;
        }

        return ApplicantColumns.Applicants.Any(c => cells[(int)c] is not null) ? ApplicantColumns.Applicants.Sum(c => cells[(int)c] ?? 0) : null;
    }

    private static int? SumTotals(AnnualReport r, string prefix)
    {
        int? sum = null;
        foreach (var row in r.Applications.Rows.Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            sum = Add(sum, RowTotal(r, row.Key));
        }

        return sum;
    }

    private static int? GroupTotal(AnnualReport r, ReviewLitigationGroup group)
    {
        var cells = r.ReviewLitigation[group];
        if (cells[(int)ReviewOutcome.Total] is { } total)
        {
            return total;
        }

        return cells.Take(4).Any(c => c is not null) ? cells.Take(4).Sum(c => c ?? 0) : null;
    }

    private static int? Add(int? a, int? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private const string N = @"(?<n>\d+|[〇零一二两三四五六七八九十百]+)";

    [GeneratedRegex(@"(?:收到|受理|新收|接到|接收)[^,.;:!?，。；：]{0,12}?申请(?:数量|总数)?(?:共计|共|为|合计|总计)*" + N + "(?:件|个|份|宗)")]
    private static partial Regex ReceivedRegex();

    [GeneratedRegex(@"公开申请(?:数量|总数)?(?:共计|共|为|合计|总计)+" + N + "(?:件|个|份|宗)")]
    private static partial Regex ReceivedCountRegex();

    [GeneratedRegex(@"(?:未|没有)(?:收到|受理|接到|接收)[^,.;:!?，。；：]{0,12}申请")]
    private static partial Regex NoneReceivedRegex();

    [GeneratedRegex(@"(?:予以公开|同意公开|全部公开)" + N + "(?:件|个)")]
    private static partial Regex GrantedRegex();

    [GeneratedRegex(@"部分公开" + N + "(?:件|个)")]
    private static partial Regex PartialRegex();

    [GeneratedRegex(@"不予公开" + N + "(?:件|个)")]
    private static partial Regex WithheldRegex();

    [GeneratedRegex(@"(?:办结|已答复|办理完毕)(?:申请)?" + N + "(?:件|个)")]
    private static partial Regex HandledRegex();

    [GeneratedRegex(@"结转(?:至|到)?(?:下年|下一年|次年)(?:度)?(?:继续)?(?:办理)?" + N + "(?:件|个)")]
    private static partial Regex ForwardRegex();

    [GeneratedRegex(@"行政法?复议(?:案件|申请)?(?:共|为)?" + N + "(?:件|宗|起|个)")]
    private static partial Regex ReviewRegex();

    [GeneratedRegex(@"(?:无|没有|未发生|未有|未收到)(?:因政府信息公开(?:申请)?(?:而)?(?:引发|提起|产生)?的?)?行政法?复议")]
    private static partial Regex NoReviewRegex();

    [GeneratedRegex(@"行政诉讼(?:的)?(?:案件)?(?:共|为)?" + N + "(?:件|宗|起|个)")]
    private static partial Regex LitigationRegex();

    [GeneratedRegex(@"(?:无|没有|未发生|未有|未收到)(?:因政府信息公开(?:申请)?(?:而)?(?:引发|提起|产生)?的?)?(?:行政法?复议(?:案件)?(?:和|及|、|或))?行政诉讼")]
    private static partial Regex NoLitigationRegex();

    [GeneratedRegex(@"[XxＸｘ×]{2,}|某某|\*{3,}|＊{2,}|○○(?!年)")]
    private static partial Regex PlaceholderRegex();
}
