using Gongkai.Data.Records;

namespace Gongkai.Web.Infrastructure;

/// <summary>The agencies the portal lists and offers for applications (Art. 27): the government first, then by name.</summary>
public static class PortalAgencies
{
    /// <summary>政府部门 / 乡镇街道 / 其他, as the home page groups them.</summary>
    public static string GroupOf(AgencyRecord agency) => agency.Kind switch
    {
        "department" => "政府部门",
        "town" => "乡镇街道",
        "government" => "人民政府",
        _ => "其他",
    };

    /// <summary>
    /// The agencies open to the public: the root government first, the others in the order of the tree's codes.
    /// Hook for the agency tree: archived agencies are left out here.
    /// </summary>
    public static async Task<IReadOnlyList<AgencyRecord>> OfferedAsync(AgencyList agencies, CancellationToken cancellationToken)
    {
        var root = await agencies.RootAsync(cancellationToken);
        var all = await agencies.AllAsync(cancellationToken);
        // An archived agency keeps its pages but takes no new applications and is not listed (Art. 27 applications go to a working agency).
        return [root, .. all.Where(a => a.Id != root.Id && a.ArchivedAt is null).OrderBy(a => GroupOrder(a)).ThenBy(a => a.SortOrder).ThenBy(a => a.Id)];
    }

    private static int GroupOrder(AgencyRecord agency) => agency.Kind switch
    {
        "government" => 0,
        "department" => 1,
        "town" => 2,
        _ => 3,
    };
}
