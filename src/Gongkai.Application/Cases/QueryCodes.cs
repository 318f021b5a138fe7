using System.Security.Cryptography;
using System.Text;
using Gongkai.Data;
using Gongkai.Data.Cases;

namespace Gongkai.Application.Cases;

/// <summary>
/// Query codes (查询码) of online applications and the idempotency keys they come from. The code is derived from the
/// form's random key with HMAC-SHA256 under a secret of the installation (<see cref="ServerSecrets"/>, in the database,
/// so every instance derives the same code): a resubmission of the same form can show the same code again, while only
/// its SHA-256 is stored. A DI singleton: the secret is read once per process.
/// </summary>
public sealed class QueryCodes(TimeProvider clock)
{
    /// <summary>Letters and digits without look-alikes (no I, O, 0, 1): 32 symbols, 5 bits each.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public const int CodeLength = 12;

    private const string SecretName = "query-code";

    private byte[]? _secret;

    /// <summary>A new idempotency key for a form: 128 random bits, URL-safe (22 characters).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A key the form may carry: 16 to 64 characters of letters, digits, <c>-</c> and <c>_</c>.</summary>
    public static bool IsWellFormedKey(string? key) =>
        key is { Length: >= 16 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The query code of an agency's application made with that key: 12 characters (60 bits).</summary>
    public async Task<string> ForKeyAsync(GongkaiDbContext db, int agencyId, string key, CancellationToken cancellationToken = default)
    {
        _secret ??= await ServerSecrets.GetAsync(db, SecretName, clock, cancellationToken);
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + key));
        var code = new char[CodeLength];
        ulong bits = BitConverter.ToUInt64(mac, 0);
        for (var i = 0; i < CodeLength; i++)
        {
            code[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new string(code);
    }

    /// <summary>SHA-256 of the code (upper-cased, spaces and dashes removed) as lowercase hex: what is stored.</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    /// <summary>True when the code typed is the one whose hash is stored (compared in constant time).</summary>
    public static bool Matches(string? code, string? hash) =>
        code is not null && hash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code)), Encoding.ASCII.GetBytes(hash));

    private static string Normalize(string code) =>
        code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
}
