using System.Security.Claims;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Text;
using Gongkai.Web.Security;

namespace Gongkai.Web.Cases;

/// <summary>Chinese labels of case data, and the masking of people's data for roles that do not need it.</summary>
public static class CaseText
{
    public static string Status(string? status) => Enum.TryParse<CaseStatus>(status, out var s) ? Status(s) : status ?? string.Empty;

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.NotRegistered => "待确认",
        CaseStatus.Open => "办理中",
        CaseStatus.AwaitingSupplement => "待补正",
        CaseStatus.InConsultation => "征求意见中",
        CaseStatus.AwaitingFee => "待缴费",
        CaseStatus.Closed => "已办结",
    };

    public static string Channel(string? channel) => Enum.TryParse<Channel>(channel, out var c) ? c.Label() : channel ?? string.Empty;

    public static string Applicant(string? type) => Enum.TryParse<ApplicantType>(type, out var t) ? t.Label() : type ?? string.Empty;

    public static string Outcome(string? outcome) => Enum.TryParse<CaseOutcome>(outcome, out var o) ? o.Label() : outcome ?? string.Empty;

    public static string Date(DateOnly? date) => date is { } d ? DateText.Iso(d) : "—";

    /// <summary>公开办 and administrators see people's data in full; every other role sees it masked.</summary>
    public static bool SeesPersonalData(ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.DisclosureOfficer) || user.IsInRole(StaffRoles.Administrator);

    /// <summary>
    /// An identity number with all but the first 4 and last 4 characters hidden (4401**********1234), recognised after
    /// <see cref="Normalize"/>: full-width letters and digits, and spaces, dashes or colons typed inside the number, do
    /// not let it through. A type written before it (<c>居民身份证：</c>, either colon) is kept.
    /// </summary>
    public static string MaskId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return string.Empty;
        }

        // "居民身份证：440106…" keeps its type (the text up to the first colon followed by a digit or letter) and masks the number.
        var normalized = Normalize(id);
        var type = string.Empty;
        var colon = FirstTypeColon(id);
        if (colon >= 0)
        {
            type = id[..(colon + 1)];
            normalized = Normalize(id[(colon + 1)..]);
        }

        var number = new string([.. normalized.Where(char.IsAsciiLetterOrDigit)]);
        var masked = number.Length <= 8 ? new string('*', Math.Max(number.Length, 1)) : string.Concat(number.AsSpan(0, 4), new string('*', number.Length - 8), number.AsSpan(number.Length - 4));
        return type + masked;
    }

    /// <summary>
    /// Every phone number shown as its first 3 and last 4 digits (138****5678). Digits are recognised after
    /// <see cref="Normalize"/>: full-width digits, and spaces, dashes, dots, brackets or colons between digits
    /// (<c>138-1234-5678</c>, <c>138 1234 5678</c>, <c>(010) 1234 5678</c>) make one run; a run of 7 or more digits is masked.
    /// </summary>
    public static string MaskPhones(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = Normalize(text);
        var sb = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < normalized.Length)
        {
            if (!char.IsAsciiDigit(normalized[i]))
            {
                sb.Append(text[i]);
                i++;
                continue;
            }

            // A run of digits, separators allowed between digits.
            var digits = new System.Text.StringBuilder();
            var j = i;
            var end = i;
            while (j < normalized.Length && (char.IsAsciiDigit(normalized[j]) || IsSeparator(normalized[j])))
            {
                if (char.IsAsciiDigit(normalized[j]))
                {
                    digits.Append(normalized[j]);
                    end = j + 1;
                }

                j++;
            }

            if (digits.Length >= 7)
            {
                var d = digits.ToString();
                sb.Append(d, 0, 3).Append('*', d.Length - 7).Append(d, d.Length - 4, 4);
            }
            else
            {
                sb.Append(text, i, end - i);
            }

            i = end;
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text with full-width forms (U+FF01–U+FF5E: digits, letters, colon, dash…) and the ideographic space turned into
    /// their ASCII equivalents, character for character (the same length, so positions still match the original).
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                    _ => c,
                };
            }
        });
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '(' or ')' or ':' or '/' or '\u00A0';

    /// <summary>The colon that ends a type label (居民身份证：), or -1: the last colon (either width) before the first digit.</summary>
    private static int FirstTypeColon(string id)
    {
        var normalized = Normalize(id);
        var firstDigit = normalized.IndexOfAny("0123456789".ToCharArray());
        var limit = firstDigit < 0 ? normalized.Length : firstDigit;
        var colon = normalized.LastIndexOf(':', Math.Max(limit - 1, 0));
        return colon >= 0 && colon < limit && colon > 0 ? colon : -1;
    }

    public static string Id(ClaimsPrincipal user, string? id) => SeesPersonalData(user) ? id ?? string.Empty : MaskId(id);

    public static string Contact(ClaimsPrincipal user, string? contact) => SeesPersonalData(user) ? contact ?? string.Empty : MaskPhones(contact);
}

/// <summary>The outcome catalog grouped like the rows of the report's section 三.</summary>
public static class OutcomeGroups
{
    public static string Group(CaseOutcome outcome) => outcome.Info().RowKey2021.Split('.')[0] switch
    {
        "granted" => "（一）予以公开",
        "partiallyGranted" => "（二）部分公开",
        "withheld" => "（三）不予公开",
        "unavailable" => "（四）无法提供",
        "notProcessed" => "（五）不予处理",
        _ => "（六）其他处理",
    };
}
