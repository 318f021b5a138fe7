using System.Diagnostics;
using System.Globalization;
using Gongkai.Documents.Rendering;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Rendering;

/// <summary>
/// Opens the rendered document in a real LibreOffice (soffice and pdftotext must be on PATH; CI installs
/// libreoffice-writer-nogui and poppler-utils). Filter it out with <c>--filter Category!=LibreOffice</c> where they are absent.
/// </summary>
[Trait("Category", "LibreOffice")]
public sealed class DocxLibreOfficeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "gongkai-docx-" + Guid.NewGuid().ToString("N"));

    public DocxLibreOfficeTests() => Directory.CreateDirectory(_work);

    [Fact]
    public void Docx_OpensInLibreOffice_PdfHasTheNumbers()
    {
        var report = DocxReportRendererTests.Load("001");
        var docx = Path.Combine(_work, "report.docx");
        File.WriteAllBytes(docx, DocxReportRenderer.Render(report));

        // A private profile, so that a running LibreOffice or a parallel test cannot hold the lock.
        var profile = new Uri(Path.Combine(_work, "profile")).AbsoluteUri;
        Run("soffice", ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", _work, docx]);
        var pdf = Path.Combine(_work, "report.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice produced no PDF.");
        var text = Run("pdftotext", ["-layout", pdf, "-"]);

        // The title wraps over two lines; compare without white space.
        var flat = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(report.Title, flat, StringComparison.Ordinal);
        Assert.Contains("2021年1月18日", flat, StringComparison.Ordinal);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(Value(report.Article20["centralizedProcurement", "totalAmountYuan"]), words); // 34871000
        Assert.Contains(Value(report.Article20["administrativeLicensing", "decisions"]), words); // 7646
        Assert.Contains(report.Applications[ApplicationRowKeys.Received, ApplicantColumn.NaturalPerson]!.Value.ToString(CultureInfo.InvariantCulture), words);
        Assert.Contains("一、本年新收政府信息公开申请数量", flat, StringComparison.Ordinal);
        Assert.Contains("—1—", flat, StringComparison.Ordinal); // the page number of page 1
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not a test failure.
        }
    }

    private static string Value(Article20Value? value) => value?.ToString() ?? throw new InvalidOperationException("blank cell");

    private static string Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not on PATH (install libreoffice-writer-nogui and poppler-utils): {e.Message}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} did not finish within {Timeout.TotalSeconds} s.");
            }

            Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {error.Result}");
            return output.Result;
        }
    }
}
