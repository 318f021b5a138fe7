using System.Text.RegularExpressions;

namespace Gongkai.Domain.Identifiers;

/// <summary>
/// A telephone number an office can call back (Art. 29 asks for the applicant's 联系方式): a mainland mobile number
/// (11 digits starting 13–19) or a fixed line with its area code (0 and two or three digits, then 7 or 8 digits,
/// an extension allowed). "+86"/"86" in front, spaces and dashes are accepted.
/// </summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex FixedLine();

    /// <summary>Half-width, without spaces and without a leading +86.</summary>
    public static string Normalise(string value)
    {
        var text = IdentifierText.Normalise(value).Replace(" ", "", StringComparison.Ordinal);
        if (text.StartsWith("+86", StringComparison.Ordinal))
        {
            text = text[3..].TrimStart('-');
        }
        else if (text.StartsWith("86", StringComparison.Ordinal) && text.Length == 13)
        {
            text = text[2..];
        }

        return text;
    }

    /// <summary>Null when <paramref name="value"/> is a mobile or fixed-line number; otherwise what is wrong, in Chinese.</summary>
    public static string? Problem(string value)
    {
        var text = Normalise(value);
        var digitsOnly = text.Replace("-", "", StringComparison.Ordinal);
        if (Mobile().IsMatch(digitsOnly) || FixedLine().IsMatch(text))
        {
            return null;
        }

        return "请填写11位手机号码，或带区号的固定电话（如 0571-87654321）。";
    }
}
