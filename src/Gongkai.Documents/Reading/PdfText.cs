using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Gongkai.Documents.Reading;

/// <summary>PDF → text through <c>pdftotext -layout</c> (Debian package poppler-utils).</summary>
internal static partial class PdfText
{
    /// <summary>The message when pdftotext is not installed.</summary>
    public const string MissingTool = "无法读取PDF：未找到 pdftotext 程序。请安装 Debian 软件包 poppler-utils（apt-get install poppler-utils）后重试";

    public static (string? Text, string? Error) Extract(string path, string command, TimeSpan timeout) =>
        Run(path, command, timeout, "-layout");

    /// <summary>
    /// The words of every page with their boxes (<c>pdftotext -bbox-layout</c>), each with the box of its block (a
    /// table cell in the PDFs office software writes); empty when pdftotext fails (ADR 0011).
    /// </summary>
    public static IReadOnlyList<PdfWord> Words(string path, string command, TimeSpan timeout)
    {
        var (xml, _) = Run(path, command, timeout, "-bbox-layout");
        var words = new List<PdfWord>();
        if (xml is null)
        {
            return words;
        }

        var page = 0;
        double blockTop = 0, blockBottom = 0;
        foreach (System.Text.RegularExpressions.Match m in BoxTag().Matches(xml))
        {
            switch (m.Groups["tag"].Value)
            {
                case "page":
                    page++;
                    break;
                case "block":
                    blockTop = Number(m.Groups["y0"].Value);
                    blockBottom = Number(m.Groups["y1"].Value);
                    break;
                case "word" when page > 0:
                    words.Add(new PdfWord(page, Number(m.Groups["x0"].Value), Number(m.Groups["x1"].Value), Number(m.Groups["y0"].Value), Number(m.Groups["y1"].Value),
                        blockTop, blockBottom, System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value)));
                    break;
            }
        }

        return words;
    }

    private static double Number(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    [System.Text.RegularExpressions.GeneratedRegex(@"<(?<tag>page|block|word)\b(?:[^>]*?xMin=""(?<x0>[\d.]+)"" yMin=""(?<y0>[\d.]+)"" xMax=""(?<x1>[\d.]+)"" yMax=""(?<y1>[\d.]+)"")?[^>]*>(?<text>[^<]*)")]
    private static partial System.Text.RegularExpressions.Regex BoxTag();

    private static (string? Text, string? Error) Run(string path, string command, TimeSpan timeout, string mode)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { mode, "-enc", "UTF-8", path, "-" })
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

/// <summary>A word on a PDF page: its box and the box of the block (cell) it stands in, in points from the top left.</summary>
internal sealed record PdfWord(int Page, double XMin, double XMax, double YMin, double YMax, double BlockTop, double BlockBottom, string Text)
{
    public double X => (XMin + XMax) / 2;

    public double Y => (YMin + YMax) / 2;
}
