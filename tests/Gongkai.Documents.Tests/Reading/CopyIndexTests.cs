using Gongkai.Documents.Reading;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>
/// The copy check across many reports finds, through its index, exactly the pairs the pairwise comparison found:
/// every copied narrative, and nothing between reports that share only the template's boilerplate.
/// </summary>
public sealed class CopyIndexTests
{
    [Fact]
    public void ReadFiles_SixtyReportsFourCopies_ExactlyTheCopiedPairsFlagged()
    {
        var template = File.ReadAllLines(Paths.Seed("000"));
        var random = new Random(1511);
        string Words(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x6000))]);
        var folder = Directory.CreateTempSubdirectory("gongkai-copy-");
        try
        {
            var texts = new List<string[]>();
            var copied = new Dictionary<int, int> { [11] = 3, [25] = 24, [40] = 7, [59] = 0 };
            for (var i = 0; i < 60; i++)
            {
                var lines = template.Select(l => l.Length > 40 && !l.StartsWith('\t') ? Words(l.Length - 1) + "。" : l).ToArray();
                if (copied.TryGetValue(i, out var source))
                {
                    lines = [.. texts[source]];
                }

                lines[0] = $"第{i}区卫生健康局2019年政府信息公开工作年度报告";
                texts.Add(lines);
                File.WriteAllLines(Path.Combine(folder.FullName, $"{i:00}.txt"), lines);
            }

            var reports = new ReportImporter().ReadFiles(Directory.GetFiles(folder.FullName).Order(StringComparer.Ordinal));

            var flagged = reports.Select((r, i) => (i, Peers: r.Findings.Where(f => f.Rule == ImportRules.Copying)
                    .SelectMany(f => f.Location).Where(l => l.StartsWith("copy-of:", StringComparison.Ordinal))
                    .Select(l => int.Parse(Path.GetFileNameWithoutExtension(l["copy-of:".Length..]), System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList()))
                .Where(x => x.Peers.Count > 0).ToDictionary(x => x.i, x => x.Peers);
            var expected = copied.SelectMany(c => new[] { (c.Key, c.Value), (c.Value, c.Key) })
                .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.Select(p => p.Item2).Order().ToList());
            Assert.Equal(expected.OrderBy(e => e.Key).Select(e => $"{e.Key}:{string.Join(",", e.Value)}"), flagged.OrderBy(e => e.Key).Select(e => $"{e.Key}:{string.Join(",", e.Value)}"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
