using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reading;

/// <summary>
/// What reading one file gave: the canonical report (null when the file could not be read, with
/// <see cref="Error"/> saying why in Chinese) and every finding about it — the checker's, the reader's
/// (<see cref="ImportRules.Uncertain"/>) and the audit's — each pointing to the source (<c>source:line 12</c>).
/// </summary>
public sealed class ImportedReport
{
    private readonly List<Finding> _findings = [];
    private readonly Dictionary<string, string> _sourceOf = [];

    internal ImportedReport(string file, SourceFormat? format, AnnualReport? report, string? error)
    {
        File = file;
        Format = format;
        Report = report;
        Error = error;
    }

    /// <summary>The path as given.</summary>
    public string File { get; }

    /// <summary>The format the file was read as; null when it was not recognised.</summary>
    public SourceFormat? Format { get; }

    /// <summary>The report read; null when the file could not be read.</summary>
    public AnnualReport? Report { get; }

    /// <summary>Why the file could not be read, in Chinese; null when it was.</summary>
    public string? Error { get; }

    /// <summary>Checker, reader and audit findings, in that order.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Whether the file was read (possibly with findings).</summary>
    public bool Succeeded => Report is not null;

    /// <summary>
    /// Where each part was read in the source: <c>article20.regulations</c>, <c>applications.received</c>,
    /// <c>reviewLitigation</c>, <c>sections.overview</c> → <c>source:line 127</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> SourceOf => _sourceOf;

    internal void SetSource(string key, string pointer) => _sourceOf[key] = pointer;

    /// <summary>The narrative paragraphs with their positions, for the audit.</summary>
    internal IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];

    /// <summary>The normalised source, for the audit's pointers.</summary>
    internal SourceDocument? Source { get; init; }

    internal void AddFindings(IEnumerable<Finding> findings) => _findings.AddRange(findings);

    internal static ImportedReport Failed(string file, SourceFormat? format, string error) => new(file, format, null, error);

    /// <summary>A file that could not be read at all (e.g. it does not exist), with the reason in Chinese.</summary>
    public static ImportedReport Unreadable(string file, string error) => new(file, null, null, error);
}
