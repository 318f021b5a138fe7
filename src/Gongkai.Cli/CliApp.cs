using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Cli.Commands;
using Gongkai.Cli.Commands.Article20;
using Gongkai.Cli.Commands.Catalog;
using Gongkai.Cli.Commands.Documents;

namespace Gongkai.Cli;

/// <summary>Exit codes of every <c>gongkai</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Done; for a check, no error-level finding.</summary>
    public const int Ok = 0;

    /// <summary>A check found one or more errors in the input.</summary>
    public const int Findings = 1;

    /// <summary>The input could not be used (missing file, bad JSON, bad option): nothing was written.</summary>
    public const int BadInput = 2;
}

/// <summary>Where a command writes: standard output for results, standard error for messages to people.</summary>
public sealed record CliOutput(TextWriter Out, TextWriter Error)
{
    /// <summary>Writes a Chinese error message to standard error and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"错误：{message}");
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// The one place where the command line turns an <see cref="Gongkai.Domain.Results.Error"/> into what a person sees:
    /// its Chinese message on standard error (with the field or row it names) and exit code 2.
    /// </summary>
    public int Fail(Gongkai.Domain.Results.Error error) =>
        Fail(error is Gongkai.Domain.Results.Refused { Field: { } field } && !error.Message.Contains(field, StringComparison.Ordinal)
            ? $"{field}：{error.Message}"
            : error.Message);

    /// <summary>
    /// <see cref="Fail(Gongkai.Domain.Results.Error)"/> for a refusal that lists a file's problems, one per line of its
    /// message (each naming its row or line): a heading made from how many there are, then each problem indented.
    /// </summary>
    public int Fail(Gongkai.Domain.Results.Error error, Func<int, string> heading)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(heading);
        var problems = error.Message.Split('\n');
        Error.WriteLine($"错误：{heading(problems.Length)}：");
        foreach (var problem in problems)
        {
            Error.WriteLine($"  {problem}");
        }

        return ExitCodes.BadInput;
    }
}

/// <summary>The <c>gongkai</c> command line: builds the command tree and runs it with the given writers.</summary>
public static partial class CliApp
{
    /// <summary>Runs the command line and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, TimeProvider.System);

    /// <summary>Runs the command line with a given clock (tests pin the time).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        // Messages for people are in Chinese, System.CommandLine's own included (it ships zh-Hans resources).
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        var output = new CliOutput(stdout, stderr);
        var root = new RootCommand("公开（Gongkai）：政府信息公开工作平台的命令行。年度报告的检查与生成、工作日计算等。");
        foreach (var command in CreateCommands(output, clock))
        {
            root.Subcommands.Add(command);
        }

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = "显示帮助和用法";
        }

        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine($"错误：{Translate(error.Message)}");
            }

            stderr.WriteLine("用法见 gongkai --help（或在任一命令后加 --help）。");
            return ExitCodes.BadInput;
        }

        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>The few parser messages System.CommandLine's zh-Hans resources leave in English.</summary>
    private static string Translate(string message) =>
        RequiredOption().Match(message) is { Success: true } m ? $"缺少必填选项 {m.Groups[1].Value}" : message;

    [GeneratedRegex("^Option '(.+)' is required\\.$")]
    private static partial Regex RequiredOption();

    /// <summary>Every top-level command; a new command group registers itself here.</summary>
    private static IEnumerable<Command> CreateCommands(CliOutput output, TimeProvider clock)
    {
        yield return AgencyCommands.Create(output, clock);
        yield return ReportCommands.Create(output, clock);
        yield return CasesCommands.Create(output, clock);
        yield return CalendarCommands.Create(output, clock);
        yield return RulesCommands.Create(output, clock);
        yield return ReviewCommands.Create(output, clock);
        yield return ImportCommand.Create(output);
        yield return CatalogCommands.Create(output, clock);
        yield return Article20Commands.Create(output, clock);
        yield return DocumentCommands.Create(output, clock);
        yield return RollupCommand.Create(output, clock);
    }
}
