namespace Gongkai.Documents.Reading;

/// <summary>
/// Rule ids of the findings the reader and the audit add to the checker's (docs/report-model.md, <c>findings</c>).
/// Every such finding carries, besides the keys of the cells involved, a <c>source:…</c> entry that says where
/// a person finds it in the file (<c>source:line 127</c>, <c>source:page 2 line 14</c>, <c>source:paragraph 9</c>).
/// </summary>
public static class ImportRules
{
    /// <summary>The reader could not read a table with certainty: a missing row, too few or too many cells, a doubtful label.</summary>
    public const string Uncertain = "import-uncertain";

    /// <summary>
    /// The reader recovered cells the source did not separate (a crawler ran a row's cells together): the one
    /// split that satisfies the table's own arithmetic. The finding names the source line and how it was decided.
    /// </summary>
    public const string Recovered = "import-recovered";

    /// <summary>A figure the narrative states (<c>收到政府信息公开申请5件</c>) differs from the table.</summary>
    public const string NarrativeFigure = "narrative-figure";

    /// <summary>A part's heading (一 … 六) is missing or out of order.</summary>
    public const string SectionMissing = "section-missing";

    /// <summary>Template placeholder text left in (<c>XX</c>, <c>××</c>, <c>某某</c>).</summary>
    public const string Placeholder = "placeholder";

    /// <summary>Part 五 or 六 says nothing.</summary>
    public const string SectionEmpty = "section-empty";

    /// <summary>Art. 49: published after 31 January (department) or 31 March (government).</summary>
    public const string Timeliness = "timeliness";

    /// <summary>A narrative that repeats last year's report, or a peer's, nearly word for word.</summary>
    public const string Copying = "narrative-copy";

    /// <summary>2021 format: 现行有效件数 of year Y ≠ that of Y−1 + 本年制发 − 本年废止.</summary>
    public const string InForceContinuity = "in-force-continuity";

    /// <summary>
    /// 2019 format, across two years: 上一年项目数量 of Y ≠ that of Y−1 + its 本年增/减, or 对外公开总数量 of Y ≠ that of
    /// Y−1 + 本年新公开数量 of Y.
    /// </summary>
    public const string Format2019Continuity = "article20-continuity-2019";
}
