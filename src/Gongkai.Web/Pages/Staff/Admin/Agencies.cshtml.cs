using Gongkai.Application.Agencies;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>
/// 机关管理 (administrators): the government's tree of agencies — add, rename, correct the kind and 统一社会信用代码, move,
/// archive, restore, remove one entered by mistake. Every change carries the version of the agency the administrator saw;
/// a stale form is refused, naming who changed what. An administrator sees and changes the current agency and the
/// agencies below it only (an administrator of a department never another department's entry).
/// </summary>
public sealed class AgenciesModel(ListAgencyTree tree, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, CurrentAgency current, AgencyList agencies) : PageModel
{
    private HashSet<int>? _scope;

    public IReadOnlyList<AgencyNode> Tree { get; private set; } = [];

    /// <summary>The agency opened for changes (<c>?edit=ID</c>), if any.</summary>
    public AgencyNode? Editing { get; private set; }

    /// <summary>Where <see cref="Editing"/> may be moved.</summary>
    public IReadOnlyList<AgencyNode> ValidParents { get; private set; } = [];

    /// <summary>An error that names no field (a stale form, an agency that has records).</summary>
    public string? Error { get; private set; }

    [BindProperty]
    public AddInput Add { get; set; } = new();

    [BindProperty]
    public EditInput Edit { get; set; } = new();

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(edit, cancellationToken);
        if (Editing is { } e)
        {
            Edit = new EditInput { Id = e.Id, Version = e.Version, Name = e.Name, Kind = e.KindKey, Uscc = e.Uscc };
            Move = new MoveInput { Id = e.Id, Version = e.Version, Parent = e.ParentId is { } p ? Tree.FirstOrDefault(a => a.Id == p)?.Code : null };
        }
    }

    public async Task<IActionResult> OnPostAddAsync([FromServices] AddAgency add, CancellationToken cancellationToken)
    {
        // A new agency goes below one the administrator administers; a new root (a government above the installation's
        // first agency, when an installation is upgraded) only from a root agency.
        var here = await current.GetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Add.Parent) ? here.ParentId is not null : !await InScopeAsync(Add.Parent, cancellationToken))
        {
            return NotFound();
        }

        var result = await add.ExecuteAsync(new AddAgencyRequest(Add.Code, Add.Name, Add.Kind, Add.Parent, Add.Uscc, Actor), cancellationToken);
        return await DoneAsync(result, nameof(Add), null, a => $"已新建机关“{a.Name}”（{a.Code}，{a.KindLabel}）。", cancellationToken);
    }

    public async Task<IActionResult> OnPostEditAsync([FromServices] EditAgency edit, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(Edit.Id, cancellationToken))
        {
            return NotFound();
        }

        var result = await edit.ExecuteAsync(new EditAgencyRequest(Edit.Id, Edit.Name ?? string.Empty, Edit.Kind, Edit.Uscc ?? string.Empty, Edit.Version, Actor), cancellationToken);
        return await DoneAsync(result, nameof(Edit), Edit.Id, a => $"已保存机关“{a.Name}”。", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync([FromServices] MoveAgency move, CancellationToken cancellationToken)
    {
        var here = await current.GetAsync(cancellationToken);
        if (!await InScopeAsync(Move.Id, cancellationToken) || (Move.Id == here.Id && here.ParentId is not null)
            || (string.IsNullOrWhiteSpace(Move.Parent) ? here.ParentId is not null : !await InScopeAsync(Move.Parent, cancellationToken)))
        {
            return NotFound();
        }

        var result = await move.ExecuteAsync(new MoveAgencyRequest(Move.Id, string.IsNullOrWhiteSpace(Move.Parent) ? null : Move.Parent, Move.Version, Actor), cancellationToken);
        return await DoneAsync(result, nameof(Move), Move.Id, a => $"已移动机关“{a.Name}”。", cancellationToken);
    }

    public async Task<IActionResult> OnPostArchiveAsync([FromServices] ArchiveAgency archive, int id, int version, bool restore, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await archive.ExecuteAsync(new ArchiveAgencyRequest(id, !restore, version, Actor), cancellationToken);
        return await DoneAsync(result, null, id, a => restore ? $"已恢复机关“{a.Name}”。" : $"已归档机关“{a.Name}”：记录和页面保留，只读，不再接受新的申请。", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync([FromServices] RemoveAgency remove, int id, int version, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await remove.ExecuteAsync(new RemoveAgencyRequest(id, version), cancellationToken);
        if (result.Value is { } removed)
        {
            AgencyList.Evict(cache);
            TempData["Message"] = $"已删除机关“{removed.Name}”（{removed.Code}）。";
            return RedirectToPage();
        }

        return await FailAsync(result.Error!, null, id, cancellationToken);
    }

    private string Actor => User.Identity?.Name ?? "管理员";

    private async Task<IActionResult> DoneAsync(Result<AgencyNode> result, string? form, int? id, Func<AgencyNode, string> message, CancellationToken cancellationToken)
    {
        if (result.Value is { } agency)
        {
            // The portal's and the switcher's copy of the tree on this instance (others refresh within seconds).
            AgencyList.Evict(cache);
            TempData["Message"] = message(agency);
            return RedirectToPage();
        }

        return await FailAsync(result.Error!, form, id, cancellationToken);
    }

    private async Task<IActionResult> FailAsync(Error error, string? form, int? id, CancellationToken cancellationToken)
    {
        // The use case's message replaces binding noise from the page's other forms.
        ModelState.Clear();
        if (form is not null && error is Refused { Field: not null })
        {
            error.AddTo(ModelState, form);
        }
        else
        {
            Error = error.Message;
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int? edit, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(cancellationToken);
        Tree = [.. (await tree.ExecuteAsync(cancellationToken)).Where(a => scope.Contains(a.Id))];
        Editing = edit is { } id ? Tree.FirstOrDefault(a => a.Id == id) : null;
        if (Editing is { } e)
        {
            ValidParents = [.. (await tree.ValidParentsAsync(e.Id, cancellationToken)).Where(a => scope.Contains(a.Id))];
        }
    }

    /// <summary>
    /// The current agency and every agency below it; for the administrator of a root agency (the government that runs
    /// the platform), every agency of the installation.
    /// </summary>
    private async Task<HashSet<int>> ScopeAsync(CancellationToken cancellationToken)
    {
        if (_scope is null)
        {
            var here = await current.GetAsync(cancellationToken);
            var all = await agencies.AllAsync(cancellationToken);
            _scope = here.ParentId is null ? [.. all.Select(a => a.Id)] : [.. AgencyList.Subtree(all, here.Id).Select(a => a.Id)];
        }

        return _scope;
    }

    private async Task<bool> InScopeAsync(int id, CancellationToken cancellationToken) => (await ScopeAsync(cancellationToken)).Contains(id);

    private async Task<bool> InScopeAsync(string? code, CancellationToken cancellationToken) =>
        code is not null && await agencies.FindByCodeAsync(code.Trim(), cancellationToken) is { } agency && await InScopeAsync(agency.Id, cancellationToken);

    public sealed class AddInput
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; } = "department";

        public string? Parent { get; set; }

        public string? Uscc { get; set; }
    }

    public sealed class EditInput
    {
        public int Id { get; set; }

        public int Version { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? Uscc { get; set; }
    }

    public sealed class MoveInput
    {
        public int Id { get; set; }

        public int Version { get; set; }

        public string? Parent { get; set; }
    }
}
