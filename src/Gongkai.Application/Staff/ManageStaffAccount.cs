using Gongkai.Domain.Results;

namespace Gongkai.Application.Staff;

/// <summary>An action on one account by an administrator of the scope.</summary>
public sealed record StaffAccountRequest(StaffScope Scope, string UserId);

/// <summary>A temporary password given to an account, shown once.</summary>
public sealed record StaffPasswordReset(StaffAccount Account, string Password);

/// <summary>Finds the account when it works in the administrator's scope; another agency's account is not found.</summary>
internal static class ScopedAccount
{
    public static async Task<StaffAccount?> FindAsync(IStaffAccounts accounts, StaffAccountRequest request, CancellationToken cancellationToken) =>
        (await accounts.UsersInAsync(request.Scope.AgencyIds, cancellationToken)).Contains(request.UserId)
            ? (await accounts.FindAsync([request.UserId], cancellationToken)).FirstOrDefault()
            : null;
}

/// <summary>
/// Gives the account a new temporary password, shown once; the person must change it at the next sign-in, their open
/// sessions end, a lockout ends.
/// </summary>
public sealed class ResetStaffPassword(IStaffAccounts accounts)
{
    public async Task<Result<StaffPasswordReset>> ExecuteAsync(StaffAccountRequest request, CancellationToken cancellationToken = default)
    {
        if (await ScopedAccount.FindAsync(accounts, request, cancellationToken) is not { } account)
        {
            return new NotFound("没有该账号。");
        }

        var password = accounts.NewPassword();
        return await accounts.ResetPasswordAsync(account.Id, password, cancellationToken) is { } error ? error : Result.Ok(new StaffPasswordReset(account, password));
    }
}

/// <summary>停用 or 启用 an account (not one's own: 停用); its open sessions end. Enabling ends a lockout.</summary>
public sealed class SetStaffDisabled(IStaffAccounts accounts)
{
    public async Task<Result<StaffAccount>> ExecuteAsync(StaffAccountRequest request, bool disabled, CancellationToken cancellationToken = default)
    {
        if (await ScopedAccount.FindAsync(accounts, request, cancellationToken) is not { } account)
        {
            return new NotFound("没有该账号。");
        }

        if (disabled && account.Id == request.Scope.ActorId)
        {
            return new Refused("不能停用自己的账号。");
        }

        return await accounts.SetDisabledAsync(account.Id, disabled, cancellationToken) is { } error ? error : Result.Ok(account);
    }
}

/// <summary>Ends a lockout now (the count of failed sign-ins starts again); an account not locked is said so.</summary>
public sealed class UnlockStaffAccount(IStaffAccounts accounts)
{
    public async Task<Result<StaffAccount>> ExecuteAsync(StaffAccountRequest request, CancellationToken cancellationToken = default)
    {
        if (await ScopedAccount.FindAsync(accounts, request, cancellationToken) is not { } account)
        {
            return new NotFound("没有该账号。");
        }

        return await accounts.UnlockAsync(account.Id, cancellationToken) ? Result.Ok(account) : new Refused($"账号 {account.UserName} 未被锁定。");
    }
}
