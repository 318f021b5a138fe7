using Gongkai.Domain.Results;

namespace Gongkai.Application.Staff;

/// <summary>A new account: its names, the agency of the scope it works for (null: the administrator's own), roles there, 承办科室.</summary>
public sealed record CreateStaffAccountRequest(StaffScope Scope, string? UserName, string? DisplayName, int? AgencyId, IReadOnlyList<string> Roles, int? DepartmentId);

/// <summary>The account made and its first password, shown once.</summary>
public sealed record CreatedStaffAccount(StaffAccount Account, string Password);

/// <summary>
/// Adds a member of staff with one or more roles in an agency of the administrator's scope; the first password is
/// generated, shown once and must be changed at the first sign-in. Every problem is named (one per line).
/// </summary>
public sealed class CreateStaffAccount(IStaffAccounts accounts, TimeProvider clock)
{
    public async Task<Result<CreatedStaffAccount>> ExecuteAsync(CreateStaffAccountRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors.Add("请填写用户名。");
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors.Add("请填写姓名。");
        }

        var roles = request.Roles.Where(StaffRoleNames.All.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add("请至少选择一个角色。");
        }

        // An agency outside the scope is not found (the form offers only the scope's): not refused, which would confirm it.
        var agencyId = request.AgencyId ?? request.Scope.CurrentAgencyId;
        if (!request.Scope.Contains(agencyId))
        {
            return new NotFound("所属单位：请从列表中选择本单位或下级单位。");
        }

        if (errors.Count > 0)
        {
            return new Refused(string.Join('\n', errors));
        }

        var password = accounts.NewPassword();
        var created = await accounts.CreateAsync(
            new NewStaffAccount(request.UserName!.Trim(), request.DisplayName!.Trim(), agencyId, roles.Contains(StaffRoleNames.DepartmentLiaison) ? request.DepartmentId : null),
            password, clock.GetUtcNow(), cancellationToken);
        if (created.Error is { } error)
        {
            return error;
        }

        await accounts.ReplaceMembershipsAsync(created.Value!.Id, [agencyId], roles.Select(r => (agencyId, r)).ToList(), cancellationToken);
        return Result.Ok(new CreatedStaffAccount(created.Value, password));
    }
}
