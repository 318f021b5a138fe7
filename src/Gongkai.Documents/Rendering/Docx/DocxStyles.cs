using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents.Rendering.Docx;

/// <summary>
/// The styles, fonts and settings of the report, laid out as a Chinese official document (GB/T 9704-2012):
/// 2号方正小标宋简体 title, 3号仿宋_GB2312 body with a fixed 22-line page, 3号黑体 first-level headings, 4号宋体
/// page numbers. Formatting lives in named styles so that a person editing the document in Word changes it in one place.
/// </summary>
internal static class DocxStyles
{
    public const string Body = "Normal";
    public const string Title = "ReportTitle";
    public const string Heading = "SectionHeading";
    public const string Signature = "ReportSignature";
    public const string TableLabel = "TableLabel";
    public const string TableHeading = "TableHeading";
    public const string TableNumber = "TableNumber";
    public const string Footer = "Footer";

    /// <summary>正文 font (GB/T 9704 7.3.5.1).</summary>
    public const string FangSongGb2312 = "仿宋_GB2312";

    /// <summary>标题 font (GB/T 9704 7.3.3).</summary>
    public const string XiaoBiaoSong = "方正小标宋简体";

    /// <summary>一级标题 font.</summary>
    public const string HeiTi = "黑体";

    /// <summary>页码 font (GB/T 9704 7.5).</summary>
    public const string SongTi = "宋体";

    /// <summary>Latin letters and digits in the body.</summary>
    public const string Latin = "Times New Roman";

    /// <summary>Font sizes in half-points: 2号 22pt, 3号 16pt, 4号 14pt, 小4 12pt, 5号 10.5pt.</summary>
    public const int Size2Hao = 44, Size3Hao = 32, Size4Hao = 28, SizeXiao4 = 24, Size5Hao = 21;

    /// <summary>The body line pitch in twips: 22 lines fill the 225 mm type area (GB/T 9704 5.2.2), ≈ 28.95 pt.</summary>
    public const int BodyLinePitch = 579;

    /// <summary>Two characters of 3号 in twips, the first-line indent of body paragraphs.</summary>
    private const int TwoCharacters = 640;

