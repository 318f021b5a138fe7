using Gongkai.Application.Catalog;
using Gongkai.Data.Records;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.Web.Catalog;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>修改草稿: the Art. 12 fields of a draft (a new one, or one a reviewer returned). Items in review or published are not edited.</summary>
public sealed class EditModel(CatalogWorkspace workspace, CurrentAgency agency) : PageModel
{
    public long Id { get; private set; }

    public string IndexNumber { get; private set; } = string.Empty;

    public string? ReturnedReason { get; private set; }

    public IReadOnlyList<CatalogCategoryRecord> Categories { get; private set; } = [];

    public string DefaultPublisher { get; private set; } = string.Empty;

    public List<string> Errors { get; } = [];

    /// <summary>Who drafted the item, from its history (a 承办科室 edits only its own drafts).</summary>
    public string? Drafter { get; private set; }

    /// <summary>The draft's version as loaded, posted back so that a draft changed meanwhile is not overwritten.</summary>
    public int Version { get; private set; }

    [BindProperty(Name = "Version")]
    public int? PostedVersion { get; set; }

    [BindProperty]
    public CatalogItemInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        if (!CatalogWorkspace.CanWorkOn(User, Drafter))
        {
            return Forbid();
        }

        if (item.Status != CatalogItemStatus.Draft)
        {
            TempData["Error"] = $"{CatalogItem.StatusLabel(item.Status)}的信息不能修改；审核中的信息须先退回";
            return Redirect($"/staff/catalog/{id}");
        }

        Input = CatalogItemInput.From(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, [FromServices] EditCatalogItem editItem, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!CatalogWorkspace.CanWorkOn(User, Drafter))
        {
            return Forbid();
        }

        if (PostedVersion is not { } seen)
        {
            TempData["Error"] = "修改未保存：表单缺少所看到的版本（Version），请重新打开修改页面";
            return Redirect($"/staff/catalog/{id}");
        }

        Errors.AddRange(Input.Problems(out var channels, workspace.Today()));
        if (Errors.Count > 0)
        {
            return Page();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await editItem.ExecuteAsync(new(new(current.Id, IndexNumber, User.Identity!.Name!, seen), Input.ToEdit(channels, current.Name)), cancellationToken);
        if (result.Error is Conflict conflict)
        {
            TempData["Error"] = "修改未保存：" + conflict.Message;
            return Redirect($"/staff/catalog/{id}");
        }

        if (result.Error is { } error)
        {
            Errors.Add(error.Message);
            return Page();
        }

        TempData["Message"] = "已保存修改";
        return Redirect($"/staff/catalog/{id}");
    }

    private async Task<CatalogItem?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var store = await workspace.StoreAsync(cancellationToken);
        Categories = await store.CategoriesAsync(current.Id, cancellationToken);
        DefaultPublisher = current.Name;
        if (await store.FindByIdAsync(current.Id, id, cancellationToken) is not { } found)
        {
            return null;
        }

        Id = id;
        Version = found.Version;
        Drafter = (await store.HistoryAsync(current.Id, found.Item.IndexNumber, cancellationToken)).FirstOrDefault(e => e.Kind == CatalogEventKind.Drafted)?.Actor;
        IndexNumber = found.Item.IndexNumber;
        ReturnedReason = found.Item.Status == CatalogItemStatus.Draft ? found.Item.ReturnedReason : null;
        return found.Item;
    }
}
