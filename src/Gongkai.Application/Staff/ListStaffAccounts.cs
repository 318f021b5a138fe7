using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Staff;

/// <summary>One account on the users page: the account, and per agency of the administrator's scope its roles and 审核岗位.</summary>
public sealed record StaffAccountRow(StaffAccount Account, IReadOnlyList<StaffAccountPlace> Places)
{
    /// <summary>The roles held in <paramref name="agencyId"/>.</summary>
    public IReadOnlyList<string> RolesIn(int agencyId) => Places.FirstOrDefault(p => p.AgencyId == agencyId)?.Roles ?? [];

    /// <summary>The 审核岗位 held in <paramref name="agencyId"/>.</summary>
    public IReadOnlyList<string> DutiesIn(int agencyId) => Places.FirstOrDefault(p => p.AgencyId == agencyId)?.Duties ?? [];
}

/// <summary>What a person holds in one agency: roles (in <see cref="StaffRoleNames.All"/>'s order) and 审核岗位.</summary>
public sealed record StaffAccountPlace(int AgencyId, IReadOnlyList<string> Roles, IReadOnlyList<string> Duties);

/// <summary>The users page: the accounts of the scope, the 审核岗位 each agency offers, the current agency's 承办科室.</summary>
public sealed record StaffAccountList(IReadOnlyList<StaffAccountRow> Rows, IReadOnlyDictionary<int, IReadOnlyList<string>> DutyChoices, IReadOnlyList<DepartmentRecord> Departments);

/// <summary>
/// The accounts an administrator manages (those working in the agencies of their scope), with each one's roles and
/// 审核岗位 per agency of that scope, oldest account first.
/// </summary>
public sealed class ListStaffAccounts(IStaffAccounts accounts, ReviewDutyStore duties, GongkaiDbContext db)
{
    public async Task<StaffAccountList> ExecuteAsync(StaffScope scope, CancellationToken cancellationToken = default)
    {
        var ids = (await accounts.UsersInAsync(scope.AgencyIds, cancellationToken)).ToList();
        var held = await accounts.MembershipsAsync(ids, cancellationToken);
        var dutyRows = await duties.OfAsync(ids, scope.AgencyIds, cancellationToken);
        // Sorted here: SQLite cannot order by DateTimeOffset.
        var rows = (await accounts.FindAsync(ids, cancellationToken))
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new StaffAccountRow(u, scope.AgencyIds
                .Where(a => held.Any(m => m.UserId == u.Id && m.AgencyId == a) || dutyRows.Any(d => d.UserId == u.Id && d.AgencyId == a))
                .Select(a => new StaffAccountPlace(a,
                    StaffRoleNames.All.Where(r => held.Any(m => m.UserId == u.Id && m.AgencyId == a && m.Role == r)).ToList(),
                    dutyRows.Where(d => d.UserId == u.Id && d.AgencyId == a).Select(d => d.Duty).Order(StringComparer.Ordinal).ToList()))
                .ToList()))
            .ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == scope.CurrentAgencyId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        return new StaffAccountList(rows, await duties.ChoicesAsync(scope.AgencyIds, cancellationToken), departments);
    }
}
