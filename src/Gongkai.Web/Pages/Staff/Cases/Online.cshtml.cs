using Gongkai.Application.Cases;
using Gongkai.Data.Records;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using NotFoundError = Gongkai.Domain.Results.NotFound;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>
/// An online application awaiting confirmation (Art. 31: for the internet channel the date of receipt is the day
/// both sides confirm). 公开办 confirms with the applicant and registers it as a case with the same number and
/// query code (<see cref="ConfirmOnlineApplication"/>).
/// </summary>
public sealed class OnlineModel(CurrentAgency agency, CaseWorkspace workspace, ShowOnlineApplication show, ReadOnlineProof proofs, ConfirmOnlineApplication confirm) : PageModel
{
    public OnlineApplicationRecord Application { get; private set; } = null!;

    [BindProperty]
    public DateOnly? ConfirmedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(StaffRoles.DisclosureOfficer) && !User.IsInRole(StaffRoles.Administrator) && !User.IsInRole(StaffRoles.ApprovingLeader) && !User.IsInRole(StaffRoles.Supervisor))
        {
            return NotFound();
        }

        var current = await agency.GetAsync(cancellationToken);
        if ((await show.ExecuteAsync(new ShowOnlineApplicationRequest(current.Id, id), cancellationToken)).Value is not { } application)
        {
            return NotFound();
        }

        if (application.CaseId is { } caseId)
        {
            return Redirect($"/staff/cases/{caseId}");
        }

        Application = application;
        ConfirmedOn = workspace.Today();
        return Page();
    }

    /// <summary>The identity proof (公开办 and administrators only), never kept in a cache.</summary>
    public async Task<IActionResult> OnGetProofAsync(long id, CancellationToken cancellationToken)
    {
        if (!CaseText.SeesPersonalData(User))
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        if ((await proofs.ExecuteAsync(new ShowOnlineApplicationRequest(current.Id, id), cancellationToken)).Value is not { } proof)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(proof.Bytes, proof.Type);
    }

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken)
    {
        if (!User.HandlesCases())
        {
            return Forbid();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await confirm.ExecuteAsync(new ConfirmOnlineApplicationRequest(current.Id, id, ConfirmedOn, User.Identity!.Name!), cancellationToken);
        if (result.Error is NotFoundError)
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            TempData["Error"] = "未登记：" + error.Message;
            return Redirect($"/staff/cases/online/{id}");
        }

        TempData["Message"] = $"已确认并登记，申请编号 {result.Value!.Number}。";
        return Redirect($"/staff/cases/{result.Value.Id}");
    }
}
