using CsCheck;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Cases;

namespace Gongkai.Fuzz.Tests;

/// <summary>
/// Uploads: a catalogue item's attachment (<see cref="AttachmentRules"/>) and the identity proof of /apply
/// (<see cref="OnlineApplications.ProofType"/>), over any name and any bytes.
/// </summary>
public class UploadFuzzTests
{
    private static readonly byte[][] Magics =
    [
        [], "%PDF-"u8.ToArray(), [0x50, 0x4B, 0x03, 0x04], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], [0xFF, 0xD8], "%PDF"u8.ToArray(),
    ];

    private static readonly string[] Names =
    [
        "名单.pdf", "C:\\Users\\张三\\Desktop\\名单.PDF", "/tmp/a.docx", "a.jpg\0.exe", "..", ".", "", " ", "a.", ".pdf",
        "表.xlsx", "x.ofd", "y.wps", "z.et", "图.jpeg", "图.PNG", "a.zip", "a.exe", "a.pdf.exe", "名单\u202Efdp.exe",
        new string('长', 300) + ".pdf", "\u0001\u0002.pdf", "a/b/c/", "a\\", "con.pdf",
    ];

    private static Gen<(string Name, byte[] Content, long Max)> Uploads { get; } = Gen.Select(
        Gen.OneOf<string>(Gen.OneOf(Names), Gen.String, Gen.Select(Gen.String, Gen.OneOf(Names), (a, b) => a + b)),
        Gen.Select(Gen.Int[0, Magics.Length - 1], Gen.Byte.Array[0, 48], (m, rest) => (byte[])[.. Magics[m], .. rest]),
        Gen.Long[0, 80]);

    [Fact]
    public void AttachmentProblem_AnyNameAndBytes_IsNullOnlyForAcceptedContent() =>
        Fuzz.Run(
            Uploads,
            upload =>
            {
                var problem = AttachmentRules.Problem(upload.Name, upload.Content, upload.Max);
                _ = AttachmentRules.ContentType(upload.Name);
                var clean = AttachmentRules.CleanName(upload.Name);
                if (problem is null)
                {
                    Assert.NotEmpty(upload.Content);
                    Assert.True(upload.Content.Length <= upload.Max);
                    Assert.InRange(clean.Length, 1, AttachmentRules.MaxNameLength);
                    Assert.DoesNotContain(clean, char.IsControl);
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(problem));
                }
            },
            iterations: 1500,
            print: u => $"{u.Name} / {Fuzz.Describe(u.Content)} / max {u.Max}");

    [Fact]
    public void ProofType_AnyBytes_IsOneOfThreeOrNone() =>
        Fuzz.Run(
            Uploads,
            upload =>
            {
                var type = OnlineApplications.ProofType(upload.Content);
                Assert.Contains(type, new[] { null, "image/jpeg", "image/png", "application/pdf" });
                if (type is not null)
                {
                    Assert.True(upload.Content.Length >= 3);
                }
            },
            iterations: 1000,
            print: u => Fuzz.Describe(u.Content));
}
