using Gongkai.Documents.Notices;

namespace Gongkai.Documents.Tests.Rendering;

/// <summary>Where the PDF letters' fonts are looked for is configuration (<c>Pdf:FontFolders</c>), the Debian folders by default.</summary>
public class NoticePdfFontFolderTests
{
    [Fact]
    public void UseFontFolders_FolderWithoutTheFaces_NoPdfUntilTheDefaultsAreBack()
    {
        var empty = Directory.CreateTempSubdirectory("gongkai-fonts-");
        try
        {
            NoticePdf.UseFontFolders([empty.FullName]);
            Assert.Equal([empty.FullName], NoticePdf.FontFolders);
            Assert.False(NoticePdf.Available);
            Assert.Null(NoticePdf.Render("告知书", [new PdfParagraph("正文。")], "示范区卫生健康局", new DateOnly(2025, 3, 1)));
        }
        finally
        {
            NoticePdf.UseFontFolders(null);
            empty.Delete();
        }

        Assert.Equal(NoticePdf.DefaultFontFolders, NoticePdf.FontFolders);
        Assert.Contains("/usr/share/fonts/truetype/arphic-gkai00mp", NoticePdf.FontFolders);
    }

    [Fact]
    public void UseFontFolders_BlankEntries_FallBackToTheDebianFolders()
    {
        NoticePdf.UseFontFolders(["", "  "]);
        Assert.Equal(NoticePdf.DefaultFontFolders, NoticePdf.FontFolders);
    }
}
