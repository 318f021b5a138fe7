using Gongkai.Domain.Supervision;

namespace Gongkai.Web.Supervision;

/// <summary>
/// The settings of the supervising office's pages: the publication deadlines Art. 49 leaves open (docs/legal.md marks
/// them U): <c>Supervision:TownReportDeadline</c> for 乡镇街道 and <c>Supervision:OtherReportDeadline</c> for 其他, each
/// as MM-DD in the year after the report year (default 01-31).
/// </summary>
public static class SupervisionSettings
{
    /// <summary>The deadlines from configuration; a malformed value stops the start with a message naming the setting.</summary>
    public static ReportDeadlines Deadlines(IConfiguration configuration)
    {
        var deadlines = new ReportDeadlines();
        if (configuration["Supervision:TownReportDeadline"] is { Length: > 0 } town)
        {
            deadlines = deadlines with { TownDeadline = ReportDeadlines.ParseMonthDay(town) ?? throw Bad("Supervision:TownReportDeadline", town) };
        }

        if (configuration["Supervision:OtherReportDeadline"] is { Length: > 0 } other)
        {
            deadlines = deadlines with { OtherDeadline = ReportDeadlines.ParseMonthDay(other) ?? throw Bad("Supervision:OtherReportDeadline", other) };
        }

        return deadlines;
    }

    /// <summary>The note shown on the dashboard: which deadline applies to which kind, and which ones the installation set.</summary>
    public static string Note(ReportDeadlines deadlines) =>
        $"公布期限（第四十九条）：政府部门为次年1月31日前，人民政府为次年3月31日前；条例未规定乡镇街道和其他机关的期限，" +
        $"本平台按乡镇街道次年{deadlines.TownDeadline.Month}月{deadlines.TownDeadline.Day}日、其他机关次年{deadlines.OtherDeadline.Month}月{deadlines.OtherDeadline.Day}日计算，" +
        "可由系统管理员按本地规定修改（设置项 Supervision__TownReportDeadline、Supervision__OtherReportDeadline，格式 月-日，如 01-31）。";

    private static InvalidOperationException Bad(string key, string value) =>
        new($"设置项 {key} 的值“{value}”无效：应为 月-日，如 01-31");
}
