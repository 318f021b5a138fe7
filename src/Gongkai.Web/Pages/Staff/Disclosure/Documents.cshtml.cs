using Gongkai.Application.Register;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Web.Cases;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Disclosure;

/// <summary>
/// 规章和规范性文件登记 (Art. 20(一)): the register as a table, filtered by kind and year, with the counts section 二's first
/// block takes from it for a year in that year's format (the same <see cref="NormativeDocumentKinds.FillArticle20"/> the
/// report uses), and a form to register a document. 公开办 and administrators change; every other role reads.
/// </summary>
public sealed class DocumentsModel(CurrentAgency agency, CaseWorkspace workspace, IAuthorizationService authorization,
    ListRegister list, RegisterNormativeDocument registerDocument) : PageModel
{
    public IReadOnlyList<RegisterEntry> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The year whose section 二 counts are shown: the filter's year, else last year (the report being written).</summary>
    public int CountYear { get; private set; }

    /// <summary>The counts of section 二's first block for <see cref="CountYear"/>.</summary>
    public Article20Table Counts { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        var (document, errors) = Input.Read();
        var current = await agency.GetAsync(cancellationToken);
        if (document is not null && (await registerDocument.ExecuteAsync(new RegisterDocumentRequest(current.Id, document, Input.CatalogIndexNumber), cancellationToken)).Error is { } error)
        {
            errors = [error.Message];
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = $"已登记{document!.Kind.Label()}：{document.Title}。";
        return Redirect(Url.Page("/Staff/Disclosure/Documents", new { Kind, Year })!);
    }

    /// <summary>The 状态 column: 现行有效 or 已废止 today (a document dated in the future: 尚未制发).</summary>
    public string Status(RegisterEntry entry) =>
        entry.Document.StatusOn(Today);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        CanEdit = await MayEditAsync();
        Today = workspace.Today();
        if (!ReportTemplates.IsReportYear(Year))
        {
            Year = null;
        }

        var kind = NormativeDocumentKinds.Parse(Kind ?? string.Empty);
        Kind = kind?.Key();
        CountYear = Year ?? Today.Year - 1;
        (Rows, Counts) = (await list.ExecuteAsync(new ListRegisterRequest(current.Id, kind, Year, CountYear), cancellationToken)).Value!;
    }

    private Task<bool> MayEditAsync() => authorization.IsReportEditorAsync(User);
}
