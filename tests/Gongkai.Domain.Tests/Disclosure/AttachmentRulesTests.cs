using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public class AttachmentRulesTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00];

    [Theory]
    [InlineData("预算表.pdf", "application/pdf")]
    [InlineData("通知.OFD", "application/ofd")]
    [InlineData("名单.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("附件.zip", "application/zip")]
    public void Problem_KnownFormatWithItsSignature_Accepted(string name, string type)
    {
        var content = name.EndsWith(".pdf", StringComparison.Ordinal) ? Pdf : Zip;

        Assert.Null(AttachmentRules.Problem(name, content));
        Assert.Equal(type, AttachmentRules.ContentType(name));
    }

    [Theory]
    [InlineData("名单.pdf", "附件“名单.pdf”的内容不是PDF文件（文件可能损坏或扩展名有误）")]
    [InlineData("安装.exe", "附件“安装.exe”的格式不能发布；可以上传：PDF、OFD、DOCX、XLSX、ZIP、DOC、XLS、WPS、ET、PNG、JPG、JPEG")]
    [InlineData("没有扩展名", "附件“没有扩展名”的格式不能发布")]
    public void Problem_WrongContentOrFormat_NamesTheFile(string name, string message) =>
        Assert.StartsWith(message, AttachmentRules.Problem(name, "MZ\u0090"u8));

    [Fact]
    public void Problem_EmptyOrTooLarge_SaysHowLarge()
    {
        Assert.Equal("附件“空.pdf”是空文件", AttachmentRules.Problem("空.pdf", []));
        var big = new byte[(3 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);
        Assert.Equal("附件“大.pdf”大小为3 MB，超过2 MB的上限", AttachmentRules.Problem("大.pdf", big, maxBytes: 2 * 1024 * 1024));
    }

    [Theory]
    [InlineData(@"C:\Users\科员\Desktop\名单.pdf", "名单.pdf")]
    [InlineData("/home/ke/名单.pdf", "名单.pdf")]
    [InlineData(" 名\u0007单.pdf ", "名单.pdf")]
    public void CleanName_KeepsTheLastSegmentWithoutControlCharacters(string sent, string kept) =>
        Assert.Equal(kept, AttachmentRules.CleanName(sent));
}
