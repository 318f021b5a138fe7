using System.Diagnostics;
using System.Globalization;
using Gongkai.Documents.Reading;

// Usage: dotnet run -c Release --project bench/Gongkai.Bench.Import [-- SEEDS_DIR [ROUNDS]]
//        dotnet run -c Release --project bench/Gongkai.Bench.Import -- --hostile
// Reads every seed text from memory (no disk in the loop), one thread, full pipeline: reader, checker, audit.
// --hostile: reads inputs built to be slow (unclosed markup, label-only lines…) at 256 KB, 512 KB and 1 MB; a
// linear reader takes about twice as long for twice the size.
// --copies N: N reports (a seed's tables, random narratives, every 50th copying another's) read together, so
// that the copy check across reports is timed at the size of a supervising office's year.
if (args.Length > 1 && args[0] == "--copies")
{
    var count = int.Parse(args[1], CultureInfo.InvariantCulture);
    var seedDir = args.Length > 2 ? args[2] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "seeds");
    var template = File.ReadAllLines(Directory.GetFiles(seedDir, "000_*.txt").Single());
    var temp = Directory.CreateTempSubdirectory("gongkai-copies-");
    var random = new Random(15);
    string Words(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x6000)).ToArray());
    var paths = new List<string>();
    string[]? previous = null;
    for (var i = 0; i < count; i++)
    {
        var lines = template.Select(l => l.Length > 40 && !l.StartsWith('\t') ? Words(l.Length - 1) + "。" : l).ToArray();
        lines[0] = $"第{i}区卫生健康局2019年政府信息公开工作年度报告";
        if (i % 50 == 49 && previous is not null)
        {
            lines = previous.Select((l, k) => k == 0 ? lines[0] : l).ToArray();
        }

        previous = lines;
        var path = Path.Combine(temp.FullName, $"{i:00000}.txt");
        File.WriteAllLines(path, lines);
        paths.Add(path);
    }

    var importerAll = new ReportImporter();
    var readOnly = Stopwatch.StartNew();
    foreach (var path in paths)
    {
        _ = importerAll.ReadFile(path);
    }

    readOnly.Stop();
    var together = Stopwatch.StartNew();
    var all = importerAll.ReadFiles(paths);
    together.Stop();
    var copies = all.Sum(r => r.Findings.Count(f => f.Rule == ImportRules.Copying));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{count} reports: read one by one {readOnly.Elapsed.TotalSeconds:0.0} s; read together with the copy check {together.Elapsed.TotalSeconds:0.0} s (check ≈ {(together.Elapsed - readOnly.Elapsed).TotalSeconds:0.0} s); {copies} copy findings"));
    temp.Delete(recursive: true);
    return 0;
}

if (args.Length > 1 && args[0] == "--dump")
{
    // Every figure and finding of every file in a folder, one per line: two builds' dumps must be identical.
    var dumpReader = new ReportImporter(new ImportOptions { Audit = true });
    foreach (var path in Directory.GetFiles(args[1]).Where(p => !p.EndsWith(".json", StringComparison.Ordinal)).OrderBy(p => p, StringComparer.Ordinal))
    {
        var read = dumpReader.ReadFile(path);
        Console.WriteLine($"{Path.GetFileName(path)}\t{read.Error}");
        if (read.Report is { } r)
        {
            Console.WriteLine(Gongkai.Domain.Reports.ReportJson.Write(r));
        }

        foreach (var f in read.Findings)
        {
            Console.WriteLine($"  {f.Rule}\t{f.Severity}\t{string.Join(",", f.Location)}\t{f.Message}");
        }
    }

    return 0;
}

if (args.Length > 0 && args[0] == "--hostile")
{
    string Build(string kind, int size)
    {
        string Repeat(string unit) => new System.Text.StringBuilder(size + unit.Length).Insert(0, unit, size / unit.Length).ToString();
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
            _ => Head + Repeat("        1.本机关不掌握相关政府信息     0    0    1\n"),
        };
    }

    var reader = new ReportImporter(new ImportOptions { Audit = Environment.GetEnvironmentVariable("NOAUDIT") is null });
    foreach (var kind in new[] { "unclosed-div", "nested-formatting", "nested-tables", "unclosed-cells", "deep-script", "label-only-lines", "markdown-rows", "one-long-line", "run-together-digits", "layout-columns" })
    {
        var line = new System.Text.StringBuilder(kind.PadRight(22));
        foreach (var size in new[] { 256 << 10, 512 << 10, 1 << 20 })
        {
            var text = Build(kind, size);
            var name = kind is "unclosed-div" or "nested-formatting" or "nested-tables" or "unclosed-cells" or "deep-script" ? "h.html" : "h.txt";
            var watch = Stopwatch.StartNew();
            _ = reader.ReadText(name, text);
            line.Append(CultureInfo.InvariantCulture, $"{size >> 10,5} KB {watch.ElapsedMilliseconds,6} ms   ");
        }

        Console.WriteLine(line);
    }

    return 0;
}

