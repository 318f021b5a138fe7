namespace Gongkai.Domain.Reports;

/// <summary>
/// The narrative of the six parts of an annual report (Art. 50; docs/legal.md §2.2). Each text is the part's
/// words without its heading; null where the part is absent.
/// </summary>
public sealed class ReportSections
{
    /// <summary>一、总体情况.</summary>
    public string? Overview { get; set; }

    /// <summary>二、主动公开政府信息情况: the text outside the table.</summary>
    public string? Proactive { get; set; }

    /// <summary>三、收到和处理政府信息公开申请情况: the text outside the table.</summary>
    public string? Applications { get; set; }

    /// <summary>四、政府信息公开行政复议、行政诉讼情况: the text outside the table.</summary>
    public string? ReviewLitigation { get; set; }

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string? Problems { get; set; }

    /// <summary>六、其他需要报告的事项.</summary>
    public string? Other { get; set; }

    /// <summary>The six parts in order, with their JSON keys and the headings the format prints.</summary>
    public IReadOnlyList<(string Key, string Heading, string? Text)> InOrder(ReportTemplate template) =>
    [
        ("overview", "一、总体情况", Overview),
        ("proactive", "二、主动公开政府信息情况", Proactive),
        ("applications", "三、收到和处理政府信息公开申请情况", Applications),
        ("reviewLitigation", "四、政府信息公开行政复议、行政诉讼情况", ReviewLitigation),
        ("problems", template == ReportTemplate.Format2019 ? "五、政府信息公开工作存在的主要问题及改进情况" : "五、存在的主要问题及改进情况", Problems),
        ("other", "六、其他需要报告的事项", Other),
    ];

    /// <summary>A part's text by its JSON key (<c>overview</c>, …); null for an absent part or an unknown key.</summary>
    public string? this[string key] => key switch
    {
        "overview" => Overview,
        "proactive" => Proactive,
        "applications" => Applications,
        "reviewLitigation" => ReviewLitigation,
        "problems" => Problems,
        "other" => Other,
        _ => null,
    };

    /// <summary>A copy of the six parts (for a form that edits them before they are applied).</summary>
    public ReportSections Copy() => new()
    {
        Overview = Overview,
        Proactive = Proactive,
        Applications = Applications,
        ReviewLitigation = ReviewLitigation,
        Problems = Problems,
        Other = Other,
    };

    /// <summary>
    /// Writes these parts, as a person typed them, into <paramref name="target"/>: empty text is an absent part
    /// (null), line endings become \n, and surrounding blanks go.
    /// </summary>
    public void ApplyTo(ReportSections target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Overview = Clean(Overview);
        target.Proactive = Clean(Proactive);
        target.Applications = Clean(Applications);
        target.ReviewLitigation = Clean(ReviewLitigation);
        target.Problems = Clean(Problems);
        target.Other = Clean(Other);
    }

    /// <summary>Sets a part by its JSON key; false for an unknown key.</summary>
    public bool TrySet(string key, string? text)
    {
        switch (key)
        {
            case "overview": Overview = text; return true;
            case "proactive": Proactive = text; return true;
            case "applications": Applications = text; return true;
            case "reviewLitigation": ReviewLitigation = text; return true;
            case "problems": Problems = text; return true;
            case "other": Other = text; return true;
            default: return false;
        }
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
