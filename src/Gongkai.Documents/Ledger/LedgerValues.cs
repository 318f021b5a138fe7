using Gongkai.Domain.Applications;

namespace Gongkai.Documents.Ledger;

/// <summary>How a date cell was read.</summary>
internal enum DateParse
{
    Ok,

    /// <summary>Not written as a date at all.</summary>
    NotADate,

    /// <summary>Written as a date that does not exist (2021-02-30).</summary>
    NoSuchDate,
}

/// <summary>Parsing of the cell values people write in a ledger; hand-written, as it runs once per cell.</summary>
internal static class LedgerValues
{
    /// <summary>How dates may be written, for messages.</summary>
    public const string DateForms = "2020-03-09、2020/3/9、2020.3.9 或 2020年3月9日";

    private static readonly Dictionary<string, ApplicantType> Applicants = BuildApplicants();

    private static readonly Dictionary<string, Channel> Channels = BuildChannels();

    /// <summary>Words that could mean two channels: the ledger must say which.</summary>
    private static readonly Dictionary<string, string> AmbiguousChannels = new(StringComparer.Ordinal)
    {
        ["邮件"] = "邮寄 或 电子邮件",
        ["信件"] = "邮寄 或 平信",
    };

    /// <summary>The applicant labels, for messages: 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他.</summary>
    public static string ApplicantLabels { get; } = string.Join("、", ApplicantTypes.All.Select(t => t.Label()));

    /// <summary>The channel labels, for messages: 当面、邮寄、平信、网络、传真、电子邮件、其他.</summary>
    public static string ChannelLabels { get; } = string.Join("、", Enum.GetValues<Channel>().Select(c => c.Label()));

    /// <summary>
    /// <c>2020-03-09</c>, <c>2020/3/9</c>, <c>2020.3.9</c>, <c>2020年3月9日</c> (full-width digits too), optionally
    /// followed by a time of day as systems export it (<c>2020/3/9 0:00</c>), which is dropped.
    /// </summary>
    public static DateParse ParseDate(string text, out DateOnly date)
    {
        date = default;
        var pos = 0;
        if (!Digits(text, ref pos, 4, 4, out var year) || pos >= text.Length)
        {
            return DateParse.NotADate;
        }

        var separator = Normalize(text[pos++]);
        if (separator is not ('-' or '/' or '.' or '年'))
        {
            return DateParse.NotADate;
        }

        if (!Digits(text, ref pos, 1, 2, out var month) || pos >= text.Length)
        {
            return DateParse.NotADate;
        }

        var second = Normalize(text[pos++]);
        if (second != (separator == '年' ? '月' : separator) || !Digits(text, ref pos, 1, 2, out var day))
        {
            return DateParse.NotADate;
        }

        if (separator == '年' && pos < text.Length && text[pos] == '日')
        {
            pos++;
        }

        if (pos < text.Length && !IsTimeOfDay(text.AsSpan(pos)))
        {
            return DateParse.NotADate;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return DateParse.NoSuchDate;
        }

        date = new DateOnly(year, month, day);
        return DateParse.Ok;
    }

    /// <summary>
    /// 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (the report's column labels), also with the
    /// group written before them: <c>法人或其他组织-其他</c>, <c>法人或其他组织（商业企业）</c>.
    /// </summary>
    public static bool TryParseApplicant(string text, out ApplicantType type)
    {
        var key = Compact(text);
        const string group = "法人或其他组织";
        if (key.StartsWith(group, StringComparison.Ordinal) && key.Length > group.Length)
        {
            key = key[group.Length..].TrimStart('-', '－', '—', '–', '·', '・', '•', '/', '／', ':', '：', '(', '（', '、')
                .TrimEnd(')', '）');
        }

        return Applicants.TryGetValue(key, out type);
    }

    /// <summary>
    /// The channel labels of the domain (当面, 邮寄, 平信, 网络, 传真, 电子邮件, 其他) and unambiguous synonyms
    /// (网上/在线 → 网络, 信函 → 邮寄, …), with or without a trailing 申请/提交/方式.
    /// </summary>
    public static bool TryParseChannel(string text, out Channel channel, out string? ambiguity)
    {
        var key = Compact(text).ToUpperInvariant();
        foreach (var suffix in (ReadOnlySpan<string>)["申请", "提交", "方式", "递交"])
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                key = key[..^suffix.Length];
                break;
            }
        }

        AmbiguousChannels.TryGetValue(key, out ambiguity);
        return Channels.TryGetValue(key, out channel);
    }

    private static bool Digits(string text, ref int pos, int min, int max, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < text.Length && pos - start < max && Normalize(text[pos]) is >= '0' and <= '9' and var d)
        {
            value = (value * 10) + (d - '0');
            pos++;
        }

        return pos - start >= min && !(pos < text.Length && Normalize(text[pos]) is >= '0' and <= '9');
    }

    private static bool IsTimeOfDay(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 2 || !char.IsWhiteSpace(rest[0]))
        {
            return false;
        }

        rest = rest.Trim();
        foreach (var c in rest)
        {
            if (c is not ((>= '0' and <= '9') or ':' or '.'))
            {
                return false;
            }
        }

        return rest.Contains(':');
    }

    /// <summary>Full-width digits and separators as their ASCII forms.</summary>
    private static char Normalize(char c) => c switch
    {
        >= '０' and <= '９' => (char)(c - '０' + '0'),
        '－' => '-',
        '／' => '/',
        '．' => '.',
        _ => c,
    };

    private static string Compact(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return string.Concat(text.Where(ch => !char.IsWhiteSpace(ch)));
            }
        }

        return text;
    }

    private static Dictionary<string, ApplicantType> BuildApplicants()
    {
        var map = new Dictionary<string, ApplicantType>(StringComparer.Ordinal);
        foreach (var type in ApplicantTypes.All)
        {
            map.Add(type.Label(), type);
        }

        return map;
    }

    private static Dictionary<string, Channel> BuildChannels()
    {
        var map = new Dictionary<string, Channel>(StringComparer.Ordinal);
        foreach (var channel in Enum.GetValues<Channel>())
        {
            map.Add(channel.Label(), channel);
        }

        // Synonyms only where they cannot mean two channels (邮件, 信件 are refused as ambiguous).
        (string Word, Channel Channel)[] synonyms =
        [
            ("现场", Channel.InPerson), ("窗口", Channel.InPerson),
            ("信函", Channel.SignedPost), ("挂号信", Channel.SignedPost), ("快递", Channel.SignedPost), ("EMS", Channel.SignedPost),
            ("平常信函", Channel.OrdinaryPost), ("平邮", Channel.OrdinaryPost),
            ("网上", Channel.Online), ("在线", Channel.Online), ("互联网", Channel.Online), ("网站", Channel.Online),
            ("电子邮箱", Channel.Email), ("电邮", Channel.Email), ("EMAIL", Channel.Email), ("E-MAIL", Channel.Email),
        ];
        foreach (var (word, channel) in synonyms)
        {
            map.Add(word, channel);
        }

        return map;
    }
}
