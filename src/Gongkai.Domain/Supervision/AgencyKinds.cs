namespace Gongkai.Domain.Supervision;

/// <summary>The kind of an agency as the supervising office groups it (人民政府 / 政府部门 / 乡镇街道 / 其他).</summary>
public enum AgencyKind
{
    /// <summary>人民政府: its report is due by 31 March (Art. 49).</summary>
    Government,

    /// <summary>政府部门: a department of a government at county level or above, report due by 31 January (Art. 49).</summary>
    Department,

    /// <summary>乡镇街道: a township government or street office; Art. 49 names no date for it (configurable).</summary>
    Town,

    /// <summary>其他: any other body (and any kind not known to this version).</summary>
    Other,
}

/// <summary>The stored codes of <see cref="AgencyKind"/> (column <c>agencies.kind</c>) and their Chinese names.</summary>
public static class AgencyKinds
{
    public static IReadOnlyList<AgencyKind> All { get; } = Enum.GetValues<AgencyKind>();

    /// <summary>The kind of a stored code; an unknown code is 其他.</summary>
    public static AgencyKind Parse(string? stored) => stored switch
    {
        "government" => AgencyKind.Government,
        "department" => AgencyKind.Department,
        "town" => AgencyKind.Town,
        _ => AgencyKind.Other,
    };

    public static string Code(this AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "government",
        AgencyKind.Department => "department",
        AgencyKind.Town => "town",
        AgencyKind.Other => "other",
    };

    public static string Label(this AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "人民政府",
        AgencyKind.Department => "政府部门",
        AgencyKind.Town => "乡镇街道",
        AgencyKind.Other => "其他",
    };
}
