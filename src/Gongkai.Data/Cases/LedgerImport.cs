using System.Globalization;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Cases;

/// <summary>The outcome of an import: how many cases were added, or every problem (then nothing was added).</summary>
public sealed record LedgerImportResult(int Imported, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Brings a ledger's cases into the database in one transaction: all rows or none. Each case gets its
/// 登记 event and, when the ledger says it ended, a <see cref="ClosedFromLedger"/> event naming the file and row,
/// so its history is honest about where the outcome came from.
/// </summary>
public sealed class LedgerImporter(GongkaiDbContext db, IWorkingDayCalendar calendar, TimeProvider clock, CaseRules? rules = null)
{
    private CaseRules? _rules = rules;

    public async Task<LedgerImportResult> ImportAsync(int agencyId, IReadOnlyList<LedgerRow> rows, string actor, string source, CancellationToken cancellationToken = default)
    {
        var existing = (await db.Cases.Where(c => c.AgencyId == agencyId).Select(c => c.Number).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        _rules ??= (await Rules.RuleSettingsStore.LoadAsync(db, cancellationToken)).Cases;
        var errors = new List<string>();
        var prepared = new List<(CaseRecord Record, CaseEvent[] Events)>(rows.Count);
        var next = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            var number = row.Number ?? NextNumber(row.ReceivedOn.Year, existing, next);
            if (row.Number is not null && !existing.Add(row.Number))
            {
                errors.Add($"第{row.RowNumber}行 申请编号：{row.Number} 已在本机关的案件中（或本表中重复）");
                continue;
            }

            // The ledger's 收到日期 is already the date of receipt under Art. 31, so it is also the confirmation date.
            var channel = row.Channel ?? Channel.Other;
            CaseEvent[] events = row.Outcome is { } outcome && row.ClosedOn is { } closed
                ? [new Registered(row.ReceivedOn, actor, row.ApplicantType, channel, row.ReceivedOn), new ClosedFromLedger(closed, actor, outcome, $"{source} 第{row.RowNumber}行")]
                : [new Registered(row.ReceivedOn, actor, row.ApplicantType, channel, row.ReceivedOn)];
            switch (ApplicationCase.Replay(number, events, calendar, _rules))
            {
                case StepRefused refused:
                    errors.Add($"第{row.RowNumber}行：{refused.Reason}");
                    break;
                case StepAccepted { Case: var c }:
                    var record = new CaseRecord
                    {
                        AgencyId = agencyId,
                        Number = number,
                        ApplicantType = row.ApplicantType.ToString(),
                        ApplicantName = row.ApplicantName,
                        Channel = channel.ToString(),
                        Request = row.Request,
                        Status = string.Empty,
                        CreatedAt = clock.GetUtcNow(),
                    };
                    CaseStore.Project(record, c);
                    prepared.Add((record, events));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return new LedgerImportResult(0, errors);
        }

        var now = clock.GetUtcNow();
        var items = prepared.Select(p => (p.Record, p.Events.Select((e, i) => new CaseEventRecord
        {
            Sequence = i + 1,
            Type = CaseEventSerializer.TypeName(e),
            OccurredOn = e.Date,
            RecordedAt = now,
            Actor = actor,
            Payload = CaseEventSerializer.Serialize(e),
        }).ToArray())).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await CaseBulkWriter.WriteAsync(db, items, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new LedgerImportResult(prepared.Count, []);
    }

    private static string NextNumber(int year, HashSet<string> existing, Dictionary<int, int> next)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        if (!next.TryGetValue(year, out var n))
        {
            n = existing.Where(x => x.StartsWith(prefix, StringComparison.Ordinal))
                .Select(x => int.TryParse(x.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .DefaultIfEmpty(0).Max();
        }

        string number;
        do
        {
            n++;
            number = prefix + n.ToString("D5", CultureInfo.InvariantCulture);
        }
        while (!existing.Add(number));

        next[year] = n;
        return number;
    }
}
