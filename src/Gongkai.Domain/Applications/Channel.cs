namespace Gongkai.Domain.Applications;

/// <summary>How an application reached the agency (Art. 29; channels per [I2017], docs/legal.md §1.4).</summary>
public enum Channel
{
    /// <summary>当面提交: date of receipt is the day it is handed in (Art. 31).</summary>
    InPerson,

    /// <summary>邮寄 (需签收): date of receipt is the day the agency signs for it (Art. 31).</summary>
    SignedPost,

    /// <summary>平常信函等无需签收的邮寄方式: date of receipt is the day the office confirms with the applicant (Art. 31).</summary>
    OrdinaryPost,

    /// <summary>互联网渠道 (online form): date of receipt is the day both sides confirm (Art. 31).</summary>
    Online,

    /// <summary>传真: date of receipt is the day both sides confirm (Art. 31).</summary>
    Fax,

    /// <summary>
    /// 电子邮件: not listed by Art. 31; treated as an internet channel (confirmation date) — P/interpretation,
    /// configurable through <see cref="CaseRules.EmailReceipt"/> (docs/legal.md §1.4).
    /// </summary>
    Email,

    /// <summary>其他公布的渠道: per [I2015], the day both sides confirm unless the agency's rules say otherwise.</summary>
    Other,
}

/// <summary>How the date of receipt of an e-mailed application is fixed (docs/legal.md §1.4, P/interpretation).</summary>
public enum EmailReceiptRule
{
    /// <summary>Default: e-mail is an internet channel under Art. 31, the day both sides confirm (双方确认之日).</summary>
    ConfirmationDate,

    /// <summary>[I2015]: the day the agency's mail system receives it (自电子邮件系统接收之日).</summary>
    MailSystemReceipt,
}

/// <summary>Art. 31: which date is the date of receipt (收到申请之日), by channel.</summary>
public static class ReceiptRules
{
    /// <summary>The channel's short label (当面, 邮寄, 平信, 网络, 传真, 电子邮件, 其他).</summary>
    public static string Label(this Channel channel) => channel switch
    {
        Channel.InPerson => "当面",
        Channel.SignedPost => "邮寄",
        Channel.OrdinaryPost => "平信",
        Channel.Online => "网络",
        Channel.Fax => "传真",
        Channel.Email => "电子邮件",
        Channel.Other => "其他",
    };

    /// <summary>
    /// Art. 31: whether the date of receipt is a confirmation with the applicant rather than the day the
    /// application arrived (平信, 网络, 传真, 其他; 电子邮件 unless <see cref="EmailReceiptRule.MailSystemReceipt"/>).
    /// </summary>
    public static bool RequiresConfirmation(this Channel channel, CaseRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return channel switch
        {
            Channel.InPerson or Channel.SignedPost => false,
            Channel.OrdinaryPost or Channel.Online or Channel.Fax or Channel.Other => true,
            Channel.Email => rules.EmailReceipt switch
            {
                EmailReceiptRule.ConfirmationDate => true,
                EmailReceiptRule.MailSystemReceipt => false,
            },
        };
    }

    /// <summary>
    /// Art. 31: the date of receipt, from the day the application arrived (handed in, signed for, reached the
    /// office or the mail system) and the day of confirmation with the applicant. Null when the channel needs a
    /// confirmation that has not been recorded: the clock has not started.
    /// </summary>
    public static DateOnly? DateOfReceipt(Channel channel, DateOnly arrivedOn, DateOnly? confirmedOn, CaseRules rules) =>
        channel.RequiresConfirmation(rules) ? confirmedOn : arrivedOn;

    /// <summary>Why a registration lacks its date of receipt, in Chinese, or null when it has one.</summary>
    internal static string? MissingReceipt(Channel channel, DateOnly arrivedOn, DateOnly? confirmedOn, CaseRules rules)
    {
        if (confirmedOn is { } confirmed && confirmed < arrivedOn)
        {
            return $"确认日期{Text.DateText.Iso(confirmed)}早于申请到达日期{Text.DateText.Iso(arrivedOn)}";
        }

        return channel.RequiresConfirmation(rules) && confirmedOn is null
            ? $"以{channel.Label()}方式提交的申请，以与申请人确认之日为收到申请之日（第三十一条），请填写确认日期"
            : null;
    }
}
