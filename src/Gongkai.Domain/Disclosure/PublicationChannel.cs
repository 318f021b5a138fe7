namespace Gongkai.Domain.Disclosure;

/// <summary>
/// Where an item of proactive disclosure is published (Arts. 23–25): 政府公报, 政府网站 and other internet
/// government media, press conferences, newspapers, radio and TV, and reading points such as 公开栏.
/// </summary>
public enum PublicationChannel
{
    /// <summary>政府网站 (Art. 23), including the unified disclosure platform (Art. 24).</summary>
    GovernmentWebsite,

    /// <summary>政府公报 (Art. 23).</summary>
    GovernmentGazette,

    /// <summary>政务新媒体: 微信公众号, 微博, 客户端 (Art. 23, "其他互联网政务媒体").</summary>
    NewMedia,

    /// <summary>新闻发布会 (Art. 23).</summary>
    PressConference,

    /// <summary>报刊、广播、电视 (Art. 23).</summary>
    PressAndBroadcast,

    /// <summary>公开栏, 电子屏 and reading points in archives, libraries and service halls (Art. 25).</summary>
    NoticeBoard,

    /// <summary>Any other channel.</summary>
    Other,
}

/// <summary>Codes and printed names of <see cref="PublicationChannel"/>.</summary>
public static class PublicationChannels
{
    /// <summary>Every channel in the order reports list them (政府公报 first, as the national-format narratives do).</summary>
    public static IReadOnlyList<PublicationChannel> All { get; } =
    [
        PublicationChannel.GovernmentGazette, PublicationChannel.GovernmentWebsite, PublicationChannel.NewMedia,
        PublicationChannel.PressConference, PublicationChannel.PressAndBroadcast, PublicationChannel.NoticeBoard, PublicationChannel.Other,
    ];

    /// <summary>The stored and command-line code, e.g. <c>website</c>.</summary>
    public static string Key(this PublicationChannel channel) => channel switch
    {
        PublicationChannel.GovernmentWebsite => "website",
        PublicationChannel.GovernmentGazette => "gazette",
        PublicationChannel.NewMedia => "new-media",
        PublicationChannel.PressConference => "press-conference",
        PublicationChannel.PressAndBroadcast => "press",
        PublicationChannel.NoticeBoard => "notice-board",
        PublicationChannel.Other => "other",
    };

    /// <summary>The name as reports print it, e.g. <c>政府网站</c>.</summary>
    public static string Label(this PublicationChannel channel) => channel switch
    {
        PublicationChannel.GovernmentWebsite => "政府网站",
        PublicationChannel.GovernmentGazette => "政府公报",
        PublicationChannel.NewMedia => "政务新媒体",
        PublicationChannel.PressConference => "新闻发布会",
        PublicationChannel.PressAndBroadcast => "报刊、广播、电视",
        PublicationChannel.NoticeBoard => "公开栏",
        PublicationChannel.Other => "其他渠道",
    };

    /// <summary>A channel from its code or its Chinese name; null when neither matches.</summary>
    public static PublicationChannel? Parse(string text)
    {
        var t = text.Trim();
        foreach (var channel in All)
        {
            if (string.Equals(channel.Key(), t, StringComparison.OrdinalIgnoreCase) || channel.Label() == t)
            {
                return channel;
            }
        }

        return t switch
        {
            "网站" or "门户网站" => PublicationChannel.GovernmentWebsite,
            "公报" => PublicationChannel.GovernmentGazette,
            "新媒体" or "微信公众号" or "政务微博" => PublicationChannel.NewMedia,
            "报刊" or "广播" or "电视" => PublicationChannel.PressAndBroadcast,
            "信息公开栏" or "电子屏" => PublicationChannel.NoticeBoard,
            _ => null,
        };
    }

    /// <summary>The stored form of a set of channels: codes joined by commas, in <see cref="All"/> order.</summary>
    public static string Join(IEnumerable<PublicationChannel> channels)
    {
        var set = channels.ToHashSet();
        return string.Join(",", All.Where(set.Contains).Select(c => c.Key()));
    }

    /// <summary>The channels of a stored string (see <see cref="Join"/>); unknown codes are a bug.</summary>
    public static IReadOnlyList<PublicationChannel> Split(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => Parse(k) ?? throw new InvalidDataException($"Unknown publication channel code '{k}'."))
            .ToList();
}
