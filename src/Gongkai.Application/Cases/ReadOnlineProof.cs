using Gongkai.Data;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>An identity proof (its bytes and content type) as uploaded with an online application.</summary>
public sealed record OnlineProof(byte[] Bytes, string Type);

/// <summary>
/// The identity proof of online application <c>ApplicationId</c> of the agency (Art. 29: the applicant's identity
/// document). Who may see it is the caller's decision (公开办 and administrators); an application of another agency,
/// or one without a proof, is <see cref="NotFound"/>.
/// </summary>
public sealed class ReadOnlineProof(GongkaiDbContext db)
{
    public async Task<Result<OnlineProof>> ExecuteAsync(ShowOnlineApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var proof = await db.OnlineApplications.AsNoTracking().Where(a => a.Id == request.ApplicationId && a.AgencyId == request.AgencyId)
            .Select(a => new { a.Proof, a.ProofContentType }).SingleOrDefaultAsync(cancellationToken);
        return proof is { Proof: { } bytes, ProofContentType: { } type }
            ? Result.Ok(new OnlineProof(bytes, type))
            : new NotFound("该在线申请没有身份证明");
    }
}
