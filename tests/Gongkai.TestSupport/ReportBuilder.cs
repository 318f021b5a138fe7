using Gongkai.Domain.Reports;

namespace Gongkai.TestSupport;

/// <summary>
/// Builds consistent annual reports for tests: every rule of the checker holds unless a test breaks one on purpose.
/// </summary>
public sealed class ReportBuilder
{
    private readonly AnnualReport _report;

    public ReportBuilder(string agency = "测试区卫生健康局", int year = 2022, ReportTemplate? template = null)
    {
        _report = new AnnualReport(agency, year, template);
        foreach (var row in _report.Applications.Rows)
        {
            Array.Fill(_report.Applications[row.Key], 0);
        }

        foreach (var group in ReviewLitigationLabels.Groups)
        {
            Array.Fill(_report.ReviewLitigation[group], 0);
        }

        foreach (var (row, columns) in _report.Article20.Layout.Rows)
        {
            foreach (var column in columns)
            {
                _report.Article20[row.Key, column.Key] = Article20Value.Of(0);
            }
        }
    }

    /// <summary>
    /// Records applications of one applicant type: received this year, carried over, and how many ended in a
    /// result row; the rest are carried forward. Keeps every total consistent.
    /// </summary>
    public ReportBuilder WithApplications(ApplicantColumn column, int received, int carriedOver, params (string Row, int Count)[] results)
    {
        var handled = results.Sum(r => r.Count);
        Add(ApplicationRowKeys.Received, column, received);
        Add(ApplicationRowKeys.CarriedOver, column, carriedOver);
        foreach (var (row, count) in results)
        {
            Add(row, column, count);
        }

        Add(ApplicationRowKeys.TotalHandled, column, handled);
        Add(ApplicationRowKeys.CarriedForward, column, received + carriedOver - handled);
        return this;
    }

    /// <summary>Records review or litigation cases with an outcome, keeping the group's total.</summary>
    public ReportBuilder WithReview(ReviewLitigationGroup group, ReviewOutcome outcome, int count)
    {
        _report.ReviewLitigation[group][(int)outcome] += count;
        _report.ReviewLitigation[group][(int)ReviewOutcome.Total] += count;
        return this;
    }

    public ReportBuilder WithSections(string overview = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n第二段。")
    {
        _report.Sections.Overview = overview;
        _report.Sections.Proactive = "主动公开政府信息情况说明。";
        _report.Sections.Problems = "存在的主要问题及改进情况。";
        _report.Sections.Other = "无。";
        return this;
    }

    public ReportBuilder PublishedOn(DateOnly date)
    {
        _report.PublishedOn = date;
        return this;
    }

    public AnnualReport Build() => _report;

    private void Add(string row, ApplicantColumn column, int count)
    {
        _report.Applications[row][(int)column] += count;
        _report.Applications[row][(int)ApplicantColumn.Total] += count;
    }
}
