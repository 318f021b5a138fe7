using System.Text;
using Gongkai.Documents.Reading;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>No input crashes the reader: each gives a report with findings, or an error.</summary>
public sealed class RobustnessTests
{
    private static string Sample(string name) => Path.Combine(Paths.RepoRoot, "tests", "fixtures", "import", name);

    [Theory]
    [InlineData(new byte[0], "文件为空")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x0A }, "文件为空")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, ".doc")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE, 0x00, 0x07, 0x08, 0x00 }, "不是文本")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2, 3 }, "DOCX")]
    public void Read_UnreadableInput_ChineseError(byte[] content, string expected)
    {
        var imported = new ReportImporter().Read("input", content);
        Assert.False(imported.Succeeded);
        Assert.Contains(expected, imported.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextWithoutReport_SaysNoReportFound()
    {
        var imported = new ReportImporter().ReadText("note.txt", "会议纪要\n今天天气很好。\n");
        Assert.False(imported.Succeeded);
        Assert.StartsWith("未识别出政府信息公开工作年度报告", imported.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReportWithoutTables_ReportWithFindingsForEachTable()
    {
        var text = File.ReadAllText(Paths.Seed("000"));
        var noTables = string.Join("\n", text.Split('\n').Where(l => !l.StartsWith('\t')));
        var imported = new ReportImporter().ReadText("no-tables.txt", noTables);
        Assert.True(imported.Succeeded, imported.Error);
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.Uncertain && f.Location.Contains("applications"));
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.Uncertain && f.Location.Contains("reviewLitigation"));
        Assert.Contains(imported.Findings, f => f.Rule == ImportRules.Uncertain && f.Location.Contains("template"));
    }

    [Fact]
    public void Read_TruncatedPdf_SaysItMayBeDamagedOrTruncated()
    {
        var pdf = File.ReadAllBytes(Sample("qingshan-2021.pdf"));
        foreach (var length in new[] { 10, 2000, pdf.Length / 2 })
        {
            var imported = new ReportImporter().Read("cut.pdf", pdf[..length]);
            Assert.False(imported.Succeeded, $"{length} bytes read as a report");
            Assert.Equal(SourceFormat.Pdf, imported.Format);
            Assert.StartsWith("无法读取PDF（文件可能已损坏或被截断）", imported.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_ThousandsOfMutatedSamples_NeverThrow()
    {
        var random = new Random(20240611);
        var seeds = new[] { "000", "001", "002", "003", "004" }.Select(n => File.ReadAllText(Paths.Seed(n))).ToList();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = Encoding.GetEncoding("GB18030").GetString(File.ReadAllBytes(Sample("qingshan-2021.html")));
        seeds.Add(html);
        var docx = File.ReadAllBytes(Sample("qingshan-2021.docx"));
        var importer = new ReportImporter();
        for (var i = 0; i < 2400; i++)
        {
            var source = seeds[i % seeds.Count];
            var mutated = Mutate(source, random);
            var bytes = (i % 7) switch
            {
                0 => Encoding.GetEncoding("GB18030").GetBytes(mutated),
                1 => MutateBytes(Encoding.UTF8.GetBytes(mutated), random),
                _ => Encoding.UTF8.GetBytes(mutated),
            };
            var name = i % seeds.Count == seeds.Count - 1 ? "m.html" : "m.txt";
            var imported = importer.Read(name, bytes);
            Assert.True(imported.Succeeded || imported.Error is not null);
            if (imported.Succeeded)
            {
                // What a user gets from `gongkai import --json`: valid JSON naming the file.
                using var json = System.Text.Json.JsonDocument.Parse(ImportOutput.Json([imported]));
                Assert.Contains(name, json.RootElement.GetRawText(), StringComparison.Ordinal);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(imported.Error));
            }
        }

        for (var i = 0; i < 300; i++)
        {
            var bytes = i % 2 == 0 ? docx[..random.Next(docx.Length)] : MutateBytes(docx, random);
            var imported = importer.Read("m.docx", bytes);
            Assert.True(imported.Succeeded || !string.IsNullOrWhiteSpace(imported.Error));
        }

        for (var i = 0; i < 300; i++)
        {
            var junk = new byte[random.Next(1, 4096)];
            random.NextBytes(junk);
            var imported = importer.Read("junk", junk);
            Assert.True(imported.Succeeded || !string.IsNullOrWhiteSpace(imported.Error));
        }
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var operations = random.Next(1, 6);
        for (var k = 0; k < operations && lines.Count > 0; k++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(9))
            {
                case 0: lines.RemoveRange(at, Math.Min(random.Next(1, 40), lines.Count - at)); break;
                case 1: lines = lines.Take(at).ToList(); break;
                case 2: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                case 3: lines[at] = lines[at].Replace('\t', ' '); break;
                case 4: lines[at] = lines[at] + "\t" + random.Next(-5, 100000); break;
                case 5: lines[at] = new string(lines[at].Select(c => random.Next(8) == 0 ? (char)random.Next(0, 0x9FFF) : c).ToArray()); break;
                case 6: lines[at] = lines[at].Length > 1 ? lines[at][..random.Next(lines[at].Length)] : lines[at]; break;
                case 7: lines.Insert(at, string.Concat(Enumerable.Repeat("\t", random.Next(1, 30)))); break;
                default: (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]); break;
            }
        }

        return string.Join("\n", lines);
    }

    private static byte[] MutateBytes(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var k = 0; k < random.Next(1, 20) && copy.Length > 0; k++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }
}
