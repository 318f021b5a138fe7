using Gongkai.Application.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Reports;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Reports;

/// <summary>
/// 政府信息公开工作年度报告 (Arts. 49–50) in the back office: the year's tables with the checker's findings beside
/// them, the six narrative parts, downloads, import of a report JSON, publication to the portal. Every staff role
/// reads; 公开办 and administrators change.
/// </summary>
public sealed class IndexModel(
    CurrentAgency agency, AnnualReportStore store, IAuthorizationService authorization, BuildAnnualReport build, CheckAnnualReport check,
    SaveReportText saveText, PublishAnnualReport publish, WithdrawAnnualReport withdraw, ImportAnnualReport import,
    Gongkai.Web.Infrastructure.AgencyList agencies) : PageModel
{
    /// <summary>A report JSON larger than this is not a report.</summary>
    public const long MaxImportBytes = 2 * 1024 * 1024;

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public AnnualReport Report { get; private set; } = null!;

    public string? Status { get; private set; }

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public IReadOnlyList<string> Tables { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>Where the agency's published reports stand on the portal: the root government's column or the agency's own.</summary>
    public string PortalPath { get; private set; } = string.Empty;

    public IReadOnlyList<string> ImportErrors { get; private set; } = [];

    [BindProperty]
    public ReportSections Sections { get; set; } = new();

    /// <summary>What a publication would put on the portal, or why it cannot; set after 发布到门户 is pressed.</summary>
    public PublishConfirmation? Confirmation { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        Sections = Report.Sections.Copy();
    }

    public async Task<IActionResult> OnPostSaveAsync(int year, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!ReportTemplates.IsReportYear(year))
        {
            return NotFound();
        }

        var current = await agency.GetAsync(cancellationToken);
        return Done(year, (await saveText.ExecuteAsync(new SaveReportTextRequest(current, year, Sections), cancellationToken)).Error, "正文已保存。");
    }

    /// <summary>
    /// Publishing is two steps. From the editor (<paramref name="confirmed"/> false): the text is saved and the page
    /// shows what would be published — agency, year, formats, 成文日期 — or why it cannot be (an empty part, the
    /// checker's errors). From that confirmation (<paramref name="confirmed"/> true): the saved report is published.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(int year, bool confirmed, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!ReportTemplates.IsReportYear(year))
        {
            return NotFound();
        }

        var current = await agency.GetAsync(cancellationToken);
        if (confirmed)
        {
            return Done(year, (await publish.ExecuteAsync(new PublishAnnualReportRequest(current, year), cancellationToken)).Error, $"{current.Name}{year}年度报告已发布到门户网站。");
        }

        if ((await saveText.ExecuteAsync(new SaveReportTextRequest(current, year, Sections), cancellationToken)).Error is { } refusal)
        {
            return Done(year, refusal, string.Empty);
        }

        var blockers = await LoadAsync(year, cancellationToken);
        Sections = Report.Sections.Copy();
        Confirmation = new PublishConfirmation(current.Name, year, ReportPublication.Formats, Report.PublishedOn ?? store.Today(), blockers);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int year, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!ReportTemplates.IsReportYear(year))
        {
            return NotFound();
        }

        var current = await agency.GetAsync(cancellationToken);
        return Done(year, (await withdraw.ExecuteAsync(new WithdrawAnnualReportRequest(current.Id, year), cancellationToken)).Error, $"{year}年度报告已撤回，门户网站不再显示。");
    }

    public async Task<IActionResult> OnPostImportAsync(int year, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!ReportTemplates.IsReportYear(year))
        {
            return NotFound();
        }

        var errors = new List<string>();
        AnnualReport? report = null;
        if (upload is null || upload.Length == 0)
        {
            errors.Add("请选择要导入的报告 JSON 文件。");
        }
        else if (upload.Length > MaxImportBytes)
        {
            errors.Add("文件过大：报告 JSON 不应超过 2 MB。");
        }
        else
        {
            using var reader = new StreamReader(upload.OpenReadStream());
            var result = ReportJson.Read(await reader.ReadToEndAsync(cancellationToken));
            errors.AddRange(result.Errors.Select(e => e.ToString()));
            report = result.Report;
        }

        if (errors.Count > 0 || report is null)
        {
            await LoadAsync(year, cancellationToken);
            Sections = Report.Sections.Copy();
            ImportErrors = errors;
            return Page();
        }

        var current = await agency.GetAsync(cancellationToken);
        return Done(report.Year, (await import.ExecuteAsync(new ImportAnnualReportRequest(current.Id, report), cancellationToken)).Error, $"已导入{report.Year}年度报告，请检查后发布。");
    }

    private IActionResult Done(int year, Error? refusal, string message)
    {
        TempData[refusal is null ? "Message" : "Error"] = refusal?.Message ?? message;
        return RedirectToPage(new { year });
    }

    /// <summary>Years a report can be about: the Regulation's first reports (2008) to far ahead.</summary>
    private Task<bool> MayEditAsync() => authorization.IsReportEditorAsync(User);

    /// <summary>Loads the year's working copy and its findings; the value is why it may not be published now.</summary>
    private async Task<IReadOnlyList<string>> LoadAsync(int? year, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var lastYear = store.Today().Year - 1;
        Year = ReportTemplates.IsReportYear(year) ? year!.Value : lastYear;
        Report = (await build.ExecuteAsync(new BuildAnnualReportRequest(current, Year), cancellationToken)).Value!;
        Status = (await store.FindAsync(current.Id, Year, cancellationToken))?.Status;
        var checkedReport = check.Execute(Report).Value!;
        Findings = checkedReport.Findings;
        Tables = ReportHtml.Tables(Report, Findings);
        CanEdit = await MayEditAsync();
        var root = await agencies.RootAsync(cancellationToken);
        PortalPath = Gongkai.Web.Infrastructure.AgencyColumns.PathOf(current.Id == root.Id ? null : current.Code) + "/reports/" + Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = (await store.ListAsync(current.Id, publishedOnly: false, cancellationToken)).Select(r => r.Year);
        Years = [.. stored.Concat(Enumerable.Range(lastYear - 4, 6)).Append(Year).Distinct().OrderDescending()];
        return checkedReport.Blockers;
    }
}

/// <summary>What 确认发布 would publish (agency, year, formats, 成文日期), or the reasons it may not yet.</summary>
public sealed record PublishConfirmation(string Agency, int Year, string Formats, DateOnly SignedOn, IReadOnlyList<string> Blockers);
