using System.IO.Compression;
using Gongkai.Documents.Uploads;

namespace Gongkai.Documents.Tests.Uploads;

public class UploadBundleTests
{
    private static UploadedFile Zip(string name, params (string Entry, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, content) in entries)
            {
                using var stream = archive.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return new UploadedFile(name, buffer.ToArray());
    }

    [Fact]
    public void Unpack_FilesAndAZip_GivesEveryReportByItsFileName()
    {
        var (files, refusal) = UploadBundle.Unpack([new UploadedFile("a.txt", [1, 2]), Zip("b.zip", ("dir/c.html", [3]), ("__MACOSX/._c.html", [4]), ("d.pdf", [5]))]);

        Assert.Null(refusal);
        Assert.Equal(["a.txt", "c.html", "d.pdf"], files.Select(f => f.Name));
    }

    [Theory]
    [InlineData("../x.html")]
    [InlineData("/etc/x.html")]
    [InlineData("C:\\x.html")]
    [InlineData("a/../../x.html")]
    public void Unpack_TraversalOrAbsoluteName_RefusedWhole(string entry)
    {
        var (files, refusal) = UploadBundle.Unpack([Zip("r.zip", ("ok.html", [1]), (entry, [2]))]);

        Assert.Empty(files);
        Assert.Equal($"压缩包“r.zip”中的文件名“{entry}”不安全（含上级目录或绝对路径），已拒绝整个压缩包", refusal);
    }

    [Fact]
    public void Unpack_ZipBomb_RefusedByItsRatio()
    {
        var (files, refusal) = UploadBundle.Unpack([Zip("bomb.zip", ("big.txt", new byte[15 * 1024 * 1024]))]);

        Assert.Empty(files);
        Assert.Equal("压缩包“bomb.zip”中的“big.txt”压缩比异常（疑似压缩炸弹），已拒绝整个压缩包", refusal);
    }

    [Fact]
    public void Unpack_TooManyEntries_Refused()
    {
        var entries = Enumerable.Range(0, 5).Select(i => ($"{i}.txt", new byte[] { 1 })).ToArray();

        var (_, refusal) = UploadBundle.Unpack([Zip("many.zip", entries)], new UploadLimits { MaxFiles = 4 });

        Assert.Equal("压缩包“many.zip”中的文件过多（5个，最多4个）", refusal);
    }

    [Fact]
    public void Unpack_DamagedZip_SaysSo()
    {
        var (_, refusal) = UploadBundle.Unpack([new UploadedFile("x.zip", [(byte)'P', (byte)'K', 3, 4, 0, 0, 9])]);

        Assert.Equal("压缩包“x.zip”已损坏或不是ZIP文件", refusal);
    }
}
