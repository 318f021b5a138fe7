namespace Gongkai.Documents.Reading;

/// <summary>The level of the reporting body, which sets its Art. 49 deadline.</summary>
public enum AgencyLevel
{
    /// <summary>A department of a government at county level or above: publishes by 31 January.</summary>
    Department,

    /// <summary>A people's government (its disclosure office publishes the report): by 31 March.</summary>
    Government,
}

/// <summary>Options of <see cref="ReportImporter"/>.</summary>
public sealed class ImportOptions
{
    /// <summary>
    /// The level of an agency, by its name as printed. By default <see cref="AgencyLevels.ByName"/>: a name
    /// containing 政府 (人民政府) is a government, any other a department. Set this to override, e.g. for
    /// 人民政府办公室, which the default takes for a government.
    /// </summary>
    public Func<string, AgencyLevel> AgencyLevel { get; init; } = AgencyLevels.ByName;

    /// <summary>The pdftotext program (Debian: poppler-utils).</summary>
    public string PdfToText { get; init; } = "pdftotext";

    /// <summary>How long pdftotext may take for one file.</summary>
    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether to run the audit (narrative figures, completeness, timeliness) after the checker.</summary>
    public bool Audit { get; init; } = true;

    /// <summary>The similarity (0–1, share of the shorter text's 8-character shingles) above which two narratives count as copied.</summary>
    public double CopyThreshold { get; init; } = 0.8;
}

/// <summary>The default agency classification for Art. 49.</summary>
public static class AgencyLevels
{
    /// <summary>A name containing 政府 (including 人民政府) → government; otherwise department.</summary>
    public static AgencyLevel ByName(string agency) =>
        agency.Contains("政府", StringComparison.Ordinal) ? AgencyLevel.Government : AgencyLevel.Department;

    /// <summary>The Art. 49 deadline for the report of a year: 31 January (department) or 31 March (government) of the next year.</summary>
    public static DateOnly Deadline(this AgencyLevel level, int reportYear) => level switch
    {
        AgencyLevel.Department => new DateOnly(reportYear + 1, 1, 31),
        AgencyLevel.Government => new DateOnly(reportYear + 1, 3, 31),
    };
}
