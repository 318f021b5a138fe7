using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A member of staff who may be named 承办人 of an agency's cases.</summary>
/// <param name="Id">The account's id (what a case keeps).</param>
/// <param name="Name">The display name (or the account name when none is set).</param>
public sealed record CaseHandler(string Id, string Name);

/// <summary>
/// Who may handle an agency's cases (承办人): an enabled account with a membership in that agency (schema 0013) in a
/// role that works on applications — 公开办 (<c>officer</c>), 承办科室 (<c>liaison</c>) or 管理员 (<c>administrator</c>);
/// 审核领导 and 监督 decide or read, they do not handle.
/// </summary>
public static class CaseHandlers
{
    /// <summary>The roles (the web application's StaffRoles values) whose holders may be 承办人.</summary>
    public static readonly IReadOnlyList<string> Roles = ["officer", "liaison", "administrator"];

    /// <summary>The agency's possible 承办人, by name.</summary>
    public static async Task<IReadOnlyList<CaseHandler>> OfAgencyAsync(GongkaiDbContext db, int agencyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.StaffMemberships.AsNoTracking().Where(m => m.AgencyId == agencyId && Roles.Contains(m.Role)).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
        var people = await db.StaffNames.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.Disabled).ToListAsync(cancellationToken);
        return [.. people.Select(u => new CaseHandler(u.Id, Name(u.DisplayName, u.UserName))).OrderBy(h => h.Name, StringComparer.Ordinal)];
    }

    /// <summary>The display names of these accounts (any agency, disabled ones too: a case keeps its 承办人's name).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(GongkaiDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        return await db.StaffNames.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => Name(u.DisplayName, u.UserName), StringComparer.Ordinal, cancellationToken);
    }

    internal static string Name(string displayName, string? userName) => string.IsNullOrWhiteSpace(displayName) ? userName ?? string.Empty : displayName;

    /// <summary>
    /// <see cref="CheckAsync"/> when a person is named; none named (taking the 承办人 back) is no person and no refusal.
    /// </summary>
    internal static async Task<(CaseHandler? Handler, Error? Refused)> CheckOptionalAsync(GongkaiDbContext db, int agencyId, string? handlerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(handlerId))
        {
            return (null, null);
        }

        var checkedHandler = await CheckAsync(db, agencyId, handlerId, cancellationToken);
        return (checkedHandler.Value, checkedHandler.Error);
    }

    /// <summary>
    /// The 承办人 named, if the person may handle the agency's cases; otherwise a refusal that says why (field
    /// <c>HandlerId</c>): an unknown account, or one who does not work for the agency in a handling role.
    /// </summary>
    internal static async Task<Result<CaseHandler>> CheckAsync(GongkaiDbContext db, int agencyId, string handlerId, CancellationToken cancellationToken)
    {
        var person = await db.StaffNames.AsNoTracking().SingleOrDefaultAsync(u => u.Id == handlerId, cancellationToken);
        if (person is null)
        {
            return new Refused("承办人：没有这个工作人员", "HandlerId");
        }

        var name = Name(person.DisplayName, person.UserName);
        if (person.Disabled)
        {
            return new Refused($"承办人：{name}的账号已停用，不能承办案件", "HandlerId");
        }

        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var roles = await db.StaffMemberships.AsNoTracking().Where(m => m.UserId == handlerId && m.AgencyId == agencyId).Select(m => m.Role).ToListAsync(cancellationToken);
        if (roles.Count == 0)
        {
            return new Refused($"承办人：{name}不在{agencyName}工作，不能承办本机关的案件。请先由管理员在“用户管理”中把其加入本机关", "HandlerId");
        }

        return roles.Any(r => Roles.Contains(r))
            ? Result.Ok(new CaseHandler(person.Id, name))
            : new Refused($"承办人：{name}在{agencyName}只担任审核领导或监督，不办理案件。承办人须是公开办、承办科室或管理员", "HandlerId");
    }
}

/// <summary>
/// Assigns a case to a 承办人, or takes it back (<paramref name="HandlerId"/> null), as decided on the case page from
/// version <paramref name="SeenVersion"/> by <paramref name="ActorId"/>.
/// </summary>
public sealed record AssignCaseHandlerRequest(int AgencyId, long CaseId, int? SeenVersion, string? HandlerId, string ActorId);

