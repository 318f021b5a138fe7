namespace Gongkai.TestSupport;

/// <summary>Where the repository's test material lives, found from the test assembly's folder upward.</summary>
public static class Paths
{
    /// <summary>The repository root (the folder holding Gongkai.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The transcribed JSON fixtures of the five sample reports.</summary>
    public static string ReportFixtures => Path.Combine(RepoRoot, "tests", "fixtures", "reports");

    /// <summary>
    /// The five real sample reports (<c>../shared/seeds</c> beside the repository). The folder may be moved with
    /// the environment variable GONGKAI_SEEDS.
    /// </summary>
    public static string Seeds =>
        Environment.GetEnvironmentVariable("GONGKAI_SEEDS") is { Length: > 0 } custom
            ? custom
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds"));

    /// <summary>The JSON fixture of sample NNN (000–004).</summary>
    public static string Fixture(string number) => Path.Combine(ReportFixtures, $"{number}.json");

    /// <summary>The seed text file whose name starts with NNN_.</summary>
    public static string Seed(string number) =>
        Directory.GetFiles(Seeds, $"{number}_*.txt").Single();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
    }
}
