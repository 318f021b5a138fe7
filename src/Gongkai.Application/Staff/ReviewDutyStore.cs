using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Staff;

/// <summary>
/// 审核岗位 per agency (<c>review_duties</c>, schema 0020): who may decide which step of an agency's review chain
/// before publication (Art. 17). Read from the database at each decision, so that a duty taken away stops at once and a
/// duty held in one agency decides nothing in another.
/// </summary>
public sealed class ReviewDutyStore(GongkaiDbContext db, Catalog.CatalogStores stores)
{
    /// <summary>The usual 审核岗位 offered when a chain is edited or duties are given (with those a chain uses or staff hold).</summary>
    public static IReadOnlyList<string> Standard { get; } = ["保密审查员", "科室负责人", "分管领导", "主要负责人", "办公室主任", "法制审核员"];

    /// <summary>The duties <paramref name="userId"/> holds in the agency.</summary>
    public async Task<IReadOnlySet<string>> HeldAsync(string userId, int agencyId, CancellationToken cancellationToken = default) =>
        (await db.ReviewDuties.AsNoTracking().Where(d => d.UserId == userId && d.AgencyId == agencyId).Select(d => d.Duty).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The version of a catalogue item of the agency (null: none), to leave a stale decision to the store's refusal.</summary>
    public async Task<int?> VersionOfAsync(int agencyId, string indexNumber, CancellationToken cancellationToken = default) =>
        await db.CatalogItems.AsNoTracking().Where(i => i.AgencyId == agencyId && i.IndexNumber == indexNumber).Select(i => (int?)i.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The duties of these people in these agencies.</summary>
    public async Task<IReadOnlyList<ReviewDutyRecord>> OfAsync(IReadOnlyCollection<string> userIds, IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken = default) =>
        await db.ReviewDuties.AsNoTracking().Where(d => userIds.Contains(d.UserId) && agencyIds.Contains(d.AgencyId)).ToListAsync(cancellationToken);

    /// <summary>
    /// Sets the person's duties within <paramref name="agencyIds"/> to exactly <paramref name="wanted"/> (names trimmed,
    /// empty ones dropped); their duties elsewhere stay.
    /// </summary>
    public async Task ReplaceAsync(string userId, IReadOnlyCollection<int> agencyIds, IEnumerable<(int AgencyId, string Duty)> wanted, CancellationToken cancellationToken = default)
    {
        var want = wanted.Select(w => (w.AgencyId, Duty: w.Duty.Trim())).Where(w => w.Duty.Length > 0 && agencyIds.Contains(w.AgencyId)).ToHashSet();
        var held = await db.ReviewDuties.Where(d => d.UserId == userId && agencyIds.Contains(d.AgencyId)).ToListAsync(cancellationToken);
        db.ReviewDuties.RemoveRange(held.Where(h => !want.Contains((h.AgencyId, h.Duty))));
        foreach (var (agencyId, duty) in want.Where(w => !held.Any(h => h.AgencyId == w.AgencyId && h.Duty == w.Duty)))
        {
            db.ReviewDuties.Add(new ReviewDutyRecord { UserId = userId, AgencyId = agencyId, Duty = duty });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The 审核岗位 that may be given in each agency: the usual ones, the roles its review chain names, those of items
    /// still in review under an older chain, and those already held there.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> ChoicesAsync(IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken = default)
    {
        var store = await stores.OpenAsync(cancellationToken);
        var held = await db.ReviewDuties.AsNoTracking().Where(d => agencyIds.Contains(d.AgencyId)).Select(d => new { d.AgencyId, d.Duty }).Distinct().ToListAsync(cancellationToken);
        var result = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var id in agencyIds)
        {
            var chain = (await store.SettingsAsync(id, cancellationToken)).ReviewChain.Steps.Select(s => s.Role);
            var ahead = await store.RolesAheadAsync(id, cancellationToken);
            result[id] = Standard.Concat(chain).Concat(ahead).Concat(held.Where(h => h.AgencyId == id).Select(h => h.Duty)).Distinct(StringComparer.Ordinal).ToList();
        }

        return result;
    }
}
