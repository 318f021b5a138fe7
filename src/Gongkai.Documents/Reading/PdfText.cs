using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Gongkai.Documents.Reading;

/// <summary>PDF → text through <c>pdftotext -layout</c> (Debian package poppler-utils).</summary>
internal static class PdfText
{
    /// <summary>The message when pdftotext is not installed.</summary>
    public const string MissingTool = "无法读取PDF：未找到 pdftotext 程序。请安装 Debian 软件包 poppler-utils（apt-get install poppler-utils）后重试";

    public static (string? Text, string? Error) Extract(string path, string command, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { "-layout", "-enc", "UTF-8", path, "-" })
        {
            start.ArgumentList.Add(arg);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return (null, MissingTool);
        }

        if (process is null)
        {
            return (null, MissingTool);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"无法读取PDF：pdftotext 超过{((int)timeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)}秒未完成");
            }

            var text = stdout.GetAwaiter().GetResult();
            var error = stderr.GetAwaiter().GetResult().Trim();
            if (process.ExitCode != 0)
            {
                return (null, $"无法读取PDF（文件可能已损坏或被截断）：pdftotext 退出码{process.ExitCode}{(error.Length > 0 ? "，" + error : string.Empty)}");
            }

            if (text.Trim().Length == 0)
            {
                return (null, "PDF 中没有可提取的文字（可能是扫描件图片，需先进行文字识别）");
            }

            return (text, null);
        }
    }
}
