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

    /// <summary>An identity number with all but the first 4 and last 4 characters hidden (4401**********1234).</summary>
    public static string MaskId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return string.Empty;
        }

        // "居民身份证：440106…" keeps its type and masks the number.
        var colon = id.LastIndexOf('：');
        if (colon >= 0)
        {
            return string.Concat(id.AsSpan(0, colon + 1), MaskId(id[(colon + 1)..]));
        }

        return id.Length <= 8 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 8), id.AsSpan(id.Length - 4));
    }

    /// <summary>Every run of 7 or more digits (phone numbers) shown as its first 3 and last 4 (138****5678).</summary>
    public static string MaskPhones(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var j = i;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j - i >= 7)
            {
                sb.Append(text, i, 3).Append('*', j - i - 7).Append(text, j - 4, 4);
                i = j;
            }
            else if (j > i)
            {
                sb.Append(text, i, j - i);
                i = j;
            }
            else
            {
                sb.Append(text[i]);
                i++;
            }
        }

        return sb.ToString();
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
