using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Text;

namespace Gongkai.Web.Catalog;

/// <summary>The Art. 12 fields of a catalogue item as the office types them in the draft form.</summary>
public sealed class CatalogItemInput
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public DateOnly? GeneratedOn { get; set; }

    public string? CategoryCode { get; set; }

    public string? Publisher { get; set; }

    public string? DocumentNumber { get; set; }

    /// <summary>Channel keys (<see cref="PublicationChannels.Key"/>).</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>The fields from an item, to edit it.</summary>
    public static CatalogItemInput From(CatalogItem item) => new()
    {
        Title = item.Title,
        Summary = item.Summary,
        GeneratedOn = item.GeneratedOn,
        CategoryCode = item.CategoryCode,
        Publisher = item.Publisher,
        DocumentNumber = item.DocumentNumber,
        Channels = item.Channels.Select(c => c.Key()).ToList(),
    };

    /// <summary>
    /// What is missing or unusable, each naming its field in Chinese (the domain adds its own Art. 12 checks);
    /// <paramref name="channels"/> are the channels chosen. 生成日期 may not be after <paramref name="today"/>: the Art. 26
    /// clock starts on it, and a date to come would keep an unpublished item from ever being overdue.
    /// </summary>
    public List<string> Problems(out IReadOnlyList<PublicationChannel> channels, DateOnly today)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add("名称：必填（第十二条）");
        }
        else if (Title.Trim().Length > 500)
        {
            problems.Add("名称：不应超过500字");
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            problems.Add("内容概述：必填（第十二条）");
        }

        if (GeneratedOn is null)
        {
            problems.Add("生成日期：必填，格式为 年-月-日（第二十六条的发布期限从这一天起算）");
        }
        else if (GeneratedOn > today)
        {
            problems.Add($"生成日期：{DateText.Iso(GeneratedOn.Value)} 晚于今天，应为信息形成或变更之日（第二十六条）");
        }

        if (string.IsNullOrWhiteSpace(CategoryCode))
        {
            problems.Add("主题分类：请选择");
        }

        if (DocumentNumber is { Length: > 100 })
        {
            problems.Add("文号：不应超过100字");
        }

        if (Publisher is { Length: > 200 })
        {
            problems.Add("发布机构：不应超过200字");
        }

        var parsed = new List<PublicationChannel>();
        foreach (var key in Channels)
        {
            if (PublicationChannels.Parse(key) is { } c)
            {
                parsed.Add(c);
            }
            else
            {
                problems.Add($"发布渠道：没有“{key}”这一渠道");
            }
        }

        if (parsed.Count == 0 && problems.All(p => !p.StartsWith("发布渠道", StringComparison.Ordinal)))
        {
            problems.Add("发布渠道：请至少选择一个（第二十三条）");
        }

        channels = parsed;
        return problems;
    }

    /// <summary>The edit for the store; call after <see cref="Problems"/> found none.</summary>
    public CatalogEdit ToEdit(IReadOnlyList<PublicationChannel> channels, string defaultPublisher) =>
        new(Title!.Trim(), Summary!.Trim(), GeneratedOn!.Value, CategoryCode!, string.IsNullOrWhiteSpace(Publisher) ? defaultPublisher : Publisher.Trim(),
            DocumentNumber, channels);
}
