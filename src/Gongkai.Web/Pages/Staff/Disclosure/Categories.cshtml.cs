using Gongkai.Application.Catalog;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Staff.Disclosure;

/// <summary>
/// 法定主动公开内容分类: the agency's category tree (Art. 20's fifteen and its own, nested to any depth). 公开办 and
/// administrators add sub-categories, rename, move, and remove empty ones; every other role reads.
/// </summary>
public sealed class CategoriesModel(CurrentAgency agency, ListCatalogCategories list, AddCatalogCategory add, RenameCatalogCategory rename,
    MoveCatalogCategory move, RemoveCatalogCategory remove, IAuthorizationService authorization, IOutputCacheStore cache) : PageModel
{
    public CategoryTree Tree { get; private set; } = CategoryTree.Build([]);

    public bool CanEdit { get; private set; }

    /// <summary>The refusal, shown beside the form of the category it concerns (<see cref="ErrorFor"/>).</summary>
    public string? Error { get; private set; }

    /// <summary>The category the refusal concerns (0: the add form).</summary>
    public int ErrorFor { get; private set; } = -1;

    [BindProperty]
    public int? ParentId { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The category's version the page showed; a change is refused, naming who changed it, when it has moved on.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        RunAsync(0, async id => (await add.ExecuteAsync(new AddCatalogCategoryRequest(id, ParentId, Code, Name), cancellationToken)).Map(r => $"已添加分类“{r.Name}”。"), cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(id, async agencyId => (await rename.ExecuteAsync(new RenameCatalogCategoryRequest(agencyId, id, Name, Version, User.Identity!.Name!), cancellationToken)).Map(r => $"已改名为“{r.Name}”。"), cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(id, async agencyId => (await move.ExecuteAsync(new MoveCatalogCategoryRequest(agencyId, id, ParentId, Version, User.Identity!.Name!), cancellationToken)).Map(r => $"已移动分类“{r.Name}”。"), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken) =>
        RunAsync(id, async agencyId => (await remove.ExecuteAsync(new RemoveCatalogCategoryRequest(agencyId, id, Version), cancellationToken)).Map(r => $"已删除分类“{r.Name}”。"), cancellationToken);

    /// <summary>The categories <paramref name="node"/> may move under: none of its own branch.</summary>
    public IEnumerable<CategoryNode> ParentsFor(CategoryNode node) => Tree.All.Where(n => !node.SelfAndDescendants().Any(d => d.Id == n.Id));

    private async Task<IActionResult> RunAsync(int target, Func<int, Task<Gongkai.Domain.Results.Result<string>>> action, CancellationToken cancellationToken)
    {
        if (!await authorization.IsReportEditorAsync(User))
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await action(current.Id);
        if (result.Error is Gongkai.Domain.Results.NotFound)
        {
            // Another agency's category, or one removed meanwhile: nothing of it is shown (issue #12, item 3).
            return NotFound();
        }

        if (result.Error is { } error)
        {
            Error = error.Message;
            ErrorFor = target;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await PortalCache.EvictAsync(cache, cancellationToken);
        TempData["Message"] = result.Value + "门户网站的“法定主动公开内容”随即更新。";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        CanEdit = await authorization.IsReportEditorAsync(User);
        Tree = await list.ExecuteAsync(current.Id, cancellationToken);
    }
}
