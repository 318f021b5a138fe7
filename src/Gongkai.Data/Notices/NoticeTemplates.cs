using System.Text.RegularExpressions;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Notices;

/// <summary>A kind of notice (告知书) and its default template.</summary>
public sealed record NoticeKind(string Key, string Title, string DefaultBody);

/// <summary>
/// The notices an office sends (Art. 36 reply types, 补正 Art. 30, 延期 Art. 33, 收费), their default templates carrying
/// what the Regulation requires each to say, and the agency's own edited templates (table <c>notice_templates</c>).
/// Placeholders: {申请人} {申请编号} {收到日期} {答复期限} {答复日期} {所需信息} {机关名称} {办理结果} {补正期限} {送达方式} {送达日期}
/// {延期天数} {收费金额} {收费依据} {缴费工作日} {理由} {获取方式和途径} {负责机关名称} {负责机关联系方式} {复议机关} {人民法院}; a placeholder with no value is
/// printed as a blank line to fill in by hand.
/// </summary>
public static partial class NoticeTemplates
{
    private const string Head = "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{所需信息}”。";

    /// <summary>
    /// 救济途径 (Art. 51; 行政复议法 Art. 20: 60 days; 行政诉讼法 Art. 46: 6 months — docs/legal.md §1.7, marked U: the
    /// periods are in the template, which the administrator can edit): the review body and the court come from the
    /// agency's settings (机关设置与公开指南).
    /// </summary>
    private const string Remedy = "如对本答复不服，可以自收到本答复书之日起60日内向{复议机关}申请行政复议，也可以自收到本答复书之日起6个月内向{人民法院}提起行政诉讼（《中华人民共和国政府信息公开条例》第五十一条）。";

    /// <summary>The same remedies for a notice that is not an Art. 36 reply but decides on the applicant's rights (收费).</summary>
    private const string NoticeRemedy = "如对本通知不服，可以自收到本通知之日起60日内向{复议机关}申请行政复议，也可以自收到本通知之日起6个月内向{人民法院}提起行政诉讼（《中华人民共和国政府信息公开条例》第五十一条）。";

    /// <summary>The placeholders a notice can carry, in the order the administrator's page lists them.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
    [
        "申请人", "申请编号", "收到日期", "答复期限", "答复日期", "所需信息", "机关名称", "机关联系方式", "办理结果", "补正期限",
        "延期天数", "收费金额", "收费依据", "缴费工作日", "理由", "获取方式和途径", "负责机关名称", "负责机关联系方式", "复议机关", "人民法院",
    ];

    public static IReadOnlyList<NoticeKind> All { get; } =
    [
        new("art36-1", "政府信息公开申请答复书（已主动公开）",
            Head + "\n经审查，您申请获取的政府信息已经主动公开。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项，告知您获取该政府信息的方式和途径：{获取方式和途径}。\n" + Remedy),
        new("art36-2", "政府信息公开申请答复书（予以公开）",
            Head + "\n经审查，您申请获取的政府信息属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第（二）项，本机关予以公开，获取的方式、途径和时间：{获取方式和途径}。\n" + Remedy),
        new("art36-3", "政府信息公开申请答复书（不予公开）",
            Head + "\n经审查，您申请获取的政府信息属于不予公开的范围。根据《中华人民共和国政府信息公开条例》第三十六条第（三）项，本机关决定不予公开，理由如下：{理由}。\n" + Remedy),
        new("art36-4", "政府信息公开申请答复书（信息不存在）",
            Head + "\n经检索，本机关没有制作或者获取您所申请的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项，告知您该政府信息不存在。\n" + Remedy),
        new("art36-5", "政府信息公开申请答复书（非本机关负责公开）",
            Head + "\n经审查，您申请获取的政府信息不属于本机关负责公开，理由：{理由}。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项，告知您该政府信息的负责公开机关为{负责机关名称}，联系方式：{负责机关联系方式}。\n" + Remedy),
        new("art36-6", "政府信息公开申请答复书（重复申请）",
            Head + "\n经审查，您的申请属于重复申请，本机关已就相同政府信息作出过答复，且您未提出新的理由。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项，本机关不予重复处理。\n" + Remedy),
        new("art36-7", "政府信息公开申请答复书（依照有关法律法规办理）",
            Head + "\n经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的情形。根据《中华人民共和国政府信息公开条例》第三十六条第（七）项，请您依照有关法律、行政法规的规定办理：{获取方式和途径}。\n" + Remedy),
        new("reply", "政府信息公开申请答复书",
            Head + "\n经审查，办理结果为：{办理结果}。理由：{理由}。\n" + Remedy),
        new("supplement", "政府信息公开申请补正告知书",
            Head + "\n经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条，请您于{补正期限}前对以下内容作出补正：{理由}。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        new("extension", "政府信息公开申请延期答复告知书",
            Head + "\n因{理由}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款，经政府信息公开工作机构负责人同意，答复期限延长{延期天数}个工作日，延长后的答复期限为{答复期限}。"),
        new("art35", "政府信息公开申请答复期限告知书",
            Head + "\n您申请的数量、频次明显超过合理范围，经审查，您说明的理由合理，但本机关无法在规定期限内答复。根据《中华人民共和国政府信息公开条例》第三十五条，本机关确定的答复期限为{答复期限}，理由：{理由}。"),
        new("fee", "政府信息公开信息处理费缴费通知书",
            Head + "\n根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》，您的申请应缴纳信息处理费{收费金额}元。计收依据和标准：{收费依据}。请自收到本通知之日起{缴费工作日}个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。\n" + NoticeRemedy),
        new(DeliveryReceipt, "送达回证",
            "送达文书：政府信息公开申请答复书（申请编号：{申请编号}，答复日期：{答复日期}）\n受送达人：{申请人}\n送达方式：{送达方式}\n受送达人收到日期：{送达日期}\n受送达人签名或者盖章：＿＿＿＿＿＿\n送达人：＿＿＿＿＿＿\n备注：邮寄送达的，附邮件签收记录；电子邮件或者在线送达的，附发送和查阅记录。"),
    ];

