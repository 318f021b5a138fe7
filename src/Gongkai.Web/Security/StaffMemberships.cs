using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Security;

/// <summary>Reads and changes who works for which agency in which role (<see cref="StaffMembership"/>).</summary>
public sealed class StaffMemberships(StaffDbContext staff)
{
    /// <summary>The memberships of these people, every agency.</summary>
    public async Task<IReadOnlyList<StaffMembership>> OfUsersAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        await staff.Memberships.AsNoTracking().Where(m => userIds.Contains(m.UserId)).ToListAsync(cancellationToken);

    /// <summary>
    /// The people who work in any of <paramref name="agencyIds"/>: a membership there, or (an account without any
    /// membership yet) their account's agency there.
    /// </summary>
    public async Task<IReadOnlySet<string>> UsersInAsync(IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken = default)
    {
        var members = await staff.Memberships.AsNoTracking().Where(m => agencyIds.Contains(m.AgencyId)).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
        var placed = await staff.Users.AsNoTracking()
            .Where(u => u.AgencyId != null && agencyIds.Contains(u.AgencyId.Value) && !staff.Memberships.Any(m => m.UserId == u.Id))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        return members.Concat(placed).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Gives the person these roles in the agency (those held already stay).</summary>
    public async Task AddAsync(string userId, int agencyId, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        var held = await staff.Memberships.Where(m => m.UserId == userId && m.AgencyId == agencyId).Select(m => m.Role).ToListAsync(cancellationToken);
        foreach (var role in roles.Distinct(StringComparer.Ordinal).Except(held, StringComparer.Ordinal))
        {
            staff.Memberships.Add(new StaffMembership { UserId = userId, AgencyId = agencyId, Role = role });
        }

        await staff.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the person's memberships within <paramref name="agencyIds"/> to exactly <paramref name="wanted"/>; their
    /// memberships elsewhere stay. One transaction.
    /// </summary>
    public async Task ReplaceAsync(string userId, IReadOnlyCollection<int> agencyIds, IReadOnlyCollection<(int AgencyId, string Role)> wanted, CancellationToken cancellationToken = default)
    {
        var held = await staff.Memberships.Where(m => m.UserId == userId && agencyIds.Contains(m.AgencyId)).ToListAsync(cancellationToken);
        staff.Memberships.RemoveRange(held.Where(h => !wanted.Contains((h.AgencyId, h.Role))));
        foreach (var (agencyId, role) in wanted.Distinct().Where(w => agencyIds.Contains(w.AgencyId)))
        {
            if (!held.Any(h => h.AgencyId == agencyId && h.Role == role))
            {
                staff.Memberships.Add(new StaffMembership { UserId = userId, AgencyId = agencyId, Role = role });
            }
        }

        await staff.SaveChangesAsync(cancellationToken);
    }
}
