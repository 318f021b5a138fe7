using Gongkai.Application.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Cases;

/// <summary>What the case page's 承办人 section shows: the current one, the people to choose from, the version the form carries, and a refusal.</summary>
public sealed record CaseHandlerSection(long CaseId, CaseHandler? Current, int Version, bool Closed, bool CanAssign, IReadOnlyList<CaseHandler> Choices, string? Error);

/// <summary>
/// The case page's 承办人 section (a partial of its own, beside the step forms): the person handling the case and, for
/// 公开办 and administrators while the case is open, a small form to assign, reassign or take it back, posted to
/// <c>/staff/cases/{id}/handler</c> with the version of the case shown.
/// </summary>
public sealed class CaseHandlerViewComponent(CurrentAgency agency, ListCaseHandlers handlers) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long caseId)
    {
        var current = await agency.GetAsync(HttpContext.RequestAborted);
        var found = await handlers.OfCaseAsync(current.Id, caseId, HttpContext.RequestAborted);
        if (found is not { } c)
        {
            return Content(string.Empty);
        }

        var canAssign = HttpContext.User.HandlesCases() && !c.Closed;
        var choices = canAssign ? await handlers.ExecuteAsync(current.Id, HttpContext.RequestAborted) : [];
        var error = TempData["HandlerError"] as string;
        return View("~/Pages/Staff/Cases/_CaseHandler.cshtml", new CaseHandlerSection(caseId, c.Handler, c.Version, c.Closed, canAssign, choices, error));
    }
}
