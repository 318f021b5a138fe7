using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

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
            LegalRepresentative = a.LegalRepresentative,
            ContactPerson = a.ContactPerson,
            InfoName = a.InfoName,
            DocumentNumber = a.DocumentNumber,
            Description = a.Description,
            Form = a.Form,
            Delivery = a.Delivery,
            ProofContentType = a.ProofContentType,
            Proof = a.ProofContentType == null ? null : Array.Empty<byte>(),
            CaseId = a.CaseId,
        });
}
