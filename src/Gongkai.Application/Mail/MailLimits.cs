using Gongkai.Domain.Disclosure;

namespace Gongkai.Application.Mail;

/// <summary>
/// The most that one e-mail to an applicant may carry in files (<c>Mail__MaxAttachmentMegabytes</c>, 20 MB unless set):
/// mail servers refuse larger messages, often days later and out of sight, so a reply by e-mail (送达, Art. 40) whose
/// 答复书 and documents come to more is refused before anything is recorded, and the office chooses another method.
/// The files grow by a third when encoded for mail; set the figure to what the office's mail server accepts.
/// </summary>
public sealed record MailLimits(long MaxAttachmentBytes)
{
    /// <summary>20 MB.</summary>
    public static MailLimits Default { get; } = new(20L * 1024 * 1024);

    /// <summary>A limit of <paramref name="megabytes"/> MB (at least 1).</summary>
    public static MailLimits Megabytes(double megabytes) => new((long)(Math.Max(1, megabytes) * 1024 * 1024));

    /// <summary>Why files of <paramref name="bytes"/> in all cannot go by e-mail, or null when they can.</summary>
    public string? Problem(long bytes, string what) => bytes <= MaxAttachmentBytes
        ? null
        : $"{what}共{AttachmentRules.Megabytes(bytes)}，超过电子邮件附件的上限（{AttachmentRules.Megabytes(MaxAttachmentBytes)}），邮件发不出去";
}
