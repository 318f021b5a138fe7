namespace Gongkai.Web.Mail;

/// <summary>
/// The SMTP server mail is sent through (<c>Mail__Host</c>, <c>Mail__Port</c>, <c>Mail__UserName</c>, <c>Mail__Password</c>,
/// <c>Mail__From</c>, <c>Mail__Security</c>). No host: no mail is sent (messages wait in the outbox), and the
/// administrator's settings page says so.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address (<c>公开办 &lt;gongkai@example.gov.cn&gt;</c> or a bare address).</summary>
    public string? From { get; set; }

    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c> (the default: STARTTLS when offered).</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>How often the worker looks for mail to send, in seconds.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>
    /// The most one e-mail to an applicant may carry in files, in MB (<c>Mail__MaxAttachmentMegabytes</c>, 20 unless set):
    /// a reply with more is not sent by e-mail (<see cref="Gongkai.Application.Mail.MailLimits"/>).
    /// </summary>
    public double MaxAttachmentMegabytes { get; set; } = 20;

    public bool Configured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
