using Gongkai.Application.Register;
using Gongkai.Data.Disclosure;
using Gongkai.Web.Cases;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Disclosure;

/// <summary>
/// One entry of the register of 规章 and 规范性文件 (Art. 20(一)): correct it, record its 废止 (counted as 本年废止件数; it
/// is no longer 现行有效), or delete an entry registered by mistake. 公开办 and administrators change; every other role reads.
/// </summary>
public sealed class DocumentModel(CurrentAgency agency, CaseWorkspace workspace, IAuthorizationService authorization, ShowRegisterEntry show,
    UpdateNormativeDocument updateDocument, RepealNormativeDocument repealDocument, RemoveNormativeDocument removeDocument) : PageModel
{
    public RegisterEntry Entry { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty]
    public DocumentInput Input { get; set; } = new();

    /// <summary>废止日期 of the repeal form.</summary>
    [BindProperty]
    public string? RepealOn { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = DocumentInput.From(Entry.Document);
        RepealOn = RegisterForms.Iso(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(long id, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (document, errors) = Input.Read();
        var current = await agency.GetAsync(cancellationToken);
        if (document is not null && (await updateDocument.ExecuteAsync(new UpdateDocumentRequest(current.Id, id, document), cancellationToken)).Error is { } error)
        {
            errors = [error.Message];
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            RepealOn = RegisterForms.Iso(Today);
            return Page();
        }

        TempData["Message"] = $"已保存：{document!.Title}。";
        return Redirect($"/staff/disclosure/documents/{id}");
    }

    public async Task<IActionResult> OnPostRepealAsync(long id, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var errors = new List<string>();
        var on = RegisterForms.Date("废止日期", RepealOn, required: true, errors);
        var current = await agency.GetAsync(cancellationToken);
        if (on is { } day && (await repealDocument.ExecuteAsync(new RepealDocumentRequest(current.Id, id, day), cancellationToken)).Error is { } error)
        {
            errors.Add(error.Message);
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Input = DocumentInput.From(Entry.Document);
            return Page();
        }

        TempData["Message"] = $"已记录废止（{RegisterForms.Iso(on)}）：{Entry.Document.Title}。";
        return Redirect($"/staff/disclosure/documents/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var current = await agency.GetAsync(cancellationToken);
        if ((await removeDocument.ExecuteAsync(new RemoveDocumentRequest(current.Id, id), cancellationToken)).Error is { } error)
        {
            TempData["Error"] = error.Message;
            return Redirect($"/staff/disclosure/documents/{id}");
        }

        TempData["Message"] = $"已删除误登记的记录：{Entry.Document.Title}。";
        return Redirect("/staff/disclosure/documents");
    }

    public string Status => Entry.Document.StatusOn(Today);

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        CanEdit = await MayEditAsync();
        Today = workspace.Today();
        Entry = (await show.ExecuteAsync(new ShowRegisterEntryRequest(current.Id, id), cancellationToken)).Value!;
        return Entry is not null;
    }

    private Task<bool> MayEditAsync() => authorization.IsReportEditorAsync(User);
}
