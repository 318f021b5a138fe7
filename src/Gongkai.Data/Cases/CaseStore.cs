using System.Globalization;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Cases;

/// <summary>
/// Application cases in the database: each step goes through the domain's rules (<see cref="ApplicationCase.Apply"/>),
/// is appended to the case's history with who, when, and the state before and after, and the case's projected
/// columns (status, due date, outcome) are rewritten in the same transaction.
/// </summary>
public sealed class CaseStore(GongkaiDbContext db, IWorkingDayCalendar calendar, TimeProvider clock, CaseRules? rules = null)
{
    private CaseRules? _rules = rules;

    /// <summary>The rules given, or the installation's (<see cref="Rules.RuleSettingsStore"/>), loaded once.</summary>
    private async Task<CaseRules> RulesAsync(CancellationToken cancellationToken) =>
        _rules ??= (await Rules.RuleSettingsStore.LoadAsync(db, cancellationToken)).Cases;

    /// <summary>Registers an application (Arts. 29, 31) and gives it a number (<c>2025-00001</c>) unless one is given.</summary>
    public async Task<CaseCommandResult> RegisterAsync(NewApplication application, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(application.ApplicantName))
        {
            return new CaseStepRefusal("请填写申请人姓名或名称（第二十九条）");
        }

        var number = application.Number ?? await NextNumberAsync(application.AgencyId, application.ArrivedOn.Year, cancellationToken);
        if (await db.Cases.AnyAsync(c => c.AgencyId == application.AgencyId && c.Number == number, cancellationToken))
        {
            return new CaseStepRefusal($"申请编号 {number} 已存在");
        }

        var registered = new Registered(application.ArrivedOn, application.Actor, application.ApplicantType, application.Channel, application.ConfirmedOn);
        var result = ApplicationCase.New(number, calendar, await RulesAsync(cancellationToken)).Apply(registered);
        if (result is not StepAccepted { Case: var created })
        {
            return Refusal(result);
        }

        var record = new CaseRecord
        {
            AgencyId = application.AgencyId,
            Number = number,
            QueryCodeHash = application.QueryCodeHash,
            ApplicantType = application.ApplicantType.ToString(),
            ApplicantName = application.ApplicantName.Trim(),
            ApplicantIdNumber = application.ApplicantIdNumber,
            ApplicantContact = application.ApplicantContact,
            Channel = application.Channel.ToString(),
            Request = application.Request,
            RequestedForm = application.RequestedForm,
            Status = string.Empty,
            CreatedAt = clock.GetUtcNow(),
        };
        Project(record, created);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cases.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        db.CaseEvents.Add(History(record.Id, 1, registered, before: null, after: created));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CaseRecorded(record.Id, record.Number, created);
    }

    /// <summary>Records a step of the clock on a case, or says why the Regulation does not allow it now.</summary>
    public async Task<CaseCommandResult> RecordAsync(int agencyId, long caseId, CaseEvent step, CancellationToken cancellationToken = default)
    {
        var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId && c.AgencyId == agencyId, cancellationToken);
        if (record is null)
        {
            return new CaseNotFound(caseId);
        }

        var current = await RehydrateAsync(record, cancellationToken);
        var applied = current.Apply(step);
        if (applied is not StepAccepted { Case: var next })
        {
            return Refusal(applied);
        }

        Project(record, next);
        record.Version = next.Events.Count;
        db.CaseEvents.Add(History(record.Id, next.Events.Count, step, current, next));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request appended to this case first (version check or the unique case_id/sequence index).
            db.ChangeTracker.Clear();
            return new CaseConflict(caseId);
        }

        return new CaseRecorded(record.Id, record.Number, next);
    }

    /// <summary>A case as the domain sees it, derived from its history on the current calendar; null when not found.</summary>
    public async Task<ApplicationCase?> LoadAsync(int agencyId, long caseId, CancellationToken cancellationToken = default)
    {
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId && c.AgencyId == agencyId, cancellationToken);
        return record is null ? null : await RehydrateAsync(record, cancellationToken);
    }

    /// <summary>The stored history of a case, oldest first.</summary>
    public Task<List<CaseEventRecord>> HistoryAsync(long caseId, CancellationToken cancellationToken = default) =>
        db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    /// <summary>
    /// Re-derives the due date and status of every open case (of one agency, or all) on the current calendar:
    /// run after a calendar correction, so each open case's deadline moves with it. Returns how many changed.
    /// </summary>
    public async Task<int> RecomputeOpenCasesAsync(int? agencyId = null, CancellationToken cancellationToken = default)
    {
        var open = db.Cases.Where(c => c.ClosedOn == null);
        if (agencyId is { } id)
        {
            open = open.Where(c => c.AgencyId == id);
        }

        var changed = 0;
        foreach (var record in await open.ToListAsync(cancellationToken))
        {
            var current = await RehydrateAsync(record, cancellationToken);
            var before = (record.Status, record.ReplyDue);
            Project(record, current);
            if (before != (record.Status, record.ReplyDue))
            {
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private static CaseStepRefusal Refusal(CaseStepResult result) =>
        new(result is StepRefused refused ? refused.Reason : "此步骤未被接受");

    private async Task<ApplicationCase> RehydrateAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == record.Id)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Type, e.Payload })
            .ToListAsync(cancellationToken);
        return ApplicationCase.Rehydrate(record.Number, events.Select(e => CaseEventSerializer.Deserialize(e.Type, e.Payload)), calendar, await RulesAsync(cancellationToken));
    }

    private async Task<string> NextNumberAsync(int agencyId, int year, CancellationToken cancellationToken)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-";
        var numbers = await db.Cases.Where(c => c.AgencyId == agencyId && c.Number.StartsWith(prefix)).Select(c => c.Number).ToListAsync(cancellationToken);
        var last = numbers.Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).DefaultIfEmpty(0).Max();
        return prefix + (last + 1).ToString("D5", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the case's derived state into the record's projected columns.</summary>
    internal static void Project(CaseRecord record, ApplicationCase c)
    {
        record.ReceivedOn = c.ReceivedOn ?? record.ReceivedOn;
        record.Status = c.Status.ToString();
        record.ReplyDue = c.ReplyDue;
        record.ClosedOn = c.ClosedOn;
        record.Outcome = c.Outcome?.ToString();
        record.DepartmentId = int.TryParse(c.Department, NumberStyles.None, CultureInfo.InvariantCulture, out var department) ? department : null;
        record.Version = c.Events.Count;
    }

    private CaseEventRecord History(long caseId, int sequence, CaseEvent step, ApplicationCase? before, ApplicationCase after) => new()
    {
        CaseId = caseId,
        Sequence = sequence,
        Type = CaseEventSerializer.TypeName(step),
        OccurredOn = step.Date,
        RecordedAt = clock.GetUtcNow(),
        Actor = step.ActorId,
        Payload = CaseEventSerializer.Serialize(step),
        Before = before is null ? null : Summary(before),
        After = Summary(after),
    };

    private static string Summary(ApplicationCase c) => CaseEventSerializer.ToJson(new
    {
        status = c.Status.ToString(),
        replyDue = c.ReplyDue,
        outcome = c.Outcome?.ToString(),
        department = c.Department,
        closedOn = c.ClosedOn,
    });
}
