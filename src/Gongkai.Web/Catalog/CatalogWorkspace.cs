using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Cases;
using Gongkai.Web.Security;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Catalog;

/// <summary>Options of the catalogue in the back office (<c>Catalog</c> section).</summary>
public sealed class CatalogOptions
{
    /// <summary>The largest attachment accepted, in bytes (default 20 MB).</summary>
    public long MaxAttachmentBytes { get; set; } = AttachmentRules.DefaultMaxBytes;
}

/// <summary>
/// The catalogue store of a request on the calendar in force (Art. 26 due dates count working days), and who may do
/// what: 公开办 and administrators draft, publish and withdraw; a 承办科室 drafts and submits its information; each
/// review step is decided by whoever holds its 审核岗位 in the item's agency (<see cref="ReviewDuties"/>); the supervisor reads.
/// </summary>
public sealed class CatalogWorkspace(GongkaiDbContext db, CaseWorkspace cases, TimeProvider clock, IOptions<CatalogOptions> options, Gongkai.Application.Staff.ReviewDutyStore duties)
{
    public CatalogOptions Options => options.Value;

    public async Task<CatalogStore> StoreAsync(CancellationToken cancellationToken = default) =>
        new(db, await cases.CalendarAsync(cancellationToken), clock);

    public Task<Gongkai.Domain.Calendar.IWorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken = default) => cases.CalendarAsync(cancellationToken);

    /// <summary>Today's date in China.</summary>
    public DateOnly Today() => cases.Today();

    /// <summary>The 审核岗位 <paramref name="user"/> holds in the agency, read from the database now.</summary>
    public Task<IReadOnlySet<string>> DutiesAsync(System.Security.Claims.ClaimsPrincipal user, int agencyId, CancellationToken cancellationToken = default) =>
        ReviewDuties.OfAsync(duties, user, agencyId, cancellationToken);

    /// <summary>
    /// The items waiting at a step whose 审核岗位 <paramref name="user"/> holds (<paramref name="duties"/>); none for a
    /// role that only reads (<see cref="MayReview"/>).
    /// </summary>
    public async Task<IReadOnlyList<CatalogListRow>> AwaitingReviewByAsync(int agencyId, System.Security.Claims.ClaimsPrincipal user, IReadOnlySet<string> duties,
        CancellationToken cancellationToken = default)
    {
        if (duties.Count == 0 || !MayReview(user))
        {
            return [];
        }

        var inReview = await (await StoreAsync(cancellationToken)).ListAsync(agencyId, CatalogItemStatus.InReview, today: Today(), limit: 10_000, cancellationToken: cancellationToken);
        return [.. inReview.Where(r => r.PendingRole is { } role && duties.Contains(role))];
    }

    /// <summary>Art. 26: how many unpublished items are past their due date today.</summary>
    public async Task<int> OverdueCountAsync(int agencyId, CancellationToken cancellationToken = default) =>
        (await (await StoreAsync(cancellationToken)).ListAsync(agencyId, overdueOnly: true, today: Today(), limit: 10_000, cancellationToken: cancellationToken)).Count;

    /// <summary>May draft, edit and submit items: 公开办, 承办科室, administrators.</summary>
    public static bool CanDraft(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.DisclosureOfficer) || user.IsInRole(StaffRoles.DepartmentLiaison) || user.IsInRole(StaffRoles.Administrator);

    /// <summary>
    /// May edit, attach to and submit this draft: 公开办 and administrators any; a 承办科室 the drafts it drafted itself
    /// (<paramref name="drafter"/>, from the item's 拟稿 entry).
    /// </summary>
    public static bool CanWorkOn(System.Security.Claims.ClaimsPrincipal user, string? drafter) =>
        user.IsInRole(StaffRoles.DisclosureOfficer) || user.IsInRole(StaffRoles.Administrator)
        || (user.IsInRole(StaffRoles.DepartmentLiaison) && drafter is not null && drafter == user.Identity?.Name);

    /// <summary>
    /// May hold a 审核岗位: anyone with a role that acts (公开办, 承办科室, 审核领导, administrator); the supervisor
    /// only reads, whatever duties were given.
    /// </summary>
    public static bool MayReview(System.Security.Claims.ClaimsPrincipal user) =>
        ReviewerRoles.Any(user.IsInRole);

    /// <summary>The system roles that may hold a 审核岗位.</summary>
    public static IReadOnlyList<string> ReviewerRoles => Gongkai.Application.Staff.StaffRoleNames.Reviewers;

    /// <summary>May publish, withdraw and mark validity (办公室发布): 公开办 and administrators.</summary>
    public static bool CanPublish(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.DisclosureOfficer) || user.IsInRole(StaffRoles.Administrator);
}
