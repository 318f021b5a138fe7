using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Options of the rate limit on submissions of the public application form (<c>RateLimits:PublicForms</c>), per
/// client IP address. Each purpose has its own bucket: a run of status lookups never blocks an application, and
/// neither ever blocks the office's sign-in.
/// </summary>
public sealed class PublicFormRateLimit
{
    public const string Policy = "public-forms";

    public const string Section = "RateLimits:PublicForms";

    /// <summary>How many submissions one address may make per window.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Options of the rate limit on 申请查询 lookups at <c>/status</c> (<c>RateLimits:StatusLookups</c>), per client IP address.</summary>
public sealed class StatusLookupRateLimit
{
    public const string Policy = "status-lookups";

    public const string Section = "RateLimits:StatusLookups";

    /// <summary>How many lookups (or reply downloads) one address may make per window.</summary>
    public int PermitLimit { get; set; } = 20;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Options of the limit on staff sign-in attempts (<c>RateLimits:SignIn</c>): per client address (an office behind
/// one address shares it, so it is generous) and per account name (guessing one account's password from many
/// addresses). Identity's lockout after five wrong passwords comes on top.
/// </summary>
public sealed class SignInRateLimit
{
    public const string Section = "RateLimits:SignIn";

    public int PerAddressPermitLimit { get; set; } = 30;

    public int PerAccountPermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 300;
}

/// <summary>The sign-in limits: one bucket per client address and one per account name, both must have room.</summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<(string Address, string Account)> _limiter;

    public SignInThrottle(IOptions<SignInRateLimit> options)
    {
        var limit = options.Value;
        var window = TimeSpan.FromSeconds(limit.WindowSeconds);
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Address, string Account), string>(key =>
                RateLimitPartition.GetFixedWindowLimiter(key.Address, _ => Window(limit.PerAddressPermitLimit, window))),
            PartitionedRateLimiter.Create<(string Address, string Account), string>(key =>
                RateLimitPartition.GetFixedWindowLimiter(key.Account, _ => Window(limit.PerAccountPermitLimit, window))));
    }

    /// <summary>Counts one attempt; false when the address or the account has used up its window.</summary>
    public bool TryAttempt(string? address, string userName)
    {
        using var lease = _limiter.AttemptAcquire((address ?? "unknown", userName.Trim().ToUpperInvariant()));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };
}
