namespace Gongkai.Domain.Identifiers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capital letters without
/// I, O, S, V, Z); the 18th is a check character computed from the first 17 (weights 3^i mod 31).
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The code in its canonical form: trimmed, upper-case, full-width characters made half-width.</summary>
    public static string Normalise(string value) => IdentifierText.Normalise(value).ToUpperInvariant();

    /// <summary>Null when <paramref name="value"/> is a valid code; otherwise what is wrong, in Chinese.</summary>
    public static string? Problem(string value)
    {
        var code = Normalise(value);
        if (code.Length != 18)
        {
            return $"统一社会信用代码应为18位，现为{code.Length}位。";
        }

        var sum = 0;
        for (var i = 0; i < 18; i++)
        {
            var index = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (index < 0)
            {
                return $"统一社会信用代码第{i + 1}位“{code[i]}”不是有效字符（不使用 I、O、S、V、Z）。";
            }

            if (i < 17)
            {
                sum += index * Weights[i];
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return "统一社会信用代码第3至8位应为登记管理机关的行政区划码（数字）。";
            }
        }

        var check = Alphabet[(31 - (sum % 31)) % 31];
        return code[17] == check ? null : "统一社会信用代码的校验位不符，请核对是否抄错。";
    }

    public static bool IsValid(string value) => Problem(value) is null;
}
