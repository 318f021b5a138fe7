namespace Gongkai.Documents.Reading;

/// <summary>
/// Places the values of a PDF table row that <c>pdftotext -layout</c> printed with too few cells (its blank cells lost
/// their column) by the word boxes: each number goes to the column whose header word stands nearest above it (ADR 0011).
/// Null whenever the boxes do not say it clearly (label or header not found once, two numbers in one column).
/// </summary>
internal static class PdfCells
{
    private static readonly string[] ApplicantHeads = ["自然人", "商业企业", "科研机", "社会公", "法律服务机", "其他", "总计"];
    private static readonly string[] ReviewHeads = ["结果维", "结果纠", "其他结", "尚未审", "总计"];

    /// <summary>
    /// Section 三: the seven cells of the row <paramref name="definition"/> names, from the numbers in the band of its
    /// label's cell on the page of <paramref name="row"/> (the template's label, so that a value line the text gave to
    /// the wrong label is not followed).
    /// </summary>
    public static string[]? ApplicantRow(SourceDocument doc, SourceRow row, Gongkai.Domain.Reports.ApplicationRowDefinition definition)
    {
        if (doc.Words is null)
        {
            return null;
        }

        var label = CellText.Label(definition.Item ?? definition.Group ?? definition.Top);
        if (label.Length < 4)
        {
            return null;
        }

        var prefix = label[..Math.Min(6, label.Length)];
        var words = doc.Words.Value;
        PdfWord? found = null;
        foreach (var w in words)
        {
            if (w.Page == row.Page && CellText.Label(w.Text).StartsWith(prefix, StringComparison.Ordinal))
            {
                if (found is not null)
                {
                    return null;
                }

                found = w;
            }
        }

        PdfWord? first = null;
        foreach (var w in words)
        {
            // The header above the row, or on an earlier page when the table continues without one (columns keep their place).
            if (found is not null && w.Text == ApplicantHeads[0] && (w.Page < found.Page || (w.Page == found.Page && w.Y < found.Y))
                && (first is null || w.Page > first.Page || (w.Page == first.Page && w.Y > first.Y)))
            {
                first = w;
            }
        }

        if (found is null || first is null || Centres(words, first, ApplicantHeads, 1) is not { } centres)
        {
            return null;
        }

        var left = centres[0] - ((centres[1] - centres[0]) / 2);
        return Place(words.Where(w => w.Page == found.Page && w.Y >= found.BlockTop - 1 && w.Y <= found.BlockBottom + 1 && w.X > left), centres);
    }

    /// <summary>Section 四: the fifteen cells of the data row under the header, when the boxes hold the same numbers as <paramref name="values"/>.</summary>
    public static string[]? ReviewRow(SourceDocument doc, SourceRow row, IReadOnlyList<string> values)
    {
        if (doc.Words is null)
        {
            return null;
        }

        var words = doc.Words.Value;
        var first = words.Where(w => w.Page == row.Page && w.Text.StartsWith(ReviewHeads[0], StringComparison.Ordinal)).OrderBy(w => w.X).FirstOrDefault();
        if (first is null || Centres(words, first, ReviewHeads, 3) is not { } centres)
        {
            return null;
        }

        var below = words.Where(w => w.Page == row.Page && w.Y > first.Y + 5 && w.Y < first.Y + 60 && IsNumber(w.Text)).ToList();
        if (below.Count == 0)
        {
            return null;
        }

        var top = below.Min(w => w.Y);
        var cells = Place(below.Where(w => w.Y < top + 4), centres);
        var printed = values.Select(CellText.Clean).Where(v => v.Length > 0).Order(StringComparer.Ordinal);
        return cells is not null && printed.SequenceEqual(cells.Where(c => c.Length > 0).Order(StringComparer.Ordinal)) ? cells : null;
    }

    /// <summary>The x-centres of the header words beside <paramref name="first"/> (same band), left to right; each heading <paramref name="times"/> times.</summary>
    private static double[]? Centres(IReadOnlyList<PdfWord> words, PdfWord first, string[] heads, int times)
    {
        var band = words.Where(w => w.Page == first.Page && Math.Abs(w.Y - first.Y) < 20).ToList();
        var centres = new List<double>();
        foreach (var head in heads)
        {
            var matching = band.Where(w => CellText.Label(w.Text).StartsWith(head, StringComparison.Ordinal)).ToList();
            if (matching.Count != times)
            {
                return null;
            }

            centres.AddRange(matching.Select(w => w.X));
        }

        centres.Sort();
        return [.. centres];
    }

    private static string[]? Place(IEnumerable<PdfWord> numbers, double[] centres)
    {
        var cells = Enumerable.Repeat(string.Empty, centres.Length).ToArray();
        foreach (var w in numbers)
        {
            if (!IsNumber(w.Text))
            {
                continue;
            }

            var k = 0;
            for (var i = 1; i < centres.Length; i++)
            {
                if (Math.Abs(centres[i] - w.X) < Math.Abs(centres[k] - w.X))
                {
                    k = i;
                }
            }

            if (cells[k].Length > 0)
            {
                return null;
            }

            cells[k] = w.Text;
        }

        return cells;
    }

    private static bool IsNumber(string text) => text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit);
}
