namespace Gongkai.Web.Security;

/// <summary>
/// A person's role in one agency (table <c>staff_memberships</c>, schema 0013). A person may work for several agencies
/// and hold several roles in each (a 公开办 officer of 卫健局 may also be its 审核领导); what they may do on a request
/// is what they hold in the agency they are working in (<see cref="StaffContext"/>).
/// </summary>
public sealed class StaffMembership
{
    public required string UserId { get; set; }

    public int AgencyId { get; set; }

    /// <summary>One of <see cref="StaffRoles.All"/>.</summary>
    public required string Role { get; set; }
}
