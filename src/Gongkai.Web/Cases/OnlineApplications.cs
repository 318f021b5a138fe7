using Gongkai.Application.Cases;

namespace Gongkai.Web.Cases;

/// <summary>
/// Online applications (互联网渠道, Art. 29) on the web: the identity proof upload check (≤ 5 MB; JPEG, PNG or PDF by
/// content signature, not by name) and the query code check of the status page (<see cref="QueryCodes"/>).
/// </summary>
public static class OnlineApplications
{
    public const long MaxProofBytes = 5 * 1024 * 1024;

    /// <summary>True when the code typed is the application's (only its hash is stored).</summary>
    public static bool Matches(string? code, string? hash) => QueryCodes.Matches(code, hash);

    /// <summary>The content type the bytes really are (JPEG, PNG, PDF), or null.</summary>
    public static string? ProofType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith("%PDF-"u8) ? "application/pdf"
        : null;
}
