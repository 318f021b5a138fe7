namespace Gongkai.Documents.Reading;

/// <summary>
/// Recovery by arithmetic (issue #15): a row whose cells a crawler ran together (<c>1800 02020</c> for the seven
/// cells 18, 0, 0, 0, 2, 0, 20) is split into every sequence of cells the text allows — a number never starts
/// with 0 unless it is 0, an NBSP is an empty cell's <c>&amp;nbsp;</c>, a space or a word (增, 减) always ends a
/// cell — and each split is kept only when it satisfies the table's own rules (the acceptor given to <see cref="Split"/>). The
/// caller takes a split only when it is the only one.
/// </summary>
internal static class RunSplitter
{
    /// <summary>More candidates than this are not listed: the row is ambiguous either way.</summary>
    public const int MaxCandidates = 6;

    private const int MaxDigits = 7;

    private enum ChunkKind
    {
        Digits,
        Word,
        Blank,
    }

    private readonly record struct Chunk(ChunkKind Kind, string Text);

    /// <summary>
    /// The splits of <paramref name="run"/> into exactly <paramref name="cells"/> cells (null for an empty cell)
    /// that <paramref name="accept"/> allows, at most <see cref="MaxCandidates"/> + 1. <paramref name="accept"/>
    /// is called with the cells so far (a prefix) and whether the split is complete, so that it can prune early.
    /// </summary>
    public static List<string?[]> Split(string run, int cells, Func<IReadOnlyList<string?>, bool, bool> accept)
    {
        var results = new List<string?[]>();
        foreach (var blanks in new[] { true, false })
        {
            var chunks = Chunks(run, blanks);
            if (chunks is null || chunks.Count > 4 * cells)
            {
                return results;
            }

            var budget = 200_000;
            Walk(chunks, 0, 0, [], cells, accept, results, ref budget);
            if (results.Count > 0 || !run.Contains('\u00A0', StringComparison.Ordinal))
            {
                break;
            }
        }

        return results;
    }

    /// <summary>Whether a run holds more than one printed value, or empty cells, so that it needs splitting at all.</summary>
    public static bool IsRun(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '\u00A0' || c == ' ')
            {
                return true;
            }
        }

        return digits > 1;
    }

    private static List<Chunk>? Chunks(string run, bool nbspIsCell)
    {
        var chunks = new List<Chunk>();
        var i = 0;
        while (i < run.Length)
        {
            var c = run[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < run.Length && (char.IsAsciiDigit(run[i]) || (run[i] == '.' && i + 1 < run.Length && char.IsAsciiDigit(run[i + 1]))))
                {
                    i++;
                }

                var text = run[start..i];
                if (i < run.Length && run[i] == '元')
                {
                    i++;
                }
                else if (i + 1 < run.Length && run[i] == '万' && run[i + 1] == '元')
                {
                    text += "万元";
                    i += 2;
                }

                // A decimal or an amount with its unit is one cell.
                chunks.Add(new Chunk(text.Contains('.', StringComparison.Ordinal) || text.EndsWith('元') ? ChunkKind.Word : ChunkKind.Digits, text));

                continue;
            }

            if (c == '\u00A0')
            {
                if (nbspIsCell)
                {
                    chunks.Add(new Chunk(ChunkKind.Blank, string.Empty));
                }

                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '-' && i + 1 < run.Length && char.IsAsciiDigit(run[i + 1]))
            {
                // 本年增/减 printed as a signed number (-1): one cell.
                var start = i++;
                while (i < run.Length && char.IsAsciiDigit(run[i]))
                {
                    i++;
                }

                chunks.Add(new Chunk(ChunkKind.Word, run[start..i]));
                continue;
            }

            if (c is '增' or '减')
            {
                chunks.Add(new Chunk(ChunkKind.Word, c.ToString()));
                i++;
                continue;
            }

            return null;
        }

        return chunks;
    }

    private static void Walk(List<Chunk> chunks, int chunk, int position, List<string?> cells, int target,
        Func<IReadOnlyList<string?>, bool, bool> accept, List<string?[]> results, ref int budget)
    {
        if (results.Count > MaxCandidates || --budget < 0)
        {
            return;
        }

        if (chunk == chunks.Count)
        {
            if (cells.Count == target && accept(cells, true))
            {
                results.Add([.. cells]);
            }

            return;
        }

        // Too many chunks left for the cells left: each remaining chunk needs a cell of its own.
        if (cells.Count + (chunks.Count - chunk) > target + (position > 0 ? 1 : 0))
        {
            return;
        }

        var current = chunks[chunk];
        if (current.Kind != ChunkKind.Digits)
        {
            cells.Add(current.Kind == ChunkKind.Blank ? null : current.Text);
            if (accept(cells, false))
            {
                Walk(chunks, chunk + 1, 0, cells, target, accept, results, ref budget);
            }

            cells.RemoveAt(cells.Count - 1);
            return;
        }

        var digits = current.Text;
        var maxEnd = digits[position] == '0' ? position + 1 : Math.Min(digits.Length, position + MaxDigits);
        for (var end = position + 1; end <= maxEnd; end++)
        {
            cells.Add(digits[position..end]);
            if (cells.Count <= target && accept(cells, false))
            {
                if (end == digits.Length)
                {
                    Walk(chunks, chunk + 1, 0, cells, target, accept, results, ref budget);
                }
                else
                {
                    Walk(chunks, chunk, end, cells, target, accept, results, ref budget);
                }
            }

            cells.RemoveAt(cells.Count - 1);
        }
    }

    /// <summary>
    /// The rule of section 三's rows: the six applicant columns sum to 总计 (an empty cell counts 0; an empty 总计
    /// checks nothing).
    /// </summary>
    public static bool ApplicantsSumToTotal(IReadOnlyList<string?> cells, bool complete)
    {
        if (cells.Count > 0 && cells[^1] is { } last && !IsCount(last))
        {
            return false;
        }

        if (!complete)
        {
            if (cells.Count < 7)
            {
                return true;
            }
        }

        if (cells.Count != 7)
        {
            return false;
        }

        if (cells[6] is null)
        {
            return true;
        }

        long sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += Value(cells[i]);
        }

        return sum == Value(cells[6]);
    }

    /// <summary>The rule of section 四: in each of its three groups, 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计.</summary>
    public static bool ReviewGroupsBalance(IReadOnlyList<string?> cells, bool complete)
    {
        if (cells.Count > 15 || (cells.Count > 0 && cells[^1] is { } last && !IsCount(last)))
        {
            return false;
        }

        var groups = complete ? 3 : cells.Count / 5;
        if (!complete && cells.Count % 5 != 0)
        {
            return true;
        }

        for (var g = 0; g < groups; g++)
        {
            if (cells[(g * 5) + 4] is null)
            {
                continue;
            }

            long sum = 0;
            for (var i = 0; i < 4; i++)
            {
                sum += Value(cells[(g * 5) + i]);
            }

            if (sum != Value(cells[(g * 5) + 4]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCount(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    /// <summary>An integer cell's value; an empty cell or a word is 0.</summary>
    public static long Value(string? cell) =>
        cell is { Length: > 0 and <= 12 } && cell.All(char.IsAsciiDigit) ? long.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
