using Gongkai.Application.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>导入台账: 公开办 uploads a ledger (CSV or XLSX); every bad row is listed and nothing is imported unless all are good.</summary>
[RequestSizeLimit(MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (1024 * 1024))]
public sealed class ImportModel(CurrentAgency agency, ImportLedger import) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public int? Imported { get; private set; }

    public IActionResult OnGet() => User.HandlesCases() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? ledger, CancellationToken cancellationToken)
    {
        if (!User.HandlesCases())
        {
            return Forbid();
        }

        if (ledger is null || ledger.Length == 0)
        {
            Errors = ["台账文件：请选择 .xlsx 或 .csv 文件"];
            return Page();
        }

        if (ledger.Length > MaxBytes)
        {
            Errors = ["台账文件：超过20MB"];
            return Page();
        }

        await using var stream = ledger.OpenReadStream();
        var current = await agency.GetAsync(cancellationToken);
        var result = await import.ExecuteAsync(new ImportLedgerRequest(current.Id, stream, ledger.FileName, User.Identity!.Name!), cancellationToken);
        if (result.Error is { } error)
        {
            Errors = error.Message.Split('\n');
            return Page();
        }

        Imported = result.Value!.Imported;
        return Page();
    }
}
