namespace Gongkai.Domain.Agencies;

/// <summary>
/// The kind of an agency (行政机关) in a government's tree. Art. 49: a people's government (人民政府) publishes its
/// annual report by 31 March, its departments (政府部门) and the other agencies by 31 January; a town or street office
/// (乡镇人民政府、街道办事处) reports by 31 January to the county government that supervises it.
/// </summary>
public enum AgencyKind
{
    /// <summary>人民政府.</summary>
    Government,

    /// <summary>政府部门 (局、委、办).</summary>
    Department,

    /// <summary>乡镇街道.</summary>
    Town,

    /// <summary>其他 (e.g. a 事业单位 with public functions, Art. 54).</summary>
    Other,
}

/// <summary>The stored keys and the Chinese names of <see cref="AgencyKind"/>.</summary>
public static class AgencyKinds
{
    /// <summary>Every kind, in the order the tree groups them.</summary>
    public static IReadOnlyList<AgencyKind> All { get; } = [AgencyKind.Government, AgencyKind.Department, AgencyKind.Town, AgencyKind.Other];

    /// <summary>The key stored in <c>agencies.kind</c> and used on the command line.</summary>
    public static string Key(this AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "government",
        AgencyKind.Department => "department",
        AgencyKind.Town => "town",
        AgencyKind.Other => "other",
    };

    /// <summary>The name an office uses: 人民政府 / 政府部门 / 乡镇街道 / 其他.</summary>
    public static string Label(this AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "人民政府",
        AgencyKind.Department => "政府部门",
        AgencyKind.Town => "乡镇街道",
        AgencyKind.Other => "其他",
    };

    /// <summary>The kind of a stored or typed key or Chinese name; null when it is none of them.</summary>
    public static AgencyKind? Parse(string? value)
    {
        var trimmed = value?.Trim();
        foreach (var kind in All)
        {
            if (string.Equals(trimmed, kind.Key(), StringComparison.OrdinalIgnoreCase) || trimmed == kind.Label())
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The kind of a stored key, 其他 when it is not one this version knows (the supervising office's grouping).</summary>
    public static AgencyKind Of(string? stored) => Parse(stored) ?? AgencyKind.Other;

    /// <summary>The Chinese name of a stored key (an unknown key is shown as it is).</summary>
    public static string LabelOf(string key) => Parse(key)?.Label() ?? key;
}

/// <summary>
/// 机关代码 as used in the platform's addresses (<c>/agencies/wjj/</c>), 索引号 and case numbers: 2–20 lower-case letters,
/// digits or hyphens, chosen when the agency is created and never changed, so that links and numbers stay stable
/// when the agency is renamed. Codes made before the tree existed (<c>GK0001</c>, <c>SFQ-WJJ</c>) stay valid.
/// </summary>
public static class AgencyCode
{
    /// <summary>Null when <paramref name="code"/> may be given to a new agency; otherwise what is wrong, in Chinese.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "机关代码：必须填写（2至20位小写字母、数字或连字符，如 wjj）";
        }

        var c = code.Trim();
        if (c.Length is < 2 or > 20)
        {
            return $"机关代码“{c}”：应为2至20位，现为{c.Length}位";
        }

        foreach (var ch in c)
        {
            if (!(char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-'))
            {
                return $"机关代码“{c}”：只能使用小写字母、数字和连字符（“{ch}”不可用），如 wjj";
            }
        }

        return c.StartsWith('-') || c.EndsWith('-') ? $"机关代码“{c}”：不能以连字符开头或结尾" : null;
    }
}
