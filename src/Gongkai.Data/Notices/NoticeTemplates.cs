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
/// {延期天数} {收费金额} {缴费工作日} {理由} {获取方式和途径} {负责机关名称} {负责机关联系方式}; a placeholder with no value is
/// printed as a blank line to fill in by hand.
/// </summary>
public static partial class NoticeTemplates
{
    private const string Head = "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{所需信息}”。";
    private const string Remedy = "如对本答复不服，可以自收到本告知书之日起60日内依法申请行政复议，或者在6个月内依法提起行政诉讼。";

    public static IReadOnlyList<NoticeKind> All { get; } =
    [
        new("art36-1", "政府信息公开申请答复书（已主动公开）",
            Head + "\n经审查，您申请获取的政府信息已经主动公开（《中华人民共和国政府信息公开条例》第三十六条第（一）项）。您可以通过以下方式和途径获取：{获取方式和途径}。\n" + Remedy),
        new("art36-2", "政府信息公开申请答复书（予以公开）",
            Head + "\n经审查，您申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项，本机关予以公开。获取的方式、途径和时间：{获取方式和途径}。\n" + Remedy),
        new("art36-3", "政府信息公开申请答复书（不予公开）",
            Head + "\n经审查，您申请获取的政府信息属于不予公开的范围，根据《中华人民共和国政府信息公开条例》第三十六条第（三）项，本机关不予公开。理由如下：{理由}。\n" + Remedy),
        new("art36-4", "政府信息公开申请答复书（信息不存在）",
            Head + "\n经检索，本机关没有制作或获取您所申请的政府信息，根据《中华人民共和国政府信息公开条例》第三十六条第（四）项，告知您该政府信息不存在。\n" + Remedy),
        new("art36-5", "政府信息公开申请答复书（非本机关负责公开）",
            Head + "\n经审查，您申请获取的政府信息不属于本机关负责公开（《中华人民共和国政府信息公开条例》第三十六条第（五）项），理由：{理由}。该政府信息的负责公开机关为{负责机关名称}，联系方式：{负责机关联系方式}。\n" + Remedy),
        new("art36-6", "政府信息公开申请答复书（重复申请）",
            Head + "\n经审查，您的申请属于重复申请，本机关已就相同政府信息作出过答复，根据《中华人民共和国政府信息公开条例》第三十六条第（六）项，不予重复处理。\n" + Remedy),
        new("art36-7", "政府信息公开申请答复书（依照有关法律法规办理）",
            Head + "\n经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的情形，根据《中华人民共和国政府信息公开条例》第三十六条第（七）项，请依照有关法律、行政法规的规定办理：{获取方式和途径}。\n" + Remedy),
        new("reply", "政府信息公开申请答复书",
            Head + "\n经审查，办理结果为：{办理结果}。理由：{理由}。\n" + Remedy),
        new("supplement", "政府信息公开申请补正告知书",
            Head + "\n经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条，请您于{补正期限}前对以下内容作出补正：{理由}。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        new("extension", "政府信息公开申请延期答复告知书",
            Head + "\n因{理由}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款，经政府信息公开工作机构负责人同意，答复期限延长{延期天数}个工作日，延长后的答复期限为{答复期限}。"),
        new("art35", "政府信息公开申请答复期限告知书",
            Head + "\n您申请的数量、频次明显超过合理范围，经审查，您说明的理由合理，但本机关无法在规定期限内答复。根据《中华人民共和国政府信息公开条例》第三十五条，本机关确定的答复期限为{答复期限}。理由：{理由}。"),
        new("fee", "政府信息公开信息处理费缴费通知书",
            Head + "\n根据《政府信息公开信息处理费管理办法》，您的申请应缴纳信息处理费{收费金额}元。请自收到本通知之日起{缴费工作日}个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。"),
        new(DeliveryReceipt, "送达回证",
            "送达文书：政府信息公开申请答复书（申请编号：{申请编号}，答复日期：{答复日期}）\n受送达人：{申请人}\n送达方式：{送达方式}\n受送达人收到日期：{送达日期}\n受送达人签名或者盖章：＿＿＿＿＿＿\n送达人：＿＿＿＿＿＿\n备注：邮寄送达的，附邮件签收记录；电子邮件或者在线送达的，附发送和查阅记录。"),
    ];

    /// <summary>送达回证: the proof that the reply reached the applicant (method and date of receipt), once 送达 is recorded.</summary>
    public const string DeliveryReceipt = "delivery-receipt";

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
        return Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : "＿＿＿＿＿＿");
    }

    [GeneratedRegex(@"\{([^{}\s]{1,20})\}")]
    private static partial Regex Placeholder();
}
