using System.Diagnostics;
using System.Globalization;
using Gongkai.Documents.Reading;

// Usage: dotnet run -c Release --project bench/Gongkai.Bench.Import [-- SEEDS_DIR [ROUNDS]]
// Reads every seed text from memory (no disk in the loop), one thread, full pipeline: reader, checker, audit.
var dir = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "seeds");
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400;
var files = Directory.GetFiles(dir, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine($"no *.txt in {dir}");
    return 2;
}

var importer = new ReportImporter(new ImportOptions { Audit = Environment.GetEnvironmentVariable("NOAUDIT") is null });
// Warm-up: let the JIT reach its optimised tier before measuring.
for (var w = 0; w < 40; w++)
{
    foreach (var (name, bytes) in files)
    {
        _ = importer.Read(name, bytes);
    }
}

var stopwatch = Stopwatch.StartNew();
var reports = 0;
var cells = 0;
for (var r = 0; r < rounds; r++)
{
    foreach (var (name, bytes) in files)
    {
        var imported = importer.Read(name, bytes);
        cells += imported.Findings.Count;
        reports++;
    }
}

stopwatch.Stop();
var perSecond = reports / stopwatch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{reports} reports in {stopwatch.Elapsed.TotalSeconds:0.00} s on one thread: {perSecond:0} reports/s ({cells} findings)"));
return 0;