/// <summary>
/// 指定承办人 on one case: the person must work for the case's agency in a role that handles cases
/// (<see cref="CaseHandlers.CheckAsync"/>); the assignment is a step of the case (<see cref="HandlerAssigned"/>), recorded
/// in its history with who and when and refused, naming what changed, when the case changed since it was seen.
/// </summary>
public sealed class AssignCaseHandler(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<Result<RecordedCase>> ExecuteAsync(AssignCaseHandlerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Another agency's case is not found before the person is checked (issue #12: nothing of it is shown).
        if (!await db.Cases.AsNoTracking().AnyAsync(c => c.Id == request.CaseId && c.AgencyId == request.AgencyId, cancellationToken))
        {
            return new NotFound("未找到该申请");
        }

        var (handler, refused) = await CaseHandlers.CheckOptionalAsync(db, request.AgencyId, request.HandlerId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var step = new HandlerAssigned(ChinaTime.Today(clock), request.ActorId, handler?.Id, handler?.Name);
        return await store.RecordAsync(request.AgencyId, request.CaseId, step, request.SeenVersion, alsoWrite: null, cancellationToken);
    }
}

/// <summary>A case ticked in the work list, with the version the list showed.</summary>
public sealed record SeenCase(long CaseId, int Version);

/// <summary>Assigns the ticked cases (<paramref name="Cases"/>) of the work list to one 承办人 (or none).</summary>
public sealed record AssignCasesRequest(int AgencyId, IReadOnlyList<SeenCase> Cases, string? HandlerId, string ActorId);

/// <summary>How many cases were assigned and how many already had that 承办人.</summary>
public sealed record AssignedCases(int Assigned, int Unchanged, string? HandlerName);

/// <summary>
/// 分配给… from the work list: every ticked case or none (one transaction). A case closed, of another agency, or changed
/// since the list was shown refuses the whole batch, naming the case and why; cases that already have that 承办人 are
/// left as they are.
/// </summary>
public sealed class AssignCases(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    /// <summary>The most cases assigned at once (two pages of the list).</summary>
    public const int MaxCases = 100;

    public async Task<Result<AssignedCases>> ExecuteAsync(AssignCasesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Cases.Count == 0)
        {
            return new Refused("请先勾选要分配的案件", "ids");
        }

        if (request.Cases.Count > MaxCases)
        {
            return new Refused($"一次最多分配{MaxCases}件，请分批勾选", "ids");
        }

        var (handler, refused) = await CaseHandlers.CheckOptionalAsync(db, request.AgencyId, request.HandlerId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var ids = request.Cases.Select(c => c.CaseId).Distinct().ToList();
        var current = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id) && c.AgencyId == request.AgencyId)
            .Select(c => new { c.Id, c.Number, c.HandlerId }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var store = await calendar.StoreAsync(db, clock, cancellationToken);
        var today = ChinaTime.Today(clock);
        var (assigned, unchanged) = (0, 0);
        var problems = new List<string>();
        var conflicted = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // In the order of the case ids, whatever the order of the ticks: two batches over the same cases then wait for each
        // other on the first case they share, and the later one meets the changed version (a conflict), instead of each
        // holding a case the other needs (PostgreSQL's deadlock, which gave the later one an error page).
        foreach (var seen in request.Cases.DistinctBy(c => c.CaseId).OrderBy(c => c.CaseId))
        {
            if (!current.TryGetValue(seen.CaseId, out var found))
            {
                problems.Add($"第{seen.CaseId}号案件：未找到");
                continue;
            }

            if (found.HandlerId == handler?.Id)
            {
                unchanged++;
                continue;
            }

            var result = await store.RecordAsync(request.AgencyId, seen.CaseId, new HandlerAssigned(today, request.ActorId, handler?.Id, handler?.Name), seen.Version, alsoWrite: null, cancellationToken);
            if (result.Error is { } error)
            {
                problems.Add($"{found.Number}：{error.Message}");
                conflicted |= error is Conflict;
                if (error is Conflict)
                {
                    // PostgreSQL refuses every statement after a failed one in the transaction: stop here.
                    break;
                }
            }
            else
            {
                assigned++;
            }
        }

        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var message = "未分配任何案件：" + string.Join("；", problems);
            // Changed by someone else meanwhile is a conflict (refresh and decide again), as on the case page.
            return conflicted ? new Conflict(message) : new Refused(message, "ids");
        }

        await transaction.CommitAsync(cancellationToken);
        return Result.Ok(new AssignedCases(assigned, unchanged, handler?.Name));
    }
}

/// <summary>The agency's possible 承办人 (for the pickers of the work list and the case page) and a case's current one.</summary>
public sealed class ListCaseHandlers(GongkaiDbContext db)
{
    /// <summary>The people who may handle the agency's cases, by name.</summary>
    public Task<IReadOnlyList<CaseHandler>> ExecuteAsync(int agencyId, CancellationToken cancellationToken = default) =>
        CaseHandlers.OfAgencyAsync(db, agencyId, cancellationToken);

    /// <summary>The case's 承办人 (null: none) and its version, or null when the agency has no such case.</summary>
    public async Task<(CaseHandler? Handler, int Version, bool Closed)?> OfCaseAsync(int agencyId, long caseId, CancellationToken cancellationToken = default)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId && c.AgencyId == agencyId)
            .Select(c => new { c.HandlerId, c.Version, c.ClosedOn }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (found.HandlerId is not { } id)
        {
            return (null, found.Version, found.ClosedOn != null);
        }

        var names = await CaseHandlers.NamesAsync(db, [id], cancellationToken);
        return (new CaseHandler(id, names.GetValueOrDefault(id, id)), found.Version, found.ClosedOn != null);
    }
}
