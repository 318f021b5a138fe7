using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace Gongkai.Fuzz.Tests;

/// <summary>
/// The fuzzing harness (issue #11): each property runs over CsCheck-generated inputs — valid files mutated — and
/// fails on any exception other than the reader's documented error values, or on any input that takes over 2 s.
/// CsCheck names the failing input's seed, so <c>GONGKAI_FUZZ_SEED</c> replays it. <c>GONGKAI_FUZZ_FACTOR</c>
/// multiplies every count (bench/fuzz-long.sh). The time is wall-clock time, which a machine busy with other work
/// stretches; an input over the limit is therefore run again, and only an input that is slow twice fails.
/// </summary>
internal static class Fuzz
{
    /// <summary>The longest any one input may take.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="property"/> over <paramref name="iterations"/> (times the factor) inputs of <paramref name="gen"/>.</summary>
    public static void Run<T>(Gen<T> gen, Action<T> property, long iterations, Func<T, string> print)
    {
        var factor = long.TryParse(Environment.GetEnvironmentVariable("GONGKAI_FUZZ_FACTOR"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1;
        var seed = Environment.GetEnvironmentVariable("GONGKAI_FUZZ_SEED");
        gen.Sample(
            input =>
            {
                var first = Time(property, input);
                if (first > Limit && Time(property, input) is var second && second > Limit)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"one input took {first.TotalMilliseconds:0} ms and again {second.TotalMilliseconds:0} ms (limit {Limit.TotalMilliseconds} ms)"));
                }
            },
            seed: string.IsNullOrEmpty(seed) ? null : seed,
            iter: iterations * factor,
            print: print);
    }

    private static TimeSpan Time<T>(Action<T> property, T input)
    {
        var watch = Stopwatch.StartNew();
        property(input);
        return watch.Elapsed;
    }

    /// <summary>Values that have broken readers: huge and odd numbers, control characters, quotes, dates at the ends of time.</summary>
    public static readonly string[] Nasty =
    [
        "1e308", "1e400", "-1e400", "-1", "1.5", "-0", "1E+2", "99999999999999999999999999999", "79228162514264337593543950336",
        "NaN", "Infinity", "0x10", "\"", "\"\"", "\"a\"b", ",", "\r", "\n", "\r\n", "\0", "\u0001\u001F\u007F", "\uFEFF", "\uD800",
        "=cmd|' /C calc'!A0", "０１２３", "２０２５－０３－０９", "2025-02-30", "0001-01-01", "9999-12-31", "1900-01-00", "2008-04-30",
        "ZZZZZZ1", "XFD1048577", "A0", "99999999999", "4000", "-2147483649", "2147483648", "null", "[]", "{}", "true",
        "自然人", "予以公开", "行政许可", "金额（元）", "3487.1万元", "万元", "元", "件", string.Empty, " ",
        new string('长', 5000), new string('9', 400),
    ];

    /// <summary>One change to a text: a token replaced, a cut, an insertion, a deleted span.</summary>
    public sealed record Mutation(int Kind, double At, double Length, string Payload);

    public static Gen<string> Payload { get; } = Gen.OneOf<string>(Gen.OneOf(Nasty), Gen.String, Gen.Char.Array[0, 8].Select(c => new string(c)));

    public static Gen<Mutation[]> Mutations { get; } =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Double[0, 1], Payload, (k, a, l, p) => new Mutation(k, a, l, p)).Array[1, 4];

    /// <summary>Applies the mutations; <paramref name="tokens"/> finds the values (cells, JSON values, XML attributes) a replacement targets.</summary>
    public static string Apply(string text, IEnumerable<Mutation> mutations, Regex tokens)
    {
        foreach (var m in mutations)
        {
            var at = (int)(m.At * text.Length);
            switch (m.Kind)
            {
                case 0 or 1:
                    var matches = tokens.Matches(text);
                    if (matches.Count > 0)
                    {
                        var match = matches[(int)(m.Length * matches.Count) % matches.Count];
                        text = string.Concat(text.AsSpan(0, match.Index), m.Payload, text.AsSpan(match.Index + match.Length));
                    }

                    break;
                case 2:
                    text = text[..at];
                    break;
                case 3:
                    text = text.Insert(at, m.Payload);
                    break;
                default:
                    var length = Math.Min(text.Length - at, (int)(m.Length * 64));
                    text = text.Remove(at, length);
                    break;
            }
        }

        return text;
    }

    /// <summary>Flips bits of some bytes and perhaps cuts the end: damage in transit or on disk.</summary>
    public static Gen<(int[] Flips, double Cut)> ByteDamage { get; } = Gen.Select(Gen.Int[0, int.MaxValue].Array[0, 6], Gen.Double[0, 1.5]);

    public static byte[] Damage(byte[] bytes, (int[] Flips, double Cut) damage)
    {
        var copy = bytes.ToArray();
        foreach (var flip in damage.Flips)
        {
            copy[flip % copy.Length] ^= (byte)(1 << (flip / copy.Length % 8));
        }

        return damage.Cut < 1 ? copy[..(int)(damage.Cut * copy.Length)] : copy;
    }

    /// <summary>A short description of a text input for the failure message.</summary>
    public static string Describe(string text) =>
        string.Create(CultureInfo.InvariantCulture, $"{text.Length} chars: {(text.Length > 300 ? text[..300] + "…" : text)}");

    public static string Describe(byte[] bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes.Length} bytes: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 64)))}…");

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>A clock that always says the same moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.FromHours(8)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