    /// <summary>送达回证: the proof that the reply reached the applicant (method and date of receipt), once 送达 is recorded.</summary>
    public const string DeliveryReceipt = "delivery-receipt";

    /// <summary>The kinds whose notice the applicant may contest, and which therefore state the 救济途径 (Art. 51).</summary>
    public static bool StatesRemedies(string key) => key.StartsWith("art36-", StringComparison.Ordinal) || key is "reply" or "fee";

    /// <summary>
    /// The information asked for as prose inside the notice's quotation marks: the stored <c>名称：…；文号：…；描述：…</c>
    /// without its labels (the name, the document number in parentheses, then the description), and without a closing
    /// full stop, since the sentence supplies its own.
    /// </summary>
    public static string? RequestProse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return stored;
        }

        var m = LabelledRequest().Match(stored.Trim());
        string text;
        if (m.Success && (m.Groups["name"].Success || m.Groups["number"].Success || m.Groups["desc"].Success))
        {
            var name = m.Groups["name"].Success ? TrimEnd(m.Groups["name"].Value) : string.Empty;
            var number = m.Groups["number"].Success ? TrimEnd(m.Groups["number"].Value) : string.Empty;
            var desc = m.Groups["desc"].Success ? TrimEnd(m.Groups["desc"].Value) : string.Empty;
            var head = name.Length > 0 && number.Length > 0 ? $"{name}（{number}）" : name + number;
            text = head.Length > 0 && desc.Length > 0 ? $"{head}，{desc}" : head + desc;
        }
        else
        {
            text = TrimEnd(stored);
        }

        return text;
    }

    private static string TrimEnd(string text) => text.Trim().TrimEnd('。', '；', '，', '、', '.', ';', ',', ' ', '\n');

    [GeneratedRegex(@"^(?:名称：(?<name>.*?))?(?:；?文号：(?<number>.*?))?(?:；?描述：(?<desc>.*))?$", RegexOptions.Singleline)]
    private static partial Regex LabelledRequest();

    public static NoticeKind? Find(string key) => All.FirstOrDefault(k => k.Key == key);

    /// <summary>The notice kinds that fit a case now: its Art. 36 reply types once replied, and 补正/延期/收费/合理期限 (Art. 35) as they apply.</summary>
    public static IReadOnlyList<NoticeKind> For(ApplicationCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var keys = new List<string>();
        if (c.Outcome is { } outcome)
        {
            var types = outcome.Info().ReplyTypes;
            keys.AddRange(types.Count == 0 ? ["reply"] : types.Select(t => "art36-" + ((int)t + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (c.SupplementRequestedOn is not null)
        {
            keys.Add("supplement");
        }

        if (c.Extension is not null)
        {
            keys.Add("extension");
        }

        if (c.Fee is not null)
        {
            keys.Add("fee");
        }

        if (c.ReasonableReplyBy is not null)
        {
            keys.Add("art35");
        }

        if (c.DeliveredOn is not null)
        {
            keys.Add(DeliveryReceipt);
        }

        return [.. keys.Distinct().Select(k => Find(k)!)];
    }

    /// <summary>The agency's template of the kind: its own, or the default.</summary>
    public static async Task<(string Title, string Body)> LoadAsync(GongkaiDbContext db, int agencyId, NoticeKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kind);
        var own = await db.NoticeTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.AgencyId == agencyId && t.Kind == kind.Key, cancellationToken);
        return own is null ? (kind.Title, kind.DefaultBody) : (own.Title, own.Body);
    }

    /// <summary>Saves the agency's template of the kind.</summary>
    public static async Task SaveAsync(GongkaiDbContext db, int agencyId, NoticeKind kind, string title, string body, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kind);
        var own = await db.NoticeTemplates.SingleOrDefaultAsync(t => t.AgencyId == agencyId && t.Kind == kind.Key, cancellationToken);
        if (own is null)
        {
            db.NoticeTemplates.Add(new NoticeTemplateRecord { AgencyId = agencyId, Kind = kind.Key, Title = title, Body = body, UpdatedAt = now });
        }
        else
        {
            own.Title = title;
            own.Body = body;
            own.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Replaces every {名称} by its value; an unknown or empty one becomes a blank line (＿＿＿＿＿＿).</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        // The template supplies the punctuation around a value: a value's own closing 。 or ； would double it.
        var filled = Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) && !string.IsNullOrWhiteSpace(v) ? TrimEnd(v) : "＿＿＿＿＿＿");
        return DoubledStop().Replace(filled, "$1");
    }

    [GeneratedRegex(@"([。，；：])\1+")]
    private static partial Regex DoubledStop();

    [GeneratedRegex(@"\{([^{}\s]{1,20})\}")]
    private static partial Regex Placeholder();
}
