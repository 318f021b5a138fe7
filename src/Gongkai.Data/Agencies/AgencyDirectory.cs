using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Agencies;

/// <summary>Finding agencies by the name people use for them.</summary>
public static class AgencyDirectory
{
    /// <summary>
    /// Art. 49: a people's government publishes its report by 31 March, its departments by 31 January. An agency
    /// whose name ends in 人民政府 or 政府 is taken for a government; the kind can be changed afterwards.
    /// </summary>
    public static string KindFromName(string name) =>
        name.EndsWith("人民政府", StringComparison.Ordinal) || name.EndsWith("政府", StringComparison.Ordinal) ? "government" : "department";

    public static Task<AgencyRecord?> FindAsync(GongkaiDbContext db, string name, CancellationToken cancellationToken = default) =>
        db.Agencies.SingleOrDefaultAsync(a => a.Name == name.Trim(), cancellationToken);

    /// <summary>The agency of that name, created (with a generated code) when it does not exist yet.</summary>
    public static async Task<(AgencyRecord Agency, bool Created)> FindOrCreateAsync(GongkaiDbContext db, string name, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var trimmed = name.Trim();
        if (await FindAsync(db, trimmed, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var count = await db.Agencies.CountAsync(cancellationToken);
        var agency = new AgencyRecord
        {
            Code = $"GK{count + 1:D4}",
            Name = trimmed,
            Kind = KindFromName(trimmed),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return (agency, true);
    }
}
