using Gongkai.Data;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>Downloads a notice kept with a case (staff who may see the case).</summary>
public sealed class NoticeModel(GongkaiDbContext db, CurrentAgency agency, UserManager<StaffUser> users) : PageModel
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The notice as DOCX, or as PDF with <c>?format=pdf</c> (notices made before PDFs have none: 404).</summary>
    public async Task<IActionResult> OnGetAsync(long id, long noticeId, string? format, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.AgencyId == current.Id, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }

        var liaisonOnly = !User.IsInRole(StaffRoles.DisclosureOfficer) && !User.IsInRole(StaffRoles.Administrator)
            && !User.IsInRole(StaffRoles.ApprovingLeader) && !User.IsInRole(StaffRoles.Supervisor);
        if (liaisonOnly && (await users.GetUserAsync(User))?.DepartmentId is var own && (own is null || record.DepartmentId != own))
        {
            return NotFound();
        }

        var notice = await db.CaseNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId && n.CaseId == id, cancellationToken);
        if (format == "pdf")
        {
            return notice?.Pdf is null ? NotFound() : File(notice.Pdf, "application/pdf", $"{record.Number}-{notice.Title}.pdf");
        }

        return notice is null ? NotFound() : File(notice.Content, DocxType, $"{record.Number}-{notice.Title}.docx");
    }
}
