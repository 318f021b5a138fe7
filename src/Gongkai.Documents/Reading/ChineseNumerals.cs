namespace Gongkai.Documents.Reading;

/// <summary>Numbers as reports print them: Arabic digits or Chinese numerals (五, 十二, 二〇二〇, 一百零三, 两).</summary>
internal static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>Reads Arabic or Chinese numerals; false for anything else.</summary>
    public static bool TryParse(string text, out int value)
    {
        value = 0;
        var s = CellText.Clean(text).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0 || s.Length > 12)
        {
            return false;
        }

        if (s.All(char.IsAsciiDigit))
        {
            return int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        s = s.Replace('零', '〇').Replace('○', '〇').Replace('O', '〇').Replace('两', '二');
        if (s.All(c => Digits.Contains(c)))
        {
            // Digit by digit, as years are written: 二〇二〇.
            foreach (var c in s)
            {
                value = (value * 10) + Digits.IndexOf(c);
            }

            return true;
        }

        int total = 0, section = 0, digit = 0;
        var any = false;
        foreach (var c in s)
        {
            var d = Digits.IndexOf(c);
            if (d >= 0)
            {
                digit = d;
                any = true;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0)
            {
                return false;
            }

            any = true;
            if (unit == 10000)
            {
                total += (section + digit) * unit;
                section = 0;
            }
            else
            {
                section += (digit == 0 && unit == 10 ? 1 : digit) * unit;
            }

            digit = 0;
        }

        value = total + section + digit;
        return any;
    }
}
