using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>
/// An online application awaiting confirmation (Art. 31: for the internet channel the date of receipt is the day
/// both sides confirm). 公开办 confirms with the applicant and registers it as a case with the same number and
/// query code.
/// </summary>
public sealed class OnlineModel(GongkaiDbContext db, CurrentAgency agency, CaseWorkspace workspace) : PageModel
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

        if (await FindAsync(id, cancellationToken) is not { } application)
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

    /// <summary>The identity proof (公开办 and administrators only).</summary>
    public async Task<IActionResult> OnGetProofAsync(long id, CancellationToken cancellationToken)
    {
        if (!CaseText.SeesPersonalData(User))
        {
            return Forbid();
        }

        return await FindAsync(id, cancellationToken) is { Proof: { } proof, ProofContentType: { } type } ? File(proof, type) : NotFound();
    }

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(StaffRoles.DisclosureOfficer))
        {
            return Forbid();
        }

        var application = await FindAsync(id, cancellationToken, tracking: true);
        if (application is null || application.CaseId is not null)
        {
            return NotFound();
        }

        if (ConfirmedOn is null)
        {
            TempData["Error"] = "确认日期：必填（第三十一条）";
            return Redirect($"/staff/cases/online/{id}");
        }

        var store = await workspace.StoreAsync(cancellationToken);
        var result = await store.RegisterAsync(new NewApplication(
            application.AgencyId, Enum.Parse<ApplicantType>(application.ApplicantType), application.ApplicantName, Channel.Online,
            application.ArrivedOn, User.Identity!.Name!, ConfirmedOn, $"{application.IdType}：{application.IdNumber}",
            OnlineApplications.Contact(application), application.Description, $"{application.Form}，{application.Delivery}",
            application.Number, application.QueryCodeHash), cancellationToken);
        if (result is not CaseRecorded recorded)
        {
            TempData["Error"] = "未登记：" + (result is CaseStepRefusal r ? r.Reason : "请重试");
            return Redirect($"/staff/cases/online/{id}");
        }

        application.CaseId = recorded.Id;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"已确认并登记，申请编号 {recorded.Number}。";
        return Redirect($"/staff/cases/{recorded.Id}");
    }

    private async Task<OnlineApplicationRecord?> FindAsync(long id, CancellationToken cancellationToken, bool tracking = false)
    {
        var current = await agency.GetAsync(cancellationToken);
        var query = tracking ? db.OnlineApplications : db.OnlineApplications.AsNoTracking();
        return await query.SingleOrDefaultAsync(a => a.Id == id && a.AgencyId == current.Id, cancellationToken);
    }
}
