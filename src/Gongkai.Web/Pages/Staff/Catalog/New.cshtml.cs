using Gongkai.Application.Catalog;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Web.Catalog;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>
/// 拟稿: a new catalogue item with its Art. 12 fields and, optionally, its attachments. The 索引号 is generated from
/// the agency's pattern. Nothing is saved unless every field and every file is usable.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = CatalogUploads.MaxRequestBytes)]
[RequestSizeLimit(CatalogUploads.MaxRequestBytes)]
public sealed class NewModel(CatalogWorkspace workspace, CurrentAgency agency) : PageModel
{
    public IReadOnlyList<CatalogCategoryRecord> Categories { get; private set; } = [];

    public string DefaultPublisher { get; private set; } = string.Empty;

    public long MaxAttachmentBytes => workspace.Options.MaxAttachmentBytes;

    public List<string> Errors { get; } = [];

    [BindProperty]
    public CatalogItemInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CatalogWorkspace.CanDraft(User))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        Input = new CatalogItemInput { GeneratedOn = workspace.Today(), Channels = ["website"] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] DraftCatalogItem draft, CancellationToken cancellationToken)
    {
        if (!CatalogWorkspace.CanDraft(User))
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        Errors.AddRange(Input.Problems(out var channels, workspace.Today()));
        var files = await CatalogUploads.ReadAsync(Files, MaxAttachmentBytes, Errors, cancellationToken);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var edit = Input.ToEdit(channels, current.Name);
        var added = await draft.ExecuteAsync(new NewCatalogItem(current.Id, edit.Title, edit.Summary, edit.GeneratedOn, edit.CategoryCode, edit.Publisher,
            edit.DocumentNumber, edit.Channels, Actor: User.Identity!.Name!), files, MaxAttachmentBytes, cancellationToken);
        if (added.Error is { } error)
        {
            Errors.Add(error.Message);
            return Page();
        }

        var saved = added.Value!;
        if (saved.FilesRefused is { } refused)
        {
            // The files were checked above, so this is a rare race (someone submitted the draft meanwhile): the draft
            // exists without the files, and the office sees it with the reason.
            TempData["Error"] = "附件未上传：" + refused;
            return Redirect($"/staff/catalog/{saved.Id}");
        }

        TempData["Message"] = $"已保存草稿，索引号 {saved.Item.IndexNumber}。核对无误后请送审。";
        return Redirect($"/staff/catalog/{saved.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        Categories = await (await workspace.StoreAsync(cancellationToken)).CategoriesAsync(current.Id, cancellationToken);
        DefaultPublisher = current.Name;
    }
}
