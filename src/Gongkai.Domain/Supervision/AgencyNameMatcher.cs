using System.Text;

namespace Gongkai.Domain.Supervision;

/// <summary>How a report's agency name was matched to an agency of the tree.</summary>
public enum NameMatchKind
{
    /// <summary>No agency resembles the name.</summary>
    None,

    /// <summary>The exact name.</summary>
    Exact,

    /// <summary>The same name once spaces, brackets and punctuation are ignored.</summary>
    Normalised,

    /// <summary>A similar name (one contains the other, or most two-character pieces agree): to be checked by a person.</summary>
    Similar,
}

/// <summary>
/// Matches the reporting body's name found in an uploaded report (the reader's <c>agency</c>) to one of a set of
/// agencies: exact, then normalised, then similar. The office confirms or corrects every match before anything is saved.
/// </summary>
public static class AgencyNameMatcher
{
    /// <summary>The similarity (Dice coefficient of two-character pieces) from which a name counts as similar.</summary>
    public const double SimilarFrom = 0.6;

    public static (T? Agency, NameMatchKind Kind) Match<T>(string? found, IReadOnlyList<T> agencies, Func<T, string> name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(found))
        {
            return (null, NameMatchKind.None);
        }

        var trimmed = found.Trim();
        if (agencies.FirstOrDefault(a => name(a) == trimmed) is { } exact)
        {
            return (exact, NameMatchKind.Exact);
        }

        var normal = Normalise(trimmed);
        if (agencies.FirstOrDefault(a => Normalise(name(a)) == normal) is { } normalised)
        {
            return (normalised, NameMatchKind.Normalised);
        }

        var best = agencies
            .Select(a => (Agency: a, Score: Score(normal, Normalise(name(a)))))
            .Where(x => x.Score >= SimilarFrom)
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();
        return best.Agency is null ? (null, NameMatchKind.None) : (best.Agency, NameMatchKind.Similar);
    }

    /// <summary>The name without spaces, brackets, punctuation and a leading 中共/"" noise; full-width letters folded.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static double Score(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))
        {
            return 0.6 + (0.4 * Math.Min(a.Length, b.Length) / Math.Max(a.Length, b.Length));
        }

        var pieces = Bigrams(a);
        var other = Bigrams(b);
        var common = 0;
        foreach (var piece in pieces)
        {
            if (other.Remove(piece))
            {
                common++;
            }
        }

        return 2.0 * common / (Bigrams(a).Count + Bigrams(b).Count);
    }

    private static List<string> Bigrams(string s) =>
        s.Length < 2 ? [s] : Enumerable.Range(0, s.Length - 1).Select(i => s.Substring(i, 2)).ToList();
}
