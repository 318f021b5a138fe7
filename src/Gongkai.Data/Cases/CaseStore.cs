using System.Globalization;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
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

    /// <summary>
    /// Registers an application (Arts. 29, 31) and gives it the next number of its agency and year (<c>2025-00001</c>,
    /// <see cref="CaseNumbers"/>) unless one is given — the number taken and the case stored in one transaction.
    /// <paramref name="alsoWrite"/> (optional) adds writes that belong to the registration (an online application
    /// marked as confirmed) to the same transaction.
    /// </summary>
    public async Task<Result<RecordedCase>> RegisterAsync(NewApplication application, CancellationToken cancellationToken = default, Func<long, Task>? alsoWrite = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (string.IsNullOrWhiteSpace(application.ApplicantName))
        {
            return new Refused("请填写申请人姓名或名称（第二十九条）", "ApplicantName");
        }

        var registered = new Registered(application.ArrivedOn, application.Actor, application.ApplicantType, application.Channel, application.ConfirmedOn);
        var rules = await RulesAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var number = application.Number;
        if (number is not null)
        {
            if (await db.Cases.AnyAsync(c => c.AgencyId == application.AgencyId && c.Number == number, cancellationToken))
            {
                return new Refused($"申请编号 {number} 已存在", "Number");
            }
        }
        else
        {
            // A number imported from a ledger may already hold the counter's next value: take the one after.
            for (var attempt = 0; number is null || await db.Cases.AnyAsync(c => c.AgencyId == application.AgencyId && c.Number == number, cancellationToken); attempt++)
            {
                if (attempt > 1000)
                {
                    throw new InvalidOperationException("No free case number after 1000 attempts.");
                }

                number = await CaseNumbers.NextAsync(db, application.AgencyId, application.ArrivedOn.Year, CaseNumbers.OfficeSeries, cancellationToken);
            }
        }

        var result = ApplicationCase.New(number, calendar, rules).Apply(registered);
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
        try
        {
            db.Cases.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            db.CaseEvents.Add(History(record.Id, 1, registered, before: null, after: created));
            if (alsoWrite is not null)
            {
                await alsoWrite(record.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same number registered meanwhile (an online application confirmed twice at once).
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new Conflict($"申请编号 {number} 刚被他人登记，请刷新后重试");
        }

        return Result.Ok(new RecordedCase(record.Id, record.Number, created, record.Version));
    }

    /// <summary>Records a step of the clock on a case, or says why the Regulation does not allow it now.</summary>
    public Task<Result<RecordedCase>> RecordAsync(int agencyId, long caseId, CaseEvent step, CancellationToken cancellationToken = default) =>
        RecordAsync(agencyId, caseId, step, seenVersion: null, alsoWrite: null, cancellationToken);

    /// <summary>
    /// Records a step of the clock on a case, or says why the Regulation does not allow it now. With
    /// <paramref name="seenVersion"/> (the case's version on the form the person decided from) the step is refused with a
    /// <see cref="Conflict"/> naming the steps recorded since, when there are any; the database checks it too
    /// (<c>UPDATE cases … WHERE id = … AND version = …</c> in the transaction that appends the event), so two people
    /// acting on the same version cannot both succeed. <paramref name="alsoWrite"/> adds writes to the same transaction
    /// (an extension request marked approved).
    /// </summary>
    public async Task<Result<RecordedCase>> RecordAsync(int agencyId, long caseId, CaseEvent step, int? seenVersion, Action? alsoWrite, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var record = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId && c.AgencyId == agencyId, cancellationToken);
        if (record is null)
        {
            return new NotFound("未找到该申请");
        }

        var seen = seenVersion ?? record.Version;
        if (record.Version != seen)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(caseId, seen, cancellationToken);
        }

        var current = await RehydrateAsync(record, cancellationToken);
        if (current.Events.Count != seen)
        {
            // A step was appended between reading the case row and its history: judge nothing on a mixed state.
            db.ChangeTracker.Clear();
            return await ConflictAsync(caseId, seen, cancellationToken);
        }

        var applied = current.Apply(step);
        if (applied is not StepAccepted { Case: var next })
        {
            db.ChangeTracker.Clear();
            return Refusal(applied);
        }

        Project(record, next);
        record.Version = seen + 1;
        db.Entry(record).Property(r => r.Version).OriginalValue = seen;
        db.CaseEvents.Add(History(record.Id, next.Events.Count, step, current, next));
        alsoWrite?.Invoke();
        try
        {
            // One SaveChanges, one transaction: the case row (only if still at the version seen) and the event.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException || e is InvalidOperationException { InnerException: DbUpdateException })
        {
            // Another request appended to this case first (version check or the unique case_id/sequence index), or
            // PostgreSQL chose this transaction as a deadlock's victim (a transient error the execution strategy wraps, as it
            // cannot retry inside the caller's transaction): EF rolled back to its savepoint, the case is as it was.
            db.ChangeTracker.Clear();
            return await ConflictAsync(caseId, seen, cancellationToken);
        }

        return Result.Ok(new RecordedCase(record.Id, record.Number, next, record.Version));
    }

    /// <summary>"该申请已被王芳于2026-12-01 10:30办理：分办至 卫生科。请刷新后重试": the steps recorded since the version seen.</summary>
    private async Task<Conflict> ConflictAsync(long caseId, int seen, CancellationToken cancellationToken)
    {
        var since = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Sequence > seen).OrderBy(e => e.Sequence)
            .Select(e => new { e.Actor, e.RecordedAt, e.Type, e.Payload }).ToListAsync(cancellationToken);
        if (since.Count == 0)
        {
            return new Conflict("该申请刚被他人办理，请刷新后重试");
        }

        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        var actors = since.Select(e => e.Actor).Distinct().ToList();
        var names = (await db.StaffNames.AsNoTracking().Where(u => u.UserName != null && actors.Contains(u.UserName))
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(cancellationToken))
            .Where(u => !string.IsNullOrWhiteSpace(u.DisplayName)).ToDictionary(u => u.UserName!, u => u.DisplayName, StringComparer.Ordinal);
        string Department(string? id) =>
            int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && departments.FirstOrDefault(x => x.Id == d) is { } found ? found.Name : id ?? "未分办";
        var steps = since.Select(e =>
        {
            var step = CaseEventSerializer.Deserialize(e.Type, e.Payload);
            var when = ChinaTime.Minute(e.RecordedAt);
            return $"{names.GetValueOrDefault(e.Actor, e.Actor)}于{when}办理：{CaseStepText.Describe(step, Department)}";
        });
        return new Conflict("该申请已被" + string.Join("；", steps) + "。请刷新后重试");
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

    private static Refused Refusal(CaseStepResult result) =>
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

    /// <summary>Writes the case's derived state into the record's projected columns.</summary>
    internal static void Project(CaseRecord record, ApplicationCase c)
    {
        record.ReceivedOn = c.ReceivedOn ?? record.ReceivedOn;
        record.Status = c.Status.ToString();
        record.ReplyDue = c.ReplyDue;
        record.ClosedOn = c.ClosedOn;
        record.Outcome = c.Outcome?.ToString();
        record.DepartmentId = int.TryParse(c.Department, NumberStyles.None, CultureInfo.InvariantCulture, out var department) ? department : null;
        record.HandlerId = c.Handler;
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
