namespace Gongkai.Domain.Identifiers;

/// <summary>What people type into identifier fields: full-width digits and letters, spaces around, dashes of many kinds.</summary>
internal static class IdentifierText
{
    public static string Normalise(string value)
    {
        var chars = value.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                chars[i] = (char)(c - 0xFEE0);
            }
            else if (c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFF0D')
            {
                chars[i] = '-';
            }
            else if (c == '\u3000')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars).Trim();
    }
}
