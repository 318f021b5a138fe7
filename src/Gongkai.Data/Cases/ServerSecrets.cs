using System.Security.Cryptography;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Cases;

/// <summary>
/// The installation's secrets (table <c>server_secrets</c>): random bytes made on first use and kept in the database,
/// so every instance sharing it derives the same values (like the Data Protection keys kept there).
/// </summary>
public static class ServerSecrets
{
    /// <summary>The secret of that name, made (32 random bytes) if it does not exist yet; the first writer wins.</summary>
    public static async Task<byte[]> GetAsync(GongkaiDbContext db, string name, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var existing = await db.Set<ServerSecretRecord>().AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var value = RandomNumberGenerator.GetBytes(32);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO server_secrets (name, value, created_at) VALUES ({name}, {value}, {clock.GetUtcNow()}) ON CONFLICT (name) DO NOTHING",
            cancellationToken);
        return await db.Set<ServerSecretRecord>().AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstAsync(cancellationToken);
    }
}
