using System.Globalization;

namespace Gongkai.Domain.Identifiers;

/// <summary>
/// 公民身份号码 (GB 11643-1999), the number on a 居民身份证: a six-digit area code, the date of birth (yyyyMMdd), a
/// three-digit sequence and a check character (ISO 7064 MOD 11-2; X stands for 10).
/// </summary>
public static class ResidentIdentityNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string Checks = "10X98765432";

    public static string Normalise(string value) => IdentifierText.Normalise(value).ToUpperInvariant();

    /// <summary>Null when <paramref name="value"/> is a valid number on <paramref name="today"/>; otherwise what is wrong, in Chinese.</summary>
    public static string? Problem(string value, DateOnly today)
    {
        var number = Normalise(value);
        if (number.Length != 18)
        {
            return $"居民身份证号码应为18位，现为{number.Length}位。";
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return "居民身份证号码前17位应为数字。";
            }

            sum += (number[i] - '0') * Weights[i];
        }

        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1850 || birth > today)
        {
            return "居民身份证号码第7至14位应为有效的出生日期。";
        }

        return number[17] == Checks[sum % 11] ? null : "居民身份证号码的校验位不符，请核对是否抄错。";
    }
}
