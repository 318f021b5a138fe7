using System.Text.RegularExpressions;

namespace Gongkai.Application.Mail;

/// <summary>The applicant's e-mail address and mobile number as a case keeps them (<c>电话：…；电子邮箱：…</c>).</summary>
public static partial class ApplicantMail
{
    /// <summary>The e-mail address in a case's contact text, if any.</summary>
    public static string? Email(string? contact) =>
        contact is not null && EmailPart().Match(contact) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    /// <summary>The mobile number in a case's contact text, if any (SMS goes only to mobiles).</summary>
    public static string? Mobile(string? contact) =>
        contact is not null && MobilePart().Match(contact) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("电子邮箱：([^；\\s]+@[^；\\s]+)")]
    private static partial Regex EmailPart();

    [GeneratedRegex("电话：(?:\\+?86)?[ -]?(1[3-9]\\d{9})\\b")]
    private static partial Regex MobilePart();
}
