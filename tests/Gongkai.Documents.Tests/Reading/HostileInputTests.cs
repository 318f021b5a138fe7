using System.Diagnostics;
using System.Text;
using Gongkai.Documents.Reading;
using Xunit.Abstractions;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>
/// Inputs built to make a reader slow (issue #11): a megabyte of unclosed or nested markup, label-only lines,
/// one endless line. Each is read in linear time: well under 2 s on the development machine (asserted
/// generously at 5 s; the precise speed is in bench/Gongkai.Bench.Import).
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const int Megabyte = 1 << 20;

    public static TheoryData<string> Cases => new()
    {
        "unclosed-div", "nested-formatting", "nested-tables", "unclosed-cells", "deep-script", "label-only-lines",
        "markdown-rows", "one-long-line", "run-together-digits", "layout-columns",
    };

    private static string Build(string kind)
    {
        string Repeat(string unit) => new StringBuilder(Megabyte + unit.Length).Insert(0, unit, Megabyte / unit.Length).ToString();
        const string Head = "某某局2022年政府信息公开工作年度报告\n一、总体情况\n";
        return kind switch
        {
            "unclosed-div" => "<html><body><p>某某局2022年政府信息公开工作年度报告</p>" + Repeat("<div>"),
            "nested-formatting" => "<html><body>" + Repeat("<b x=1><i>字"),
            "nested-tables" => "<html><body>" + Repeat("<table><tr><td>"),
            "unclosed-cells" => "<html><body><table>" + Repeat("<tr><td>1<td>2"),
            "deep-script" => "<html><body><script>let content = \"" + Repeat("<table><tr><td>\\\"") + "</script>",
            "label-only-lines" => Head + Repeat("（三）不予公开\n"),
            "markdown-rows" => Head + Repeat("| 1.属于国家秘密 | | |\n"),
            "one-long-line" => Head + Repeat("一二三四五六七八九十"),
            "run-together-digits" => Head + Repeat("4.保护第三方合法权益2000002 "),
            "layout-columns" => Head + Repeat("        1.本机关不掌握相关政府信息     0    0    1\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadText_MegabyteOfHostileInput_ReadWithinBound(string kind)
    {
        var text = Build(kind);
        var name = kind.Contains("div", StringComparison.Ordinal) || kind.Contains("format", StringComparison.Ordinal) || kind.Contains("table", StringComparison.Ordinal)
            || kind.Contains("cells", StringComparison.Ordinal) || kind.Contains("script", StringComparison.Ordinal) ? "hostile.html" : "hostile.txt";
        var importer = new ReportImporter();
        _ = importer.ReadText(name, text[..4096]);

        // Linear, not an absolute time: the reader on a quarter of the input and on all of it, each the better of
        // two runs, measured side by side so that the load of a shared machine cancels out. A linear reader takes
        // about 4× as long for 4× the input (up to about 9× with the garbage collector's larger heaps on a megabyte);
        // a quadratic one 16× and more (40,000 unclosed <div>s took 13 s before).
        var quarter = Best(importer, name, text[..(text.Length / 4)], out _);
        var full = Best(importer, name, text, out var imported);

        output.WriteLine($"{kind}: {text.Length / 1024} KB in {full.TotalMilliseconds:0} ms, a quarter in {quarter.TotalMilliseconds:0} ms");
        Assert.True(imported.Succeeded || imported.Error is { Length: > 0 });
        var ratio = full.TotalMilliseconds / Math.Max(quarter.TotalMilliseconds, 1);
        Assert.True(full < TimeSpan.FromSeconds(2) || ratio < 12,
            $"{kind}: {text.Length / 1024} KB took {full.TotalSeconds:0.0} s, {ratio:0.0}× a quarter of it (linear is about 4×)");
    }

    private static TimeSpan Best(ReportImporter importer, string name, string text, out ImportedReport imported)
    {
        var best = TimeSpan.MaxValue;
        imported = null!;
        for (var run = 0; run < 2; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            imported = importer.ReadText(name, text);
            best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
        }

        return best;
    }
}

/// <summary>Tests that measure time run alone, not beside the other tests of the assembly.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
