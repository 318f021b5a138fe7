using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Documents.Ledger;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Cases;

/// <summary>A ledger file (台账, CSV or XLSX) to import into an agency's cases.</summary>
public sealed record ImportLedgerRequest(int AgencyId, Stream Content, string FileName, string Actor);

/// <summary>How many cases were imported, and how many of them are still open (no 办结日期).</summary>
public sealed record LedgerImported(int Imported, int Open);

/// <summary>
/// 台账导入: reads the ledger (<see cref="LedgerReader"/>) and imports all its rows or none
/// (<see cref="LedgerImporter"/>); the refusal lists every bad row (<c>第3行 申请人类型：…</c>), one per line.
/// </summary>
public sealed class ImportLedger(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<LedgerImported>> ExecuteAsync(ImportLedgerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = LedgerReader.Read(request.Content, request.FileName, clock);
        if (!read.Succeeded)
        {
            return new Refused(string.Join("\n", read.Errors.Select(e => e.ToString())), "ledger");
        }

        var importer = new LedgerImporter(db, await calendar.GetAsync(db, cancellationToken), clock);
        var result = await importer.ImportAsync(request.AgencyId, read.Rows, request.Actor, Path.GetFileName(request.FileName), cancellationToken);
        return result.Succeeded ? Result.Ok(new LedgerImported(result.Imported, read.Rows.Count(r => r.ClosedOn is null))) : new Refused(string.Join("\n", result.Errors), "ledger");
    }
}
