using Gongkai.Data.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Register;

/// <summary>Entry <paramref name="Id"/> of the agency's register of 规章 and 规范性文件.</summary>
public sealed record ShowRegisterEntryRequest(int AgencyId, long Id);

/// <summary>One entry of the register (Art. 20 (一)) for its page; one of another agency is <see cref="NotFound"/>.</summary>
public sealed class ShowRegisterEntry(NormativeDocumentStore store)
{
    public async Task<Result<RegisterEntry>> ExecuteAsync(ShowRegisterEntryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await store.FindAsync(request.AgencyId, request.Id, cancellationToken) is { } entry ? Result.Ok(entry) : new NotFound("未找到该登记记录");
    }
}
