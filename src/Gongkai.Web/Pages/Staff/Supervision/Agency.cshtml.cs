using Gongkai.Application.Supervision;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>One agency of the subtree as the supervising office sees it, read-only: the report's standing and findings, overdue cases and items.</summary>
public sealed class AgencyModel(CurrentAgency agency, ShowSupervisedAgency show, WriteReviewLetter letter, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public SupervisedAgency? Result { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var year = Year ?? SupervisionScope.DefaultYear(Gongkai.Domain.Calendar.ChinaTime.Today(clock));
        var result = await show.ExecuteAsync(current.Id, id, year, cancellationToken);
        if (result.Error is { } error)
        {
            Problem = error.Message;
            Response.StatusCode = error.StatusCode();
            return Page();
        }

        Result = result.Value;
        return Page();
    }

    /// <summary>年报审查意见 (DOCX) for this agency and year.</summary>
    public async Task<IActionResult> OnGetLetterAsync(int id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var year = Year ?? SupervisionScope.DefaultYear(Gongkai.Domain.Calendar.ChinaTime.Today(clock));
        var result = await letter.ExecuteAsync(current.Id, current.Name, id, year, cancellationToken);
        if (result.Error is { } error)
        {
            Problem = error.Message;
            Response.StatusCode = error.StatusCode();
            return Page();
        }

        return File(result.Value!.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", result.Value.FileName);
    }
}
