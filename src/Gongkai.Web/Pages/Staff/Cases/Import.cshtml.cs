using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Documents.Ledger;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>导入台账: 公开办 uploads a ledger (CSV or XLSX); every bad row is listed and nothing is imported unless all are good.</summary>
[RequestSizeLimit(MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + (1024 * 1024))]
public sealed class ImportModel(GongkaiDbContext db, CurrentAgency agency, CaseWorkspace workspace, TimeProvider clock) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public int? Imported { get; private set; }

    public IActionResult OnGet() => User.IsInRole(StaffRoles.DisclosureOfficer) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? ledger, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(StaffRoles.DisclosureOfficer))
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
        var read = LedgerReader.Read(stream, ledger.FileName, clock);
        if (!read.Succeeded)
        {
            Errors = [.. read.Errors.Select(e => e.ToString())];
            return Page();
        }

        var current = await agency.GetAsync(cancellationToken);
        var importer = new LedgerImporter(db, await workspace.CalendarAsync(cancellationToken), clock);
        var result = await importer.ImportAsync(current.Id, read.Rows, User.Identity!.Name!, Path.GetFileName(ledger.FileName), cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        Imported = result.Imported;
        return Page();
    }
}
