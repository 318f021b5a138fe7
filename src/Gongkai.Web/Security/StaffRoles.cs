using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Security;

/// <summary>The roles of the back office. A person may hold several.</summary>
public static class StaffRoles
{
    /// <summary>管理员: staff accounts, the agency's settings and 指南.</summary>
    public const string Administrator = Gongkai.Application.Staff.StaffRoleNames.Administrator;

    /// <summary>公开办 (the disclosure office, Art. 4): registers and handles applications, drafts and publishes the annual report.</summary>
    public const string DisclosureOfficer = Gongkai.Application.Staff.StaffRoleNames.DisclosureOfficer;

    /// <summary>承办科室: a department that answers the cases assigned to it.</summary>
    public const string DepartmentLiaison = Gongkai.Application.Staff.StaffRoleNames.DepartmentLiaison;

    /// <summary>审核领导: approves replies and the annual report.</summary>
    public const string ApprovingLeader = Gongkai.Application.Staff.StaffRoleNames.ApprovingLeader;

    /// <summary>监督: reads everything, changes nothing.</summary>
    public const string Supervisor = Gongkai.Application.Staff.StaffRoleNames.Supervisor;

    /// <summary>Every role, in the order the users page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, DisclosureOfficer, DepartmentLiaison, ApprovingLeader, Supervisor];

    /// <summary>The role's Chinese name.</summary>
    public static string DisplayName(string role) => role switch
    {
        Administrator => "管理员",
        DisclosureOfficer => "公开办",
        DepartmentLiaison => "承办科室",
        ApprovingLeader => "审核领导",
        Supervisor => "监督（只读）",
        _ => role,
    };
}

/// <summary>The authorization policies; every staff page and API endpoint names one.</summary>
public static class StaffPolicies
{
    /// <summary>Anyone with a staff role (reading the back office).</summary>
    public const string Staff = "staff";

    /// <summary>May change and publish the annual report: 公开办 and administrators.</summary>
    public const string ReportEditors = "report-editors";

    /// <summary>Administrators only.</summary>
    public const string Administrators = "administrators";

    /// <summary>The supervising office's read-only pages (/staff/supervision): 监督 and administrators.</summary>
    public const string Supervisors = "supervisors";
}

/// <summary>The policy checks pages make in their handlers.</summary>
public static class StaffAuthorization
{
    /// <summary>Whether <paramref name="user"/> may change the annual report and section 二's records (<see cref="StaffPolicies.ReportEditors"/>).</summary>
    public static async Task<bool> IsReportEditorAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, StaffPolicies.ReportEditors)).Succeeded;

    /// <summary>
    /// Whether <paramref name="user"/> does the disclosure office's work on applications (register, import, confirm
    /// online submissions, handle a case): 公开办, and administrators, who may do everything except decide review steps
    /// (审核, which stays with the roles that hold the duty).
    /// </summary>
    public static bool HandlesCases(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.DisclosureOfficer) || user.IsInRole(StaffRoles.Administrator);
}
