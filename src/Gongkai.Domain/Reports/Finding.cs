namespace Gongkai.Domain.Reports;

/// <summary>How serious a finding is (docs/report-model.md, <c>findings</c>).</summary>
public enum FindingSeverity
{
    /// <summary>A broken rule: the report is wrong as published.</summary>
    Error,

    /// <summary>A doubt a person should look at, e.g. blank cells read as 0.</summary>
    Warning,
}

/// <summary>
/// One consistency finding: the rule's stable id, the keys of the cells involved
/// (<c>applications.totalHandled.naturalPerson</c>), a Chinese message for a disclosure officer, and its severity.
/// </summary>
public sealed record Finding(string Rule, IReadOnlyList<string> Location, string Message, FindingSeverity Severity)
{
    /// <summary>The JSON code of the severity.</summary>
    public string SeverityCode => Severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
    };
}
