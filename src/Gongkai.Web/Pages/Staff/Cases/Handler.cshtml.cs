using Gongkai.Application.Cases;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>
/// 指定承办人 from the case page's 承办人 section: assign, reassign or take back (empty choice) with the version shown;
/// back to the case with the result, a refusal shown beside the picker.
/// </summary>
public sealed class HandlerModel(CurrentAgency agency, AssignCaseHandler assign) : PageModel
{
    [BindProperty]
    public string? HandlerId { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Only a form posts here; an address typed in finds nothing (not even whether the case exists).</summary>
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!User.HandlesCases())
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await assign.ExecuteAsync(new AssignCaseHandlerRequest(current.Id, id, Version, string.IsNullOrWhiteSpace(HandlerId) ? null : HandlerId, User.Identity!.Name!), cancellationToken);
        switch (result.Error)
        {
            case null:
                TempData["Message"] = result.Value!.Case.Events[^1] is HandlerAssigned { HandlerName: { } name } ? $"已指定承办人：{name}。" : "已取消承办人。";
                break;
            case Gongkai.Domain.Results.NotFound:
                return NotFound();
            case Conflict conflict:
                TempData["HandlerError"] = "未记录：" + conflict.Message;
                break;
            case var error:
                TempData["HandlerError"] = error.Message;
                break;
        }

        return Redirect($"/staff/cases/{id}#handler-section");
    }
}
