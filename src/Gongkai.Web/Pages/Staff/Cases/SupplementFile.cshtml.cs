using Gongkai.Application.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>Downloads a file an applicant sent with an online 补正 (staff who may see the case, as for notices).</summary>
public sealed class SupplementFileModel(ReadSupplements supplements, CurrentAgency agency, UserManager<StaffUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, long fileId, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        if ((await supplements.FileAsync(current.Id, id, fileId, cancellationToken)).Value is not { } file)
        {
            return NotFound();
        }

        var liaisonOnly = !User.IsInRole(StaffRoles.DisclosureOfficer) && !User.IsInRole(StaffRoles.Administrator)
            && !User.IsInRole(StaffRoles.ApprovingLeader) && !User.IsInRole(StaffRoles.Supervisor);
        if (liaisonOnly && (await users.GetUserAsync(User))?.DepartmentId is var own && (own is null || file.DepartmentId != own))
        {
            return NotFound();
        }

        return File(file.Content, file.ContentType, $"{file.CaseNumber}-补正-{file.FileName}");
    }
}
