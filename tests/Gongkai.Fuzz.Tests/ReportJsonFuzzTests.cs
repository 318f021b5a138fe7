using System.Text.RegularExpressions;
using CsCheck;
using Gongkai.Domain.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Fuzz.Tests;

/// <summary>Report JSON (<see cref="ReportJson"/>, then <see cref="ReportChecker"/> on what reads): errors are values, never exceptions.</summary>
public partial class ReportJsonFuzzTests
{
    private static readonly string[] Bases =
    [
        .. Fixtures.All.Select(n => Fixtures.Json((string)n[0])),
        ReportJson.Write(new ReportBuilder().Build()),
        ReportJson.Write(new ReportBuilder(year: 2020).Build()),
    ];

    private static readonly AnnualReport Previous = Fixtures.Report("001");

    /// <summary>JSON values and keys: numbers, strings, literals.</summary>
    [GeneratedRegex("""-?\d+(\.\d+)?([eE][+-]?\d+)?|"(?:[^"\\]|\\.)*"|null|true|false""")]
    private static partial Regex Values();

    [Fact]
    public void Read_MutatedReports_GiveErrorsOrAReportThatChecksAndRoundTrips() =>
        Fuzz.Run(
            Gen.Select(Gen.Int[0, Bases.Length - 1], Fuzz.Mutations),
            input =>
            {
                var json = Fuzz.Apply(Bases[input.Item1], input.Item2, Values());
                var result = ReportJson.Read(json);
                if (!result.Succeeded)
                {
                    Assert.Null(result.Report);
                    Assert.NotEmpty(result.Errors);
                    Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ToString())));
                    return;
                }

                var report = result.Report!;
                _ = ReportChecker.Check(report);
                _ = ReportChecker.CheckContinuity(Previous, report);
                var again = ReportJson.Read(ReportJson.Write(report));
                Assert.True(again.Succeeded, string.Join("\n", again.Errors));
            },
            iterations: 1500,
            print: input => Fuzz.Describe(Fuzz.Apply(Bases[input.Item1], input.Item2, Values())));

    [Fact]
    public void Read_RandomText_IsAnError() =>
        Fuzz.Run(
            Gen.OneOf<string>(Gen.String, Gen.Char.Array[0, 200].Select(c => new string(c))),
            text =>
            {
                var result = ReportJson.Read(text);
                Assert.Equal(result.Report is null, result.Errors.Count > 0);
            },
            iterations: 500,
            print: Fuzz.Describe);
}
