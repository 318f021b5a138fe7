using Gongkai.Application.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Cases;

/// <summary>The case page's list of the 补正 the applicant sent online (Art. 30), with links to their files.</summary>
public sealed class ApplicantSupplementsViewComponent(CurrentAgency agency, ReadSupplements supplements) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long caseId)
    {
        var current = await agency.GetAsync(HttpContext.RequestAborted);
        var list = await supplements.ListAsync(current.Id, caseId, HttpContext.RequestAborted);
        return View("~/Pages/Staff/Cases/_ApplicantSupplements.cshtml", (caseId, list));
    }
}
