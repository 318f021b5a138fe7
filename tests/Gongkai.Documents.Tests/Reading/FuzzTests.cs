using System.Diagnostics;
using System.Text;
using CsCheck;
using Gongkai.Documents.Reading;
using Gongkai.TestSupport;

namespace Gongkai.Documents.Tests.Reading;

/// <summary>
/// Property-based fuzzing of the published-report reader (issue #11) with CsCheck: the five seeds and the corpus
/// of every shape (crawled text, script HTML, Word HTML, OCR Markdown, layout text, DOCX, PDF bytes), mutated —
/// lines dropped, duplicated, cut, swapped, cells run together, bytes flipped, files truncated. Every input gives a
/// report or a Chinese error, never an exception, and none takes 2 s; a failure names the input it mutated.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class FuzzTests
{
    private sealed record Base(string Name, byte[] Bytes, bool Binary);

    private static readonly Lazy<List<Base>> Bases = new(() =>
    {
        var list = new List<Base>();
        foreach (var n in new[] { "000", "001", "002", "003", "004" })
        {
            list.Add(new Base($"seed{n}.txt", File.ReadAllBytes(Paths.Seed(n)), false));
        }

        var corpus = Path.Combine(Paths.RepoRoot, "tests", "fixtures", "corpus");
        foreach (var file in Directory.GetFiles(corpus).Where(f => f.Contains("gen1.", StringComparison.Ordinal) || f.Contains("seed001.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            list.Add(new Base(name, File.ReadAllBytes(file), name.EndsWith(".pdf", StringComparison.Ordinal) || name.EndsWith(".docx", StringComparison.Ordinal)));
        }

        return list;
    });

    [Fact]
    public void Read_MutatedSeedsAndCorpus_NeverThrowsNeverSlow()
    {
        var bases = Bases.Value;
        var importer = new ReportImporter();
        var inputs = 0;
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        Gen.Select(Gen.Int[0, bases.Count - 1], Gen.Int[0, int.MaxValue], Gen.Int[1, 6]).Sample((index, seed, operations) =>
        {
            var source = bases[index];
            var bytes = Mutate(source, seed, operations);
            var watch = Stopwatch.StartNew();
            ImportedReport imported;
            try
            {
                imported = importer.Read(source.Name, bytes);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{source.Name} mutated (seed {seed}, {operations} operations) threw: {e}", e);
            }

            watch.Stop();
            Interlocked.Increment(ref inputs);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            // A pathological input (a quadratic or exponential path) takes far longer than this; ordinary inputs take
            // milliseconds, so the bound is loose enough for a loaded shared machine.
            if (watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"{source.Name} mutated (seed {seed}, {operations} operations) took {watch.Elapsed.TotalSeconds:0.0} s");
            }

            if (!imported.Succeeded && string.IsNullOrWhiteSpace(imported.Error))
            {
                throw new InvalidOperationException($"{source.Name} mutated (seed {seed}): neither a report nor an error");
            }
        }, iter: 2000, threads: 1, seed: Environment.GetEnvironmentVariable("GONGKAI_FUZZ_SEED"));

        Assert.True(inputs >= 2000, $"{inputs} inputs");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(300), $"fuzz run took {total.Elapsed.TotalSeconds:0} s (slowest input {slowest.TotalSeconds:0.00} s)");
    }

    private static byte[] Mutate(Base source, int seed, int operations)
    {
        var random = new Random(seed);
        if (source.Binary)
        {
            var bytes = (byte[])source.Bytes.Clone();
            return random.Next(3) switch
            {
                0 => bytes[..random.Next(1, bytes.Length)],
                1 => FlipBytes(bytes, random, operations * 4),
                _ => source.Bytes,
            };
        }

        var lines = Encoding.UTF8.GetString(source.Bytes).Split('\n').ToList();
        for (var k = 0; k < operations && lines.Count > 0; k++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(11))
            {
                case 0: lines.RemoveRange(at, Math.Min(random.Next(1, 40), lines.Count - at)); break;
                case 1: lines = lines.Take(at).ToList(); break;
                case 2: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                case 3: lines[at] = lines[at].Replace("\t", string.Empty, StringComparison.Ordinal).Replace(" | ", string.Empty, StringComparison.Ordinal); break;
                case 4: lines[at] += random.Next(-5, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                case 5: lines[at] = new string(lines[at].Select(c => random.Next(8) == 0 ? (char)random.Next(0x20, 0x9FFF) : c).ToArray()); break;
                case 6: lines[at] = lines[at].Length > 1 ? lines[at][..random.Next(lines[at].Length)] : lines[at]; break;
                case 7: lines.Insert(at, string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "<div>" : "\u00A0", random.Next(1, 3000)))); break;
                case 8: lines.Insert(at, string.Concat(Enumerable.Repeat("7", random.Next(1, 400)))); break;
                case 9: lines[at] = lines[at].Replace('\\', '"'); break;
                default: (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]); break;
            }
        }

        var text = string.Join("\n", lines);
        var bytesOut = random.Next(6) == 0 ? Encoding.GetEncoding("GB18030").GetBytes(text) : Encoding.UTF8.GetBytes(text);
        return random.Next(8) == 0 ? FlipBytes(bytesOut, random, operations) : bytesOut;
    }

    private static byte[] FlipBytes(byte[] bytes, Random random, int count)
    {
        for (var k = 0; k < count && bytes.Length > 0; k++)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;
    }

    static FuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
