using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// What an agency published proactively in a year, counted from its catalogue: items published in the year (by
/// 发布日期; a later withdrawal does not uncount them), by category and by channel, and Art. 26 timeliness.
/// </summary>
/// <param name="Year">The report year.</param>
/// <param name="Published">Items published in the year.</param>
/// <param name="ByCategory">Category name and count, in the agency's category order; categories with none left out.</param>
/// <param name="ByChannel">Items per channel (an item published through two channels counts in both).</param>
/// <param name="PublishedLate">Of <paramref name="Published"/>, how many later than 20 working days after 生成日期 (Art. 26).</param>
/// <param name="OverdueAtYearEnd">Items formed in time to be due by 31 December but still unpublished then (Art. 26).</param>
public sealed record ProactiveDisclosureSummary(
    int Year,
    int Published,
    IReadOnlyList<(string Category, int Count)> ByCategory,
    IReadOnlyDictionary<PublicationChannel, int> ByChannel,
    int PublishedLate,
    int OverdueAtYearEnd)
{
    /// <summary>
    /// A first draft of section 一's part on proactive disclosure (and, from the section 三 table already built, on
    /// applications), worded as the sample reports word it — "2020年我局主动公开政府信息621条，包括：组织机构类信息3条；
    /// 规范性文件1条…通过政府公报发布信息0条，通过政府网站发布信息621条" — for the officer to edit. Every figure in it
    /// comes from the records, so the narrative and the tables agree.
    /// </summary>
    public string DraftOverview(AnnualReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine("（一）主动公开");
        sb.AppendLine(ProactiveParagraph());
        sb.AppendLine("（二）依申请公开");
        var received = report.Applications[ApplicationRowKeys.Received, ApplicantColumn.Total] ?? 0;
        var carriedOver = report.Applications[ApplicationRowKeys.CarriedOver, ApplicantColumn.Total] ?? 0;
        var handled = report.Applications[ApplicationRowKeys.TotalHandled, ApplicantColumn.Total] ?? 0;
        var forward = report.Applications[ApplicationRowKeys.CarriedForward, ApplicantColumn.Total] ?? 0;
        var granted = report.Applications[ApplicationRowKeys.Granted, ApplicantColumn.Total] ?? 0;
        sb.Append(Inv($"{Year}年，本机关新收政府信息公开申请{received}件，上年结转{carriedOver}件，本年度办结{handled}件（其中予以公开{granted}件），结转下年度继续办理{forward}件。"));
        return sb.ToString();
    }

    /// <summary>
    /// A first draft of section 二's text outside the table: what the register of documents and the entered figures
    /// say, in words, taken from the filled <see cref="AnnualReport.Article20"/> table.
    /// </summary>
    public static string DraftProactive(AnnualReport report)
    {
        var t = report.Article20;
        string N(string row, string column) => t.Has(row, column) && t[row, column] is { } v ? v.ToString() : "0";
        var docs2021 = t.Has("regulations", "issued");
        var normative = docs2021 ? "行政规范性文件" : "规范性文件";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{report.Year}年，本机关");
        sb.Append(docs2021
            ? $"制发规章{N("regulations", "issued")}件、{normative}{N("normativeDocuments", "issued")}件，废止规章{N("regulations", "repealed")}件、{normative}{N("normativeDocuments", "repealed")}件，现行有效规章{N("regulations", "inForce")}件、{normative}{N("normativeDocuments", "inForce")}件"
            : $"新制作规章{N("regulations", "newlyMade")}件、{normative}{N("normativeDocuments", "newlyMade")}件，新公开规章{N("regulations", "newlyPublished")}件、{normative}{N("normativeDocuments", "newlyPublished")}件");
        var decisions = new List<string>();
        foreach (var (row, label) in new[] { ("administrativeLicensing", "行政许可"), ("otherManagementServices", "其他对外管理服务事项"), ("administrativePenalty", "行政处罚"), ("administrativeCoercion", "行政强制") })
        {
            if (t.Has(row, "decisions") && t[row, "decisions"] is { } d)
            {
                decisions.Add($"{label}决定{d}件");
            }
        }

        if (decisions.Count > 0)
        {
            sb.Append("；作出").Append(string.Join("、", decisions));
        }

        sb.Append("。具体情况见下表。");
        return sb.ToString();
    }

    /// <summary>The sentence on proactive disclosure: total, by category, by channel, timeliness.</summary>
    public string ProactiveParagraph()
    {
        var sb = new StringBuilder();
        if (Published == 0)
        {
            sb.Append(Inv($"{Year}年，本机关通过政府信息公开目录主动公开政府信息0条。"));
        }
        else
        {
            sb.Append(Inv($"{Year}年，本机关主动公开政府信息{Published}条，包括："));
            sb.Append(string.Join("；", ByCategory.Select(c => Inv($"{c.Category}{c.Count}条"))));
            sb.Append('。');
        }

        // The national narratives always name 政府公报 and 政府网站, then any other channel used.
        var channels = PublicationChannels.All
            .Where(c => c is PublicationChannel.GovernmentGazette or PublicationChannel.GovernmentWebsite || ByChannel.GetValueOrDefault(c) > 0)
            .Select(c => Inv($"通过{c.Label()}发布信息{ByChannel.GetValueOrDefault(c)}条"));
        sb.Append("通过不同渠道和方式发布政府信息情况：").Append(string.Join("，", channels)).Append('。');
        if (Published > 0)
        {
            sb.Append(Inv($"按《条例》第二十六条，{Published - PublishedLate}条在信息形成之日起20个工作日内公开"));
            sb.Append(PublishedLate > 0 ? Inv($"，{PublishedLate}条逾期公开") : string.Empty).Append('。');
        }

        if (OverdueAtYearEnd > 0)
        {
            sb.Append(Inv($"截至年底，另有{OverdueAtYearEnd}条信息已超过公开期限尚未公开。"));
        }

        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
