namespace Gongkai.Domain.Reports;

/// <summary>
/// 政府信息公开工作年度报告 (Arts. 49–50): the one model of the annual report that every part of Gongkai
/// speaks (docs/report-model.md). A blank cell is null, never 0.
/// </summary>
public sealed class AnnualReport
{
    /// <summary>The value of the JSON <c>schema</c> key.</summary>
    public const string SchemaId = "gongkai.annual-report/1";

    /// <summary>A report with empty tables in the given template (by default the one the year prescribes).</summary>
    public AnnualReport(string agency, int year, ReportTemplate? template = null)
    {
        Agency = agency;
        Year = year;
        Template = template ?? ReportTemplates.ForYear(year);
        Article20 = new Article20Table(Template);
        Applications = new ApplicationsTable(Template);
    }

    /// <summary>The reporting body's name as printed.</summary>
    public string Agency { get; set; }

    /// <summary>The year the statistics cover (not the publication year).</summary>
    public int Year { get; }

    /// <summary>The national format the report follows.</summary>
    public ReportTemplate Template { get; }

    /// <summary>The date printed under the signature.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The narrative of the six parts.</summary>
    public ReportSections Sections { get; } = new();

    /// <summary>Section 二's table.</summary>
    public Article20Table Article20 { get; }

    /// <summary>Section 三's table.</summary>
    public ApplicationsTable Applications { get; }

    /// <summary>Section 四's table.</summary>
    public ReviewLitigationTable ReviewLitigation { get; } = new();

    /// <summary>The checker's findings, as last stored with the report.</summary>
    public List<Finding> Findings { get; } = [];

    /// <summary>The title as the format prints it.</summary>
    public string Title => $"{Agency}{Year}年政府信息公开工作年度报告";
}
