using Gongkai.Application.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>Downloads a notice kept with a case (staff who may see the case, <see cref="DownloadCaseNotice"/>).</summary>
public sealed class NoticeModel(CurrentAgency agency, UserManager<StaffUser> users, DownloadCaseNotice download) : PageModel
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The notice as DOCX, or as PDF with <c>?format=pdf</c> (notices made before PDFs have none: 404).</summary>
    public async Task<IActionResult> OnGetAsync(long id, long noticeId, string? format, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var seesAll = User.IsInRole(StaffRoles.DisclosureOfficer) || User.IsInRole(StaffRoles.Administrator)
            || User.IsInRole(StaffRoles.ApprovingLeader) || User.IsInRole(StaffRoles.Supervisor);
        var department = seesAll ? null : (await users.GetUserAsync(User))?.DepartmentId;
        var result = await download.ExecuteAsync(new DownloadCaseNoticeRequest(id, noticeId, current.Id, seesAll, department), cancellationToken);
        if (result.Value is not { } notice)
        {
            return NotFound();
        }

        if (format == "pdf")
        {
            return notice.Pdf is null ? NotFound() : File(notice.Pdf, "application/pdf", notice.Name + ".pdf");
        }

        return File(notice.Docx, DocxType, notice.Name + ".docx");
    }
}
