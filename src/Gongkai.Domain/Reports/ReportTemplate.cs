namespace Gongkai.Domain.Reports;

/// <summary>The national format an annual report follows (docs/legal.md §2.1).</summary>
public enum ReportTemplate
{
    /// <summary>《政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: reports for 2019 and 2020.</summary>
    Format2019,

    /// <summary>《政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: reports for 2021 on.</summary>
    Format2021,
}

/// <summary>Codes, names and the year rule of <see cref="ReportTemplate"/>.</summary>
public static class ReportTemplates
{
    /// <summary>The first report year that uses the 2021 format (国办公开办函〔2021〕30号; docs/legal.md §2.1).</summary>
    public const int FirstYearOf2021Format = 2021;

    /// <summary>
    /// A year an agency can have an annual report for: from 2008, when the Regulation first took effect (its 2007 text,
    /// in force 2008-05-01; Art. 49 of the 2019 revision keeps the yearly report), to 2100.
    /// </summary>
    public static bool IsReportYear(int? year) => year is >= 2008 and <= 2100;

    /// <summary>The template the national rules prescribe for a report year (docs/legal.md §2.1).</summary>
    public static ReportTemplate ForYear(int year) =>
        year < FirstYearOf2021Format ? ReportTemplate.Format2019 : ReportTemplate.Format2021;

    /// <summary>The JSON code of the template: <c>"2019"</c> or <c>"2021"</c> (docs/report-model.md).</summary>
    public static string Code(this ReportTemplate template) => template switch
    {
        ReportTemplate.Format2019 => "2019",
        ReportTemplate.Format2021 => "2021",
    };

    /// <summary>The template's name as people know it.</summary>
    public static string DisplayName(this ReportTemplate template) => template switch
    {
        ReportTemplate.Format2019 => "2019年格式（试行，国办公开办函〔2019〕60号）",
        ReportTemplate.Format2021 => "2021年格式（国办公开办函〔2021〕30号）",
    };

    /// <summary>Reads a JSON template code.</summary>
    public static bool TryParseCode(string? code, out ReportTemplate template)
    {
        switch (code)
        {
            case "2019":
                template = ReportTemplate.Format2019;
                return true;
            case "2021":
                template = ReportTemplate.Format2021;
                return true;
            default:
                template = default;
                return false;
        }
    }
}