var dir = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "seeds");
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var files = Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine($"no *.txt in {dir}");
    return 2;
}

var withAudit = new ReportImporter(new ImportOptions { Audit = true });
var withoutAudit = new ReportImporter(new ImportOptions { Audit = false });
var texts = files.Select(f => (f.Name, Text: System.Text.Encoding.UTF8.GetString(f.Bytes))).ToList();
// The reader's phases are internal: reached by reflection, only to time them.
var assembly = typeof(ReportImporter).Assembly;
var parse = assembly.GetType("Gongkai.Documents.Reading.TextSource")!.GetMethod("Parse")!;
var narrativeType = assembly.GetType("Gongkai.Documents.Reading.NarrativeReader")!;
var narrativeRead = narrativeType.GetMethod("Read")!;
var textFormat = Enum.Parse(parse.GetParameters()[1].ParameterType, "Text");
object Parse(string text) => parse.Invoke(null, [text, textFormat])!;
void Narrative(object doc) => narrativeRead.Invoke(Activator.CreateInstance(narrativeType, doc), [new Gongkai.Domain.Reports.ReportSections()]);

// Each phase runs in short interleaved batches, so that the load of other processes falls on all of them alike.
var phases = new (string Name, Action<(string Name, byte[] Bytes), string> Run)[]
{
    ("whole, with audit", (f, _) => withAudit.Read(f.Name, f.Bytes)),
    ("whole, without audit", (f, _) => withoutAudit.Read(f.Name, f.Bytes)),
    ("text → rows (TextSource)", (_, t) => Parse(t)),
    ("rows + narrative (NarrativeReader)", (_, t) => Narrative(Parse(t))),
};
var elapsed = new TimeSpan[phases.Length];
var cpu = new TimeSpan[phases.Length];
var counted = new int[phases.Length];
var allocated = new long[phases.Length];
var paused = new TimeSpan[phases.Length];
var collections = new int[phases.Length, 3];
var process = System.Diagnostics.Process.GetCurrentProcess();
// Warm up by CPU time, not by a count of rounds: the runtime first runs each method unoptimised, then
// instrumented, and compiles its optimised code on a background thread. Pinned to one busy core, that thread
// waits its turn: 40 rounds (the earlier warm-up) measured the reader mostly before it was optimised
// (about 640/s, where the same build reads about 1,600/s once compiled). GONGKAI_BENCH_WARMUP sets the seconds.
var warmup = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("GONGKAI_BENCH_WARMUP") ?? "8", CultureInfo.InvariantCulture));
var warmupStart = process.TotalProcessorTime;
while (true)
{
    foreach (var phase in phases)
    {
        for (var i = 0; i < files.Count; i++)
        {
            phase.Run(files[i], texts[i].Text);
        }
    }

    process.Refresh();
    if (process.TotalProcessorTime - warmupStart >= warmup)
    {
        break;
    }
}

const int Batch = 10;
for (var r = 0; r < rounds; r += Batch)
{
    for (var p = 0; p < phases.Length; p++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var pauseBefore = GC.GetTotalPauseDuration();
        int[] countsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var watch = Stopwatch.StartNew();
        for (var b = 0; b < Batch; b++)
        {
            for (var i = 0; i < files.Count; i++)
            {
                phases[p].Run(files[i], texts[i].Text);
                counted[p]++;
            }
        }

        elapsed[p] += watch.Elapsed;
        allocated[p] += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        paused[p] += GC.GetTotalPauseDuration() - pauseBefore;
        for (var g = 0; g < 3; g++)
        {
            collections[p, g] += GC.CollectionCount(g) - countsBefore[g];
        }

        process.Refresh();
        cpu[p] += process.TotalProcessorTime - cpuBefore;
    }
}

for (var p = 0; p < phases.Length; p++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{phases[p].Name,-36} {counted[p] / elapsed[p].TotalSeconds,7:0} /s wall, {counted[p] / cpu[p].TotalSeconds,7:0} /s CPU ({cpu[p].TotalMilliseconds * 1000 / counted[p],6:0} µs CPU, {allocated[p] / counted[p] / 1024,5} KB allocated each; GC paused {100 * paused[p] / elapsed[p],3:0}% of the time, collections gen0/1/2 {collections[p, 0]}/{collections[p, 1]}/{collections[p, 2]})"));
}

var findings = files.Sum(f => withAudit.Read(f.Name, f.Bytes).Findings.Count);
// CPU time of the process (this thread, plus the GC's), so that the figure does not depend on the machine's load.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"text reports/s (one core, with audit): {counted[0] / cpu[0].TotalSeconds:0} ({counted[0]} reports of {files.Count} seeds, {findings} findings per round; wall clock {counted[0] / elapsed[0].TotalSeconds:0}/s)"));
return 0;
