using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Security;

/// <summary>
/// A member of staff who signs in to the back office (ASP.NET Core Identity user). Roles say what they may do:
/// administrator, 公开办 officer, 承办科室 liaison, 审核领导 leader, supervisor (read-only). Only the web application
/// signs people in, so the accounts live here and Gongkai.Data knows nothing of ASP.NET Core.
/// </summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name shown in the back office and in a case's history (e.g. 公开办 张三).</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The agency the person works for.</summary>
    public int? AgencyId { get; set; }

    /// <summary>For a department liaison: the department (承办科室) whose cases they handle.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>A disabled account cannot sign in; its history stays.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The password was set by somebody else (an administrator creating or resetting the account, a generated first
    /// administrator password): the person must choose their own before using the back office.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
