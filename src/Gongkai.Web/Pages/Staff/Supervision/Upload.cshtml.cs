using Gongkai.Application.Supervision;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>Confirmation of an upload: each report's agency, suggested by its name, confirmed or corrected from a drop-down; only chosen rows are saved.</summary>
public sealed class UploadModel(CurrentAgency agency, ShowReportUpload show, ConfirmReportUpload confirm) : PageModel
{
    public PendingBatch? Batch { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string batch, CancellationToken cancellationToken)
    {
        await LoadAsync(batch, cancellationToken);
        return Page();
    }

    /// <summary>Saves the rows whose drop-down names an agency (form fields <c>agency-ROWID</c>).</summary>
    public async Task<IActionResult> OnPostAsync(string batch, CancellationToken cancellationToken)
    {
        var choices = new Dictionary<long, int?>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith("agency-", StringComparison.Ordinal) && long.TryParse(key.AsSpan(7), System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                choices[id] = int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var agencyId) ? agencyId : null;
            }
        }

        var current = await agency.GetAsync(cancellationToken);
        var result = await confirm.ExecuteAsync(current.Id, batch, choices, cancellationToken);
        if (result.Error is { } error)
        {
            await LoadAsync(batch, cancellationToken);
            Problem = error.Message;
            Response.StatusCode = error.StatusCode();
            return Page();
        }

        TempData["Message"] = $"已保存{result.Value}份年度报告，汇总时按其公布的数字计算。";
        return Redirect("/staff/supervision/rollup");
    }

    private async Task LoadAsync(string batch, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var result = await show.ExecuteAsync(current.Id, batch, cancellationToken);
        if (result.Error is { } error)
        {
            Problem = error.Message;
            Response.StatusCode = error.StatusCode();
            return;
        }

        Batch = result.Value;
    }
}