    public static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(Latin, FangSongGb2312),
                new FontSize { Val = Half(Size3Hao) },
                new FontSizeComplexScript { Val = Half(Size3Hao) },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0" }))),
        ParagraphStyle(Body, "Normal", null, isDefault: true,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = Twips(BodyLinePitch), LineRule = LineSpacingRuleValues.Exact },
                new Indentation { FirstLineChars = 200, FirstLine = Twips(TwoCharacters) },
                new Justification { Val = JustificationValues.Both }),
            new StyleRunProperties(Fonts(Latin, FangSongGb2312), Size(Size3Hao), SizeCs(Size3Hao))),
        ParagraphStyle(Title, "报告标题", Body, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, After = Twips(BodyLinePitch) },
                NoIndent(),
                new Justification { Val = JustificationValues.Center },
                new OutlineLevel { Val = 0 }),
            new StyleRunProperties(Fonts(XiaoBiaoSong, XiaoBiaoSong), Size(Size2Hao), SizeCs(Size2Hao))),
        ParagraphStyle(Heading, "一级标题", Body, isDefault: false,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }),
            new StyleRunProperties(Fonts(Latin, HeiTi))),
        ParagraphStyle(Signature, "落款", Body, isDefault: false,
            new StyleParagraphProperties(
                new Indentation { FirstLineChars = 0, FirstLine = "0", RightChars = 400, Right = Twips(2 * TwoCharacters) },
                new Justification { Val = JustificationValues.Right }),
            new StyleRunProperties()),
        ParagraphStyle(TableLabel, "表格文字", Body, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                NoIndent(),
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Size(Size5Hao), SizeCs(Size5Hao))),
        ParagraphStyle(TableHeading, "表格标题", TableLabel, isDefault: false,
            new StyleParagraphProperties(),
            new StyleRunProperties(Fonts(Latin, HeiTi), Size(SizeXiao4), SizeCs(SizeXiao4))),
        ParagraphStyle(TableNumber, "表格数字", TableLabel, isDefault: false,
            new StyleParagraphProperties(),
            new StyleRunProperties(Size(SizeXiao4), SizeCs(SizeXiao4))),
        ParagraphStyle(Footer, "footer", Body, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                NoIndent(),
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts(SongTi, SongTi), Size(Size4Hao), SizeCs(Size4Hao))));

    /// <summary>
    /// The font table. Each official font names a fallback (<c>w:altName</c>) and its PANOSE and GB2312 charset,
    /// so that an application without the 方正/GB2312 fonts substitutes a font of the same kind (仿宋_GB2312 →
    /// 仿宋/FangSong, 方正小标宋简体 → 华文中宋/宋体, 黑体 → SimHei); the fallbacks in turn name the Noto CJK fonts
    /// that free systems carry.
    /// </summary>
    public static Fonts FontTable() => new(
        Font(FangSongGb2312, "仿宋", "02010609030101010101", FontFamilyValues.Modern, FontPitchValues.Fixed),
        Font("仿宋", "FangSong", "02010609060101010101", FontFamilyValues.Modern, FontPitchValues.Fixed),
        Font("FangSong", "Noto Serif CJK SC", "02010609060101010101", FontFamilyValues.Modern, FontPitchValues.Fixed),
        Font(XiaoBiaoSong, "华文中宋", "02000000000000000000", FontFamilyValues.Auto, FontPitchValues.Variable),
        Font("华文中宋", "宋体", "02010600040101010101", FontFamilyValues.Auto, FontPitchValues.Variable),
        Font(SongTi, "SimSun", "02010600030101010101", FontFamilyValues.Auto, FontPitchValues.Variable),
        Font("SimSun", "Noto Serif CJK SC", "02010600030101010101", FontFamilyValues.Auto, FontPitchValues.Variable),
        Font(HeiTi, "SimHei", "02010609060101010101", FontFamilyValues.Modern, FontPitchValues.Fixed),
        Font("SimHei", "Noto Sans CJK SC", "02010609060101010101", FontFamilyValues.Modern, FontPitchValues.Fixed),
        Font("Noto Serif CJK SC", null, "02020400000000000000", FontFamilyValues.Roman, FontPitchValues.Variable),
        Font("Noto Sans CJK SC", null, "020B0500000000000000", FontFamilyValues.Swiss, FontPitchValues.Variable),
        new Font(
            new Panose1Number { Val = "02020603050405020304" },
            new FontCharSet { Val = "00" },
            new FontFamily { Val = FontFamilyValues.Roman },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = Latin });

    /// <summary>Document settings: Word 2013+ layout (no compatibility mode), Chinese punctuation compression.</summary>
    public static Settings Settings() => new(
        new Zoom { Percent = "100" },
        new DefaultTabStop { Val = 420 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
        new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });

    private static Style ParagraphStyle(
        string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties paragraph, StyleRunProperties run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new NextParagraphStyle { Val = Body }, new PrimaryStyle(), paragraph, run);
        return style;
    }

    private static Font Font(string name, string? altName, string panose, FontFamilyValues family, FontPitchValues pitch)
    {
        var font = new Font { Name = name };
        if (altName is not null)
        {
            font.Append(new AltName { Val = altName });
        }

        font.Append(
            new Panose1Number { Val = panose },
            new FontCharSet { Val = "86" },
            new FontFamily { Val = family },
            new Pitch { Val = pitch });
        return font;
    }

    private static RunFonts Fonts(string latin, string eastAsia) =>
        new() { Ascii = latin, HighAnsi = latin, EastAsia = eastAsia, ComplexScript = latin, Hint = FontTypeHintValues.EastAsia };

    private static Indentation NoIndent() => new() { FirstLineChars = 0, FirstLine = "0", Left = "0", Right = "0" };

    private static FontSize Size(int halfPoints) => new() { Val = Half(halfPoints) };

    private static FontSizeComplexScript SizeCs(int halfPoints) => new() { Val = Half(halfPoints) };

    private static string Half(int halfPoints) => Twips(halfPoints);

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
