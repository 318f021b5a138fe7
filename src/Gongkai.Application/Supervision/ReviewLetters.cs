using System.Globalization;
using Gongkai.Documents.Letters;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.Domain.Supervision;

namespace Gongkai.Application.Supervision;

/// <summary>The words of the review letters: where a finding is (section, row, column), in Chinese.</summary>
public static class ReviewLetterText
{
    /// <summary>The places of a finding's cells, e.g. 第三部分 三（一）予以公开·自然人列; 、-separated.</summary>
    public static string Places(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Location.Count == 0 ? "全文" : string.Join("、", finding.Location.Select(Place).Distinct(StringComparer.Ordinal));
    }

    /// <summary>One cell key (docs/report-model.md) as a place: section, row, column.</summary>
    public static string Place(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var first = key.IndexOf('.', StringComparison.Ordinal);
        var last = key.LastIndexOf('.');
        if (first < 0 || last <= first)
        {
            return key;
        }

        var (section, row, column) = (key[..first], key[(first + 1)..last], key[(last + 1)..]);
        switch (section)
        {
            case "applications":
                var definition = ApplicationsLayout.Find(ReportTemplate.Format2021, row) ?? ApplicationsLayout.Find(ReportTemplate.Format2019, row);
                var applicant = ApplicantColumns.All.FirstOrDefault(c => c.Key() == column);
                return $"第三部分 {definition?.Name ?? row}·{applicant.MessageLabel()}列";
            case "reviewLitigation":
                var group = ReviewLitigationLabels.Groups.FirstOrDefault(g => g.Key() == row);
                var outcome = ReviewLitigationLabels.Outcomes.FirstOrDefault(o => o.Key() == column);
                return $"第四部分 {group.Label()}·{outcome.Label()}列";
            case "article20":
                foreach (var layout in new[] { Article20Layout.Format2021, Article20Layout.Format2019 })
                {
                    if (layout.Rows.FirstOrDefault(r => r.Row.Key == row) is { Row: { } found } match)
                    {
                        return $"第二部分 {found.Label}·{match.Columns.FirstOrDefault(c => c.Key == column)?.Label ?? column}";
                    }
                }

                return $"第二部分 {row}·{column}";
            default:
                return key;
        }
    }
}

/// <summary>A generated letter: file name and bytes.</summary>
public sealed record LetterFile(string FileName, byte[] Content);

/// <summary>
/// 年报审查意见 for one agency of the subtree: its report's standing against the Art. 49 deadline and every finding of
/// the report check with its place (section, row, column), as an official letter of the supervising agency (DOCX).
/// </summary>
public sealed class WriteReviewLetter(ShowSupervisedAgency show, CurrentDate today)
{
    public async Task<Result<LetterFile>> ExecuteAsync(int supervisingAgencyId, string supervisingName, int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var result = await show.ExecuteAsync(supervisingAgencyId, agencyId, year, cancellationToken);
        if (result.Error is { } error)
        {
            return error;
        }

        var a = result.Value!;
        var paragraphs = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"根据《中华人民共和国政府信息公开条例》第四十九条、第五十条，我们对你单位{year}年政府信息公开工作年度报告进行了审查。") +
            $"年度报告状态：{a.Row.Report.Label}；公布期限为{Chinese(a.Row.Report.Deadline)}。",
        };
        var errors = a.Findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = a.Findings.Count - errors;
        LetterTable? table = null;
        if (!a.HasReport)
        {
            paragraphs.Add("平台上尚无你单位本年度的年度报告，请抓紧编制并按期公布。");
        }
        else if (a.Findings.Count == 0)
        {
            paragraphs.Add("经检查，报告各表格的勾稽关系和合计均一致，未发现问题。");
        }
        else
        {
            paragraphs.Add(string.Create(CultureInfo.InvariantCulture, $"经检查，发现错误{errors}处、需核实的问题{warnings}处，列明如下："));
            table = new LetterTable(["序号", "性质", "位置", "问题"], [1, 1, 4, 6],
                a.Findings.Select((f, i) => (IReadOnlyList<string>)
                    [(i + 1).ToString(CultureInfo.InvariantCulture), f.Severity == FindingSeverity.Error ? "错误" : "需核实", ReviewLetterText.Places(f), f.Message]).ToList());
        }

        var after = new List<string>();
        if (a.Row.OverdueCases > 0 || a.Row.OverdueCatalogItems > 0)
        {
            after.Add(string.Create(CultureInfo.InvariantCulture, $"另，截至{Chinese(today.Today)}，你单位有逾期未答复的政府信息公开申请{a.Row.OverdueCases}件（第三十三条）、逾期未公开的主动公开信息{a.Row.OverdueCatalogItems}条（第二十六条）。"));
        }

        if (errors > 0 || a.Row.Report.State == ReportState.Late || !a.HasReport)
        {
            after.Add("请对照上述意见认真核查，更正后重新公布，并将整改情况报送我办。");
        }

        var bytes = OfficialLetterDocx.Render($"关于{a.Agency.Name}{year}年政府信息公开工作年度报告的审查意见", a.Agency.Name, paragraphs, table, after,
            supervisingName, today.Today);
        return Result.Ok(new LetterFile($"年报审查意见-{a.Agency.Code}-{year}年度.docx", bytes));
    }

    internal static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}

/// <summary>The region's summary of a report year (DOCX): every agency with its report's standing, counts of findings, late ones.</summary>
public sealed class WriteRegionSummary(ShowSupervisionDashboard dashboard, CurrentDate today)
{
    public async Task<Result<LetterFile>> ExecuteAsync(int supervisingAgencyId, int year, CancellationToken cancellationToken = default)
    {
        var result = await dashboard.ExecuteAsync(new DashboardRequest(supervisingAgencyId, year), cancellationToken);
        if (result.Error is { } error)
        {
            return error;
        }

        var d = result.Value!;
        var rows = d.Rows;
        var published = rows.Count(r => r.Report.State == ReportState.Published);
        var late = rows.Where(r => r.Report.State == ReportState.Late).ToList();
        var withErrors = rows.Count(r => r.Report.Errors > 0);
        var paragraphs = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"截至{WriteReviewLetter.Chinese(today.Today)}，{d.Root.Name}及所属{rows.Count}个机关中，{published}个已按期公布{year}年政府信息公开工作年度报告，") +
            string.Create(CultureInfo.InvariantCulture, $"{late.Count}个逾期（第四十九条），{withErrors}个机关的报告存在数据错误。各机关情况如下："),
        };
        var table = new LetterTable(["序号", "机关", "类型", "年度报告状态", "错误", "逾期申请", "逾期未公开"], [1, 5, 2, 5, 1, 2, 2],
            rows.Select((r, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture), r.Agency.Name, r.Agency.Kind.Label(), r.Report.Label,
                r.Report.Errors.ToString(CultureInfo.InvariantCulture), r.OverdueCases.ToString(CultureInfo.InvariantCulture),
                r.OverdueCatalogItems.ToString(CultureInfo.InvariantCulture),
            ]).ToList());
        var after = new List<string>();
        if (late.Count > 0)
        {
            after.Add($"逾期的机关：{string.Join("、", late.Select(r => r.Agency.Name))}。");
        }

        var bytes = OfficialLetterDocx.Render($"{d.Root.Name}{year}年政府信息公开工作年度报告审查情况汇总", null, paragraphs, table, after, d.Root.Name, today.Today);
        return Result.Ok(new LetterFile($"年报审查汇总-{d.Root.Code}-{year}年度.docx", bytes));
    }
}

/// <summary>Today's date in China, from the injected clock.</summary>
public sealed class CurrentDate(TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);
}
