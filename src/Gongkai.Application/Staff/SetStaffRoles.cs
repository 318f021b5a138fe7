using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Staff;

/// <summary>
/// The roles and 审核岗位 ticked for an account in the agencies of the administrator's scope (<c>agencyId:value</c>
/// each), and its 承办科室.
/// </summary>
public sealed record SetStaffRolesRequest(StaffScope Scope, string UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> Duties, int? DepartmentId);

/// <summary>What was set, for the confirmation and the log.</summary>
public sealed record StaffRolesSet(StaffAccount Account, IReadOnlyList<(int AgencyId, string Role)> Roles, IReadOnlyList<(int AgencyId, string Duty)> Duties, string Described);

/// <summary>
/// Sets an account's roles and 审核岗位 in the agencies of the administrator's scope to those ticked; what it holds
/// elsewhere stays. At least one role must remain; an administrator keeps their own administrator role here; a 审核岗位
/// is held only where the person has a role that acts (公开办, 承办科室, 审核领导, administrator: Art. 17's review is
/// the agency's own staff's, and the supervisor only reads). An account outside the scope is not found.
/// </summary>
public sealed class SetStaffRoles(IStaffAccounts accounts, ReviewDutyStore duties, GongkaiDbContext db)
{
    public async Task<Result<StaffRolesSet>> ExecuteAsync(SetStaffRolesRequest request, CancellationToken cancellationToken = default)
    {
        var scope = request.Scope;
        if (!(await accounts.UsersInAsync(scope.AgencyIds, cancellationToken)).Contains(request.UserId)
            || (await accounts.FindAsync([request.UserId], cancellationToken)).FirstOrDefault() is not { } account)
        {
            return new NotFound("没有该账号。");
        }

        var roles = Parse(request.Roles, scope).Where(r => StaffRoleNames.All.Contains(r.Value)).Distinct().ToList();
        var choices = await duties.ChoicesAsync(scope.AgencyIds, cancellationToken);
        var wantedDuties = Parse(request.Duties, scope).Select(d => (d.AgencyId, Value: d.Value.Trim())).Where(d => d.Value.Length > 0).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => scope.AgencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        if (wantedDuties.FirstOrDefault(d => !choices[d.AgencyId].Contains(d.Value)) is { Value: not null } unknown)
        {
            return new Refused($"{names[unknown.AgencyId]}：没有“{unknown.Value}”这一审核岗位，请从列表中选择。", "duties");
        }

        if (wantedDuties.FirstOrDefault(d => !roles.Any(r => r.AgencyId == d.AgencyId && StaffRoleNames.Reviewers.Contains(r.Value))) is { Value: not null } idle)
        {
            return new Refused($"{names[idle.AgencyId]}：只有在该单位担任公开办、承办科室、审核领导或管理员的人员才能担任审核岗位（“{idle.Value}”）；监督只读。", "duties");
        }

        var elsewhere = (await accounts.MembershipsAsync([account.Id], cancellationToken)).Count(m => !scope.Contains(m.AgencyId));
        if (roles.Count == 0 && elsewhere == 0)
        {
            return new Refused($"账号 {account.UserName}：请至少选择一个单位的一个角色。", "roles");
        }

        if (account.Id == scope.ActorId && !roles.Contains((scope.CurrentAgencyId, StaffRoleNames.Administrator)))
        {
            return new Refused("不能取消自己的管理员角色。", "roles");
        }

        var wantedRoles = roles.Select(r => (r.AgencyId, Role: r.Value)).ToList();
        await accounts.ReplaceMembershipsAsync(account.Id, scope.AgencyIds, wantedRoles, cancellationToken);
        await duties.ReplaceAsync(account.Id, scope.AgencyIds, wantedDuties.Select(d => (d.AgencyId, d.Value)), cancellationToken);
        var agencyId = account.AgencyId;
        if (wantedRoles.Count > 0 && (agencyId is null || !wantedRoles.Any(w => w.AgencyId == agencyId)) && elsewhere == 0)
        {
            agencyId = wantedRoles[0].AgencyId;
        }

        var department = wantedRoles.Any(w => w.Role == StaffRoleNames.DepartmentLiaison) ? request.DepartmentId ?? account.DepartmentId : null;
        if (await accounts.PlaceAsync(account.Id, agencyId, department, cancellationToken) is { } error)
        {
            return error;
        }

        var described = string.Join("；", wantedRoles.GroupBy(w => w.AgencyId).Select(g =>
        {
            var held = wantedDuties.Where(d => d.AgencyId == g.Key).Select(d => d.Value).ToList();
            return $"{names[g.Key]}：{string.Join("、", StaffRoleNames.All.Where(r => g.Any(w => w.Role == r)).Select(DisplayName))}"
                + (held.Count > 0 ? $"（审核岗位：{string.Join("、", held)}）" : string.Empty);
        }));
        return Result.Ok(new StaffRolesSet(account, wantedRoles, wantedDuties.Select(d => (d.AgencyId, d.Value)).ToList(), described));
    }

    /// <summary>The role's Chinese name.</summary>
    public static string DisplayName(string role) => role switch
    {
        StaffRoleNames.Administrator => "管理员",
        StaffRoleNames.DisclosureOfficer => "公开办",
        StaffRoleNames.DepartmentLiaison => "承办科室",
        StaffRoleNames.ApprovingLeader => "审核领导",
        StaffRoleNames.Supervisor => "监督（只读）",
        _ => role,
    };

    /// <summary>The posted <c>agencyId:value</c> pairs naming an agency of the scope; others are ignored.</summary>
    private static IEnumerable<(int AgencyId, string Value)> Parse(IEnumerable<string> posted, StaffScope scope)
    {
        foreach (var value in posted)
        {
            var parts = value.Split(':', 2);
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var agencyId) && scope.Contains(agencyId))
            {
                yield return (agencyId, parts[1]);
            }
        }
    }
}
