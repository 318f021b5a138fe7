using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Cases;

/// <summary>
/// Online applications as the staff pages read them: every column but the identity proof's bytes (up to 5 MB each),
/// which are read only when someone asks to see the proof. <see cref="OnlineApplicationRecord.Proof"/> is an empty
/// array when there is one, null when there is none.
/// </summary>
public static class OnlineApplicationQueries
{
    /// <summary>The applications without their proof's bytes.</summary>
    public static IQueryable<OnlineApplicationRecord> WithoutProof(this IQueryable<OnlineApplicationRecord> query) =>
        query.AsNoTracking().Select(a => new OnlineApplicationRecord
        {
            Id = a.Id,
            AgencyId = a.AgencyId,
            Number = a.Number,
            QueryCodeHash = string.Empty,
            ArrivedOn = a.ArrivedOn,
            SubmittedAt = a.SubmittedAt,
            ApplicantType = a.ApplicantType,
            ApplicantName = a.ApplicantName,
            IdType = a.IdType,
            IdNumber = a.IdNumber,
            Phone = a.Phone,
            Address = a.Address,
            Email = a.Email,
            InfoName = a.InfoName,
            DocumentNumber = a.DocumentNumber,
            Description = a.Description,
            Form = a.Form,
            Delivery = a.Delivery,
            ProofContentType = a.ProofContentType,
            Proof = a.ProofContentType == null ? null : Array.Empty<byte>(),
            CaseId = a.CaseId,
        });

    /// <summary>The Art. 29 contact fields of an application as the case keeps them.</summary>
    public static string Contact(OnlineApplicationRecord a) => Gongkai.Application.Cases.ConfirmOnlineApplication.Contact(a);

    /// <summary>Reads the proof of one application of the agency (its bytes and type), or null.</summary>
    public static async Task<(byte[] Bytes, string Type)?> ProofAsync(GongkaiDbContext db, int agencyId, long id, CancellationToken cancellationToken)
    {
        var proof = await db.OnlineApplications.AsNoTracking().Where(a => a.Id == id && a.AgencyId == agencyId)
            .Select(a => new { a.Proof, a.ProofContentType }).SingleOrDefaultAsync(cancellationToken);
        return proof is { Proof: { } bytes, ProofContentType: { } type } ? (bytes, type) : null;
    }
}
