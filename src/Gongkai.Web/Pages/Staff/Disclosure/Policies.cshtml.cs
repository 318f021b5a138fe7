using Gongkai.Application.Portal;
using Gongkai.Data.Portal;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Staff.Disclosure;

/// <summary>
/// 政府信息公开制度: the agency's own rules on its disclosure work, listed in the portal's column. 公开办 and administrators
/// add, correct and delete them; every other role reads.
/// </summary>
public sealed class PoliciesModel(CurrentAgency agency, PortalStore store, SaveDisclosureRule save, RemoveDisclosureRule remove,
    IAuthorizationService authorization, IOutputCacheStore cache) : PageModel
{
    public IReadOnlyList<DisclosureRule> Rows { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The rule being corrected (<c>?edit=ID</c>), or null for a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Edit { get; set; }

    [BindProperty]
    public PolicyInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Edit is { } id)
        {
            if (Rows.FirstOrDefault(r => r.Id == id) is not { } rule)
            {
                return NotFound();
            }

            Input = new PolicyInput { Title = rule.Title, DocumentNumber = rule.DocumentNumber, IssuedOn = rule.IssuedOn, Body = rule.Body };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await authorization.IsReportEditorAsync(User))
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await save.ExecuteAsync(
            new SaveDisclosureRuleRequest(current.Id, Edit, Input.Title, Input.DocumentNumber, Input.IssuedOn, Input.Body), cancellationToken);
        if (result.Error is Gongkai.Domain.Results.NotFound)
        {
            // Another agency's rule (or one deleted meanwhile) is not found, not refused.
            return NotFound();
        }

        if (result.Error is { } error)
        {
            Error = error.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }

        await PortalCache.EvictAsync(cache, cancellationToken);
        TempData["Message"] = (Edit is null ? "已添加制度：" : "已保存制度：") + result.Value!.Title + "。门户网站的“政府信息公开制度”随即更新。";
        return RedirectToPage(new { edit = (long?)null });
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken cancellationToken)
    {
        if (!await authorization.IsReportEditorAsync(User))
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await remove.ExecuteAsync(new RemoveDisclosureRuleRequest(current.Id, id), cancellationToken);
        if (result.Error is Gongkai.Domain.Results.NotFound)
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            TempData["Error"] = error.Message;
        }
        else
        {
            await PortalCache.EvictAsync(cache, cancellationToken);
            TempData["Message"] = "已删除制度：" + result.Value!.Title + "。";
        }

        return RedirectToPage(new { edit = (long?)null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        CanEdit = await authorization.IsReportEditorAsync(User);
        Rows = await store.RulesAsync(current.Id, cancellationToken);
    }
}

/// <summary>A rule as the form posts it.</summary>
public sealed class PolicyInput
{
    public string? Title { get; set; }

    public string? DocumentNumber { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? Body { get; set; }
}
