using System.Globalization;
using System.Text;
using Gongkai.Documents.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Gongkai.Documents.Notices;

/// <summary>A paragraph of a PDF letter: its text and whether it starts flush left (顶格, the salutation) or indented two characters.</summary>
public sealed record PdfParagraph(string Text, bool FlushLeft = false);

/// <summary>
/// A notice or receipt as a PDF laid out per GB/T 9704 (党政机关公文格式): A4, margins 37 mm top, 35 mm bottom, 28 mm
/// left, 26 mm right; the title in 二号 (22 pt) 小标宋 — here AR PL SungtiL GB, a 宋体; the body in 三号 (16 pt) 仿宋 —
/// here AR PL KaitiM GB, a 楷体 (the nearest free TrueType face); 28 characters a line and 22 lines a page, by placing
/// each full-width character on a fixed pitch of 156/28 mm and each line on 225/22 mm. The fonts are embedded (subset).
/// PDFsharp cannot read the installed Noto CJK fonts (OpenType/CFF in a collection), see docs/adr/0010.
/// </summary>
public static class NoticePdf
{
    /// <summary>Where Debian installs the two TrueType faces (fonts-arphic-gbsn00lp and fonts-arphic-gkai00mp).</summary>
    public static IReadOnlyList<string> DefaultFontFolders { get; } = ["/usr/share/fonts/truetype/arphic-gbsn00lp", "/usr/share/fonts/truetype/arphic-gkai00mp", "/usr/share/fonts/truetype/arphic"];

    /// <summary>
    /// Where the two TrueType faces (<c>gbsn00lp.ttf</c>, <c>gkai00mp.ttf</c>) are looked for: the configured folders
    /// (<c>Pdf:FontFolders</c>, <see cref="UseFontFolders"/>), else <see cref="DefaultFontFolders"/>.
    /// </summary>
    public static IReadOnlyList<string> FontFolders { get; private set; } = DefaultFontFolders;

    /// <summary>
    /// Looks for the faces in <paramref name="folders"/> from now on (the process's configuration, read at start-up);
    /// none given: the Debian folders. The fonts are read when a PDF is made, so a font installed later is found.
    /// </summary>
    public static void UseFontFolders(IEnumerable<string>? folders)
    {
        IReadOnlyList<string> chosen = [.. (folders ?? []).Where(f => !string.IsNullOrWhiteSpace(f))];
        FontFolders = chosen.Count > 0 ? chosen : DefaultFontFolders;
    }

    internal const string TitleFace = "gbsn00lp";
    internal const string BodyFace = "gkai00mp";
    private static readonly double Left = XUnit.FromMillimeter(28).Point;
    private static readonly double Top = XUnit.FromMillimeter(37).Point;
    private static readonly double TextWidth = XUnit.FromMillimeter(210 - 28 - 26).Point;
    private static readonly double TextHeight = XUnit.FromMillimeter(297 - 37 - 35).Point;
    private const int CharsPerLine = 28;
    private const int LinesPerPage = 22;
    private static readonly double Pitch = TextWidth / CharsPerLine;
    private static readonly double LineHeight = TextHeight / LinesPerPage;
    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>True when the fonts are installed, so PDFs can be made.</summary>
    public static bool Available => FontPath(TitleFace) is not null && FontPath(BodyFace) is not null;

