using Gongkai.Domain.Results;

namespace Gongkai.Application.Staff;

/// <summary>
/// The names of the back office's roles, as stored in <c>staff_memberships</c> (one or more per person and agency).
/// The web application's <c>StaffRoles</c> gives them their Chinese names and policies.
/// </summary>
public static class StaffRoleNames
{
    /// <summary>管理员.</summary>
    public const string Administrator = "administrator";

    /// <summary>公开办 (Art. 4).</summary>
    public const string DisclosureOfficer = "officer";

    /// <summary>承办科室.</summary>
    public const string DepartmentLiaison = "liaison";

    /// <summary>审核领导.</summary>
    public const string ApprovingLeader = "leader";

    /// <summary>监督 (read-only).</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Every role, in the order the users page lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, DisclosureOfficer, DepartmentLiaison, ApprovingLeader, Supervisor];

    /// <summary>
    /// The roles that act and so may hold a 审核岗位 in an agency: 公开办, 承办科室, 审核领导, administrator. The supervisor
    /// only reads, whatever duties were given.
    /// </summary>
    public static IReadOnlyList<string> Reviewers { get; } = [DisclosureOfficer, DepartmentLiaison, ApprovingLeader, Administrator];
}

/// <summary>A staff account as the users page shows it.</summary>
public sealed record StaffAccount(
    string Id, string UserName, string DisplayName, bool Disabled, bool LockedOut, bool MustChangePassword, int? AgencyId, int? DepartmentId,
    DateTimeOffset CreatedAt);

/// <summary>A role a person holds in an agency (a row of <c>staff_memberships</c>).</summary>
public sealed record StaffMembershipRow(string UserId, int AgencyId, string Role);

/// <summary>The account to create: its names, the agency it works for and its 承办科室.</summary>
public sealed record NewStaffAccount(string UserName, string DisplayName, int AgencyId, int? DepartmentId);

/// <summary>
/// The staff accounts and their memberships. The accounts are ASP.NET Core Identity's (passwords, lockouts, security
/// stamps), which only the web application signs in with; it implements this, so that the rules about accounts live
/// here without ASP.NET Core.
/// </summary>
public interface IStaffAccounts
{
    /// <summary>The people who work in any of these agencies: a membership there, or (no membership yet) their account's agency.</summary>
    Task<IReadOnlySet<string>> UsersInAsync(IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken = default);

    /// <summary>The accounts with these ids.</summary>
    Task<IReadOnlyList<StaffAccount>> FindAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>The memberships of these people, every agency.</summary>
    Task<IReadOnlyList<StaffMembershipRow>> MembershipsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>A password for an account made or reset by somebody else (shown once, changed at the first sign-in).</summary>
    string NewPassword();

    /// <summary>Creates the account with this password (to be changed at the first sign-in); Identity's refusal in Chinese.</summary>
    Task<Result<StaffAccount>> CreateAsync(NewStaffAccount account, string password, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Sets the person's memberships within <paramref name="agencyIds"/> to exactly <paramref name="wanted"/>; others stay.</summary>
    Task ReplaceMembershipsAsync(string userId, IReadOnlyCollection<int> agencyIds, IReadOnlyCollection<(int AgencyId, string Role)> wanted,
        CancellationToken cancellationToken = default);

    /// <summary>Sets the account's agency and 承办科室 and ends its open sessions (its roles changed).</summary>
    Task<Error?> PlaceAsync(string userId, int? agencyId, int? departmentId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the password by a temporary one to be changed at the next sign-in; ends a lockout and open sessions.</summary>
    Task<Error?> ResetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default);

    /// <summary>Disables or enables the account (enabling ends a lockout); ends its open sessions.</summary>
    Task<Error?> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default);

    /// <summary>Ends a lockout now; false when the account was not locked out.</summary>
    Task<bool> UnlockAsync(string userId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The agencies whose accounts an administrator manages: the agency they work in (<see cref="CurrentAgencyId"/>, first)
/// and every agency below it; and who they are.
/// </summary>
public sealed record StaffScope(int CurrentAgencyId, IReadOnlyList<int> AgencyIds, string ActorId, string ActorName)
{
    public bool Contains(int agencyId) => AgencyIds.Contains(agencyId);
}
