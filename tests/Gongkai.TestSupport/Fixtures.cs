using Gongkai.Domain.Reports;

namespace Gongkai.TestSupport;

/// <summary>The five sample reports as transcribed in tests/fixtures/reports (the ground truth of every cell).</summary>
public static class Fixtures
{
    /// <summary>The fixture numbers, for xunit theories.</summary>
    public static TheoryNumbers All => new() { "000", "001", "002", "003", "004" };

    /// <summary>The fixture's JSON text.</summary>
    public static string Json(string number) => File.ReadAllText(Paths.Fixture(number));

    /// <summary>The fixture read into the model; a fixture that does not read is a broken test setup.</summary>
    public static AnnualReport Report(string number)
    {
        var result = ReportJson.Read(Json(number));
        return result.Report ?? throw new InvalidOperationException(
            $"Fixture {number} does not read: {string.Join("; ", result.Errors)}");
    }
}

/// <summary>A list of fixture numbers usable as xunit MemberData without referencing xunit here.</summary>
public sealed class TheoryNumbers : List<object[]>
{
    public void Add(string number) => Add([number]);
}