    /// <summary>
    /// The letter as the bytes of a PDF: the title, the paragraphs, then the signing agency and the date right-aligned
    /// (four characters from the right margin); null when the fonts are not installed.
    /// </summary>
    public static byte[]? Render(string title, IReadOnlyList<PdfParagraph> paragraphs, string agency, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(paragraphs);
        if (!Available)
        {
            return null;
        }

        Configure();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Gongkai";
        var titleFont = new XFont(TitleFace, 22, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var bodyFont = new XFont(BodyFace, 16, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var pageNumberFont = new XFont(TitleFace, 14, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

        var lines = new List<(string Text, LineKind Kind)>();
        foreach (var titleLine in Wrap(title, 0, CharsPerLine - 2))
        {
            lines.Add((titleLine, LineKind.Title));
        }

        lines.Add((string.Empty, LineKind.Body));
        foreach (var p in paragraphs)
        {
            var first = true;
            foreach (var line in Wrap(p.Text, p.FlushLeft ? 0 : 2, CharsPerLine))
            {
                lines.Add((line, first && !p.FlushLeft ? LineKind.Indented : LineKind.Body));
                first = false;
            }
        }

        lines.Add((string.Empty, LineKind.Body));
        lines.Add((agency, LineKind.Signature));
        lines.Add((ReportFormatting.ChineseDate(date), LineKind.Signature));

        var pages = lines.Chunk(LinesPerPage).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var g = XGraphics.FromPdfPage(page);
            var y = Top;
            foreach (var (text, kind) in pages[i])
            {
                // Text sits on the line's baseline, about 0.8 of the line below its top.
                var baseline = y + (LineHeight * 0.75);
                switch (kind)
                {
                    case LineKind.Title:
                        DrawCentered(g, text, titleFont, baseline);
                        break;
                    case LineKind.Signature:
                        DrawRun(g, text, bodyFont, Left + TextWidth - (4 * Pitch) - RunWidth(g, text, bodyFont), baseline);
                        break;
                    case LineKind.Indented:
                        DrawRun(g, text, bodyFont, Left + (2 * Pitch), baseline);
                        break;
                    case LineKind.Body:
                        DrawRun(g, text, bodyFont, Left, baseline);
                        break;
                }

                y += LineHeight;
            }

            // 页码: 4号 digits with a dash either side, 7 mm below the text area (GB/T 9704 §7.5).
            var number = $"— {(i + 1).ToString(CultureInfo.InvariantCulture)} —";
            var size = g.MeasureString(number, pageNumberFont);
            var footerY = Top + TextHeight + XUnit.FromMillimeter(7).Point + size.Height;
            var x = i % 2 == 0 ? Left + TextWidth - size.Width - Pitch : Left + Pitch;
            g.DrawString(number, pageNumberFont, XBrushes.Black, x, footerY);
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        return buffer.ToArray();
    }

    private enum LineKind
    {
        Title,
        Body,
        Indented,
        Signature,
    }

    /// <summary>Breaks text into lines of at most <paramref name="width"/> full-width characters (a Latin character counts half), the first indented by <paramref name="indent"/>; closing punctuation never starts a line.</summary>
    internal static IEnumerable<string> Wrap(string text, int indent, int width)
    {
        var limit = (double)(width - indent);
        var line = new StringBuilder();
        var used = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            var w = IsNarrow(rune) ? 0.5 : 1.0;
            if (used + w > limit + 0.01 && line.Length > 0 && !ClosingPunctuation.Contains(s, StringComparison.Ordinal))
            {
                yield return line.ToString();
                line.Clear();
                used = 0;
                limit = width;
            }

            line.Append(s);
            used += w;
        }

        if (line.Length > 0 || text.Length == 0)
        {
            yield return line.ToString();
        }
    }

    private const string ClosingPunctuation = "，。、；：？！”’）》〉】」』…,.;:?!)";

    private static bool IsNarrow(Rune r) => r.Value < 0x2E80 && r.Value != 0x2014 && r.Value != 0x2026 && r.Value != 0x201C && r.Value != 0x201D;

    private static double RunWidth(XGraphics g, string text, XFont font) =>
        text.EnumerateRunes().Sum(r => IsNarrow(r) ? g.MeasureString(r.ToString(), font).Width : Pitch);

    private static void DrawRun(XGraphics g, string text, XFont font, double x, double baseline)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (IsNarrow(rune))
            {
                g.DrawString(s, font, XBrushes.Black, x, baseline);
                x += g.MeasureString(s, font).Width;
            }
            else
            {
                // Centre the glyph in its cell of the fixed pitch (the 16 pt face is a little wider than 156/28 mm).
                g.DrawString(s, font, XBrushes.Black, x + ((Pitch - font.Size) / 2), baseline);
                x += Pitch;
            }
        }
    }

    private static void DrawCentered(XGraphics g, string text, XFont font, double baseline)
    {
        var width = g.MeasureString(text, font).Width;
        g.DrawString(text, font, XBrushes.Black, Left + ((TextWidth - width) / 2), baseline);
    }

    private static string? FontPath(string face) =>
        FontFolders.Select(f => Path.Combine(f, face + ".ttf")).FirstOrDefault(File.Exists);

    internal static void Configure()
    {
        lock (Gate)
        {
            if (!_configured)
            {
                GlobalFontSettings.FontResolver ??= new Resolver();
                _configured = true;
            }
        }
    }

    private sealed class Resolver : IFontResolver
    {
        public byte[]? GetFont(string faceName) => FontPath(faceName) is { } path ? File.ReadAllBytes(path) : null;

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            familyName is TitleFace or BodyFace ? new FontResolverInfo(familyName) : new FontResolverInfo(BodyFace);
    }
}
