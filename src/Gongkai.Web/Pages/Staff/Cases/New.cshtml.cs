using Gongkai.Application.Cases;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>登记申请 (Arts. 29, 31): 公开办 registers an application that arrived by any channel (<see cref="RegisterCase"/>).</summary>
public sealed class NewModel(CurrentAgency agency, CaseWorkspace workspace, RegisterCase register) : PageModel
{
    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    public IReadOnlyList<string> Errors => [.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)];

    public IActionResult OnGet()
    {
        if (!User.HandlesCases())
        {
            return Forbid();
        }

        Input.ArrivedOn = workspace.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.HandlesCases())
        {
            return Forbid();
        }

        // Binding problems are replaced by the form's own messages, each beside its field.
        ModelState.Clear();
        var errors = Input.Validate();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                error.AddTo(ModelState, nameof(Input));
            }

            return Page();
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await register.ExecuteAsync(new RegisterCaseRequest(current.Id, Input, User.Identity!.Name!), cancellationToken);
        if (result.Error is { } failure)
        {
            failure.AddTo(ModelState, nameof(Input));
            return Page();
        }

        TempData["Message"] = $"已登记，申请编号 {result.Value!.Number}。";
        return Redirect($"/staff/cases/{result.Value.Id}");
    }
}
