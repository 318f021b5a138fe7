using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Security;

/// <summary>
/// What the sign-in cookie carries about a member of staff besides Identity's own claims: the display name (shown in
/// the header instead of the user name) and whether the password must be changed first. Both are read again from the
/// database whenever the security stamp is validated, and the stamp changes when an administrator resets a password.
/// </summary>
public static class StaffClaims
{
    /// <summary>The person's display name (姓名).</summary>
    public const string DisplayName = "gongkai:display-name";

    /// <summary>Present while the password set by somebody else has not been changed.</summary>
    public const string MustChangePassword = "gongkai:must-change-password";

    /// <summary>The display name of <paramref name="user"/>, or the user name when there is none.</summary>
    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirst(DisplayName)?.Value is { Length: > 0 } name ? name : user.Identity?.Name ?? string.Empty;

    /// <summary>Whether <paramref name="user"/> must change their password before using the back office.</summary>
    public static bool MustChange(ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePassword);
}

/// <summary>Adds <see cref="StaffClaims"/> to the principal Identity builds at sign-in and at each stamp validation.</summary>
internal sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.DisplayName.Length > 0)
        {
            identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}

/// <summary>
/// Keeps a person whose password was set by somebody else out of the back office and the API until they have chosen
/// their own: pages redirect to the change-password page, the API answers 403.
/// </summary>
public static class ForcedPasswordChange
{
    /// <summary>The change-password page.</summary>
    public const string PagePath = "/account/password";

    /// <summary>Adds the gate after authentication.</summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            var guarded = path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
            if (guarded && context.User.Identity?.IsAuthenticated == true && StaffClaims.MustChange(context.User))
            {
                if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                context.Response.Redirect(PagePath);
                return;
            }

            await next(context);
        });
}
