using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>One list of applicants (ApplicantType) behind section 三's columns, and one model of the narrative parts.</summary>
public class ApplicantColumnAndSectionsTests
{
    [Fact]
    public void Columns_AreTheSixApplicantTypesThenTheTotal()
    {
        Assert.Equal(ApplicantTypes.All, ApplicantColumns.Applicants.Select(c => c.Applicant()!.Value));
        Assert.Equal(ApplicantColumns.Applicants.Append(ApplicantColumn.Total), ApplicantColumns.All);
        Assert.Null(ApplicantColumn.Total.Applicant());
        Assert.Equal(
            ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
            ApplicantColumns.All.Select(c => c.Label()));
        Assert.All(ApplicantTypes.All, t => Assert.Equal(t.Key(), ApplicantColumns.Of(t).Key()));
    }

    [Fact]
    public void ApplicationsTable_CellByApplicantType_IsThatApplicantsColumn()
    {
        var table = new ApplicationsTable(ReportTemplate.Format2021);

        table[ApplicationRowKeys.Granted, ApplicantType.LegalServiceInstitution] = 4;

        Assert.Equal(4, table[ApplicationRowKeys.Granted, ApplicantColumn.LegalServiceInstitution]);
        Assert.Null(table[ApplicationRowKeys.Granted, ApplicantColumn.Total]);
    }

    [Fact]
    public void Sections_ApplyTo_BlankIsAbsentAndLineEndsAreNewlines()
    {
        var typed = new ReportSections { Overview = "  第一段\r\n第二段 ", Proactive = "   ", Other = "其他事项" };
        var report = new ReportSections { Proactive = "旧文字", Problems = "旧问题" };

        typed.ApplyTo(report);

        Assert.Equal("第一段\n第二段", report["overview"]);
        Assert.Null(report.Proactive);
        Assert.Null(report.Problems);
        Assert.Equal("其他事项", report.Other);
        Assert.Null(report["nosuchpart"]);
        Assert.Equal(report.Overview, report.Copy().Overview);
    }
}
