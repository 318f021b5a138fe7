using System.Globalization;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Data.Cases;

/// <summary>
/// Case numbers that cannot clash: one counter per agency, year and series (table <c>case_number_sequences</c>),
/// advanced by a single <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> (SQLite ≥ 3.35 and PostgreSQL) inside the
/// caller's transaction, so the number is taken and the case stored together or not at all. Reading the last number
/// and inserting the next, as before, let two submissions take the same one.
/// </summary>
public static class CaseNumbers
{
    /// <summary>The series of cases the office registers: <c>2026-00001</c>.</summary>
    public const string OfficeSeries = "";

    /// <summary>The series of online applications: <c>2026-W00001</c> (the case keeps it).</summary>
    public const string OnlineSeries = "W";

    /// <summary>The number in its printed form: <c>2026-00001</c>, <c>2026-W00001</c>.</summary>
    public static string Format(int year, string series, int value) =>
        year.ToString(CultureInfo.InvariantCulture) + "-" + series + value.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// Takes the next number of the series. Must run inside a transaction of <paramref name="db"/> (the caller's),
    /// which it requires. The first number of a series continues after the highest number already stored for it
    /// (cases registered or imported before the counter existed).
    /// </summary>
    public static async Task<string> NextAsync(GongkaiDbContext db, int agencyId, int year, string series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Case numbers are taken inside the transaction that stores the case.");
        var exists = await db.Set<CaseNumberSequenceRecord>().AsNoTracking()
            .AnyAsync(s => s.AgencyId == agencyId && s.Year == year && s.Series == series, cancellationToken);
        var seed = exists ? 1 : await HighestStoredAsync(db, agencyId, year, series, cancellationToken) + 1;

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText =
            "INSERT INTO case_number_sequences (agency_id, year, series, last_value) VALUES (@agency, @year, @series, @seed) " +
            "ON CONFLICT (agency_id, year, series) DO UPDATE SET last_value = case_number_sequences.last_value + 1 RETURNING last_value";
        command.AddParameter("@agency", agencyId);
        command.AddParameter("@year", year);
        command.AddParameter("@series", series);
        command.AddParameter("@seed", seed);
        var value = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return Format(year, series, value);
    }

    private static async Task<int> HighestStoredAsync(GongkaiDbContext db, int agencyId, int year, string series, CancellationToken cancellationToken)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-" + series;
        var numbers = await db.Cases.Where(c => c.AgencyId == agencyId && c.Number.StartsWith(prefix)).Select(c => c.Number)
            .Concat(db.OnlineApplications.Where(a => a.AgencyId == agencyId && a.Number.StartsWith(prefix)).Select(a => a.Number))
            .ToListAsync(cancellationToken);
        return numbers.Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).DefaultIfEmpty(0).Max();
    }
}
