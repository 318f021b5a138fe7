using Gongkai.Application.Staff;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Security;

/// <summary>The staff accounts of <see cref="IStaffAccounts"/> on ASP.NET Core Identity and <c>staff_memberships</c>.</summary>
internal sealed class IdentityStaffAccounts(UserManager<StaffUser> users, StaffDbContext staff, StaffMemberships memberships, TimeProvider clock) : IStaffAccounts
{
    public Task<IReadOnlySet<string>> UsersInAsync(IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken = default) =>
        memberships.UsersInAsync(agencyIds, cancellationToken);

    public async Task<IReadOnlyList<StaffAccount>> FindAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return (await staff.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken))
            .Select(u => new StaffAccount(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Disabled, u.LockoutEnd is { } end && end > now,
                u.MustChangePassword, u.AgencyId, u.DepartmentId, u.CreatedAt))
            .ToList();
    }

    public async Task<IReadOnlyList<StaffMembershipRow>> MembershipsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        (await memberships.OfUsersAsync(userIds, cancellationToken)).Select(m => new StaffMembershipRow(m.UserId, m.AgencyId, m.Role)).ToList();

    public string NewPassword() => StartupTasks.GeneratePassword();

    public async Task<Result<StaffAccount>> CreateAsync(NewStaffAccount account, string password, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var user = new StaffUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            AgencyId = account.AgencyId,
            DepartmentId = account.DepartmentId,
            CreatedAt = now,
            MustChangePassword = true,
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded
            ? Result.Ok(new StaffAccount(user.Id, user.UserName, user.DisplayName, false, false, true, user.AgencyId, user.DepartmentId, now))
            : Refused(created);
    }

    public Task ReplaceMembershipsAsync(string userId, IReadOnlyCollection<int> agencyIds, IReadOnlyCollection<(int AgencyId, string Role)> wanted,
        CancellationToken cancellationToken = default) =>
        memberships.ReplaceAsync(userId, agencyIds, wanted, cancellationToken);

    public async Task<Error?> PlaceAsync(string userId, int? agencyId, int? departmentId, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new NotFound("没有该账号。");
        }

        user.AgencyId = agencyId;
        user.DepartmentId = departmentId;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return Refused(result);
        }

        // Roles are read again on every request; a new stamp also ends sessions opened under the old roles' pages.
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    public async Task<Error?> ResetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new NotFound("没有该账号。");
        }

        var reset = await users.RemovePasswordAsync(user);
        if (reset.Succeeded)
        {
            reset = await users.AddPasswordAsync(user, password);
        }

        if (reset.Succeeded)
        {
            user.MustChangePassword = true;
            reset = await users.UpdateAsync(user);
        }

        if (!reset.Succeeded)
        {
            return Refused(reset);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    public async Task<Error?> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new NotFound("没有该账号。");
        }

        user.Disabled = disabled;
        if (!disabled)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return Refused(result);
        }

        // A new security stamp ends the person's open sessions at the next cookie validation.
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    public async Task<bool> UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user || !await users.IsLockedOutAsync(user))
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    private static Refused Refused(IdentityResult result) => new(string.Join('\n', result.Errors.Select(e => e.Description)));
}
