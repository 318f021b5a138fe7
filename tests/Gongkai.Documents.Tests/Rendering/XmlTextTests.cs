using Gongkai.Documents.Notices;
using Gongkai.Documents.Rendering.Docx;

namespace Gongkai.Documents.Tests.Rendering;

public class XmlTextTests
{
    [Theory]
    [InlineData("张\u0000三", "张三")]
    [InlineData("张\u001b三", "张三")]
    [InlineData("张\uFFFE三", "张三")]
    [InlineData("第一行\n第二行\t完", "第一行\n第二行\t完")]
    [InlineData("𠮷野家", "𠮷野家")]
    public void Clean_CharactersXmlCannotHold_Dropped(string text, string expected)
    {
        Assert.Equal(expected, XmlText.Clean(text));
    }

    [Fact]
    public void Clean_LoneSurrogate_Dropped()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate through the assembly's metadata.
        Assert.Equal("张三", XmlText.Clean("张" + (char)0xD800 + "三"));
    }

    [Theory]
    [InlineData("张\u0000三")]
    [InlineData("张\u001b三")]
    [InlineData("张\uFFFE三")]
    public void NoticeDocx_NameWithSuchACharacter_RendersWithTheRestOfTheName(string name)
    {
        var bytes = NoticeDocx.Render("政府信息公开申请答复书", name + "：\n经检索，该政府信息不存在。", "示范区卫生健康局", new DateOnly(2026, 12, 1));

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        Assert.Contains("张三：", reader.ReadToEnd(), StringComparison.Ordinal);
    }
}
