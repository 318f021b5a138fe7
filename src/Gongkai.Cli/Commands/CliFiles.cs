using Gongkai.Domain.Reports;

namespace Gongkai.Cli.Commands;

/// <summary>Reading input files and writing output files for commands, with Chinese messages and no half-written output.</summary>
internal static class CliFiles
{
    /// <summary>Reads a report JSON file; on failure writes every problem to stderr and returns null.</summary>
    public static AnnualReport? ReadReport(string path, CliOutput output)
    {
        if (!File.Exists(path))
        {
            output.Fail(Directory.Exists(path) ? $"{path} 是文件夹，请给出报告的 JSON 文件" : $"找不到文件 {path}");
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Fail($"无法读取 {path}：{e.Message}");
            return null;
        }

        var result = ReportJson.Read(text);
        if (result.Succeeded)
        {
            return result.Report;
        }

        output.Error.WriteLine($"错误：{path} 不是有效的年度报告 JSON：");
        foreach (var error in result.Errors)
        {
            output.Error.WriteLine($"  {error}");
        }

        return null;
    }

    /// <summary>
    /// Writes a file completely or not at all: the bytes go to a temporary file beside the target, which then
    /// replaces it. Returns false (with a message) when the folder is missing or not writable.
    /// </summary>
    public static bool WriteAtomically(string path, Action<Stream> write, CliOutput output)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            output.Fail($"输出文件夹 {folder} 不存在");
            return false;
        }

        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temp))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            output.Fail($"无法写入 {path}：{e.Message}");
            return false;
        }
    }
}
