using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Cases;

/// <summary>
/// Online applications (互联网渠道, Art. 29): numbers, query codes (shown once, stored only as a hash) and the
/// identity proof upload check (≤ 5 MB; JPEG, PNG or PDF by content signature, not by name).
/// </summary>
public static class OnlineApplications
{
    public const long MaxProofBytes = 5 * 1024 * 1024;

    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A new query code: 12 characters from an alphabet without look-alikes (60 bits).</summary>
    public static string NewQueryCode() => RandomNumberGenerator.GetString(CodeAlphabet, 12);

    /// <summary>SHA-256 of the code (upper-cased, spaces and dashes removed) as lowercase hex.</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    public static bool Matches(string? code, string? hash) =>
        code is not null && hash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code)), Encoding.ASCII.GetBytes(hash));

    private static string Normalize(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>The content type the bytes really are (JPEG, PNG, PDF), or null.</summary>
    public static string? ProofType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith("%PDF-"u8) ? "application/pdf"
        : null;

    /// <summary>The next number of the year for online applications: <c>2026-W00001</c> (the case keeps it).</summary>
    public static async Task<string> NextNumberAsync(GongkaiDbContext db, int agencyId, int year, CancellationToken cancellationToken)
    {
        var prefix = year.ToString(CultureInfo.InvariantCulture) + "-W";
        var numbers = await db.OnlineApplications.Where(a => a.AgencyId == agencyId && a.Number.StartsWith(prefix)).Select(a => a.Number).ToListAsync(cancellationToken);
        var last = numbers.Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).DefaultIfEmpty(0).Max();
        return prefix + (last + 1).ToString("D5", CultureInfo.InvariantCulture);
    }

    /// <summary>The Art. 29 fields of a pending application as the case keeps them.</summary>
    public static string Contact(OnlineApplicationRecord a) => string.Join("；", new[] { ("电话", a.Phone), ("地址", a.Address), ("电子邮箱", a.Email) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}：{p.Item2}"));
}
