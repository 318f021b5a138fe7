using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Register;

/// <summary>The use cases of the register of 规章 and 规范性文件 (Art. 20 (一)).</summary>
public static class RegisterServices
{
    public static IServiceCollection AddRegisterUseCases(this IServiceCollection services) => services
        .AddScoped(sp => new NormativeDocumentStore(sp.GetRequiredService<GongkaiDbContext>()))
        .AddScoped<RegisterNormativeDocument>()
        .AddScoped<UpdateNormativeDocument>()
        .AddScoped<RepealNormativeDocument>()
        .AddScoped<RemoveNormativeDocument>()
        .AddScoped<ShowRegisterEntry>()
        .AddScoped<ListRegister>();
}

/// <summary>登记 a document of the agency, optionally linked to the catalogue item (索引号) that published it (Art. 20 (一)).</summary>
public sealed record RegisterDocumentRequest(int AgencyId, NormativeDocument Document, string? CatalogIndexNumber = null);

/// <summary>更正 entry <paramref name="Id"/> of the agency's register: the document as it should now read.</summary>
public sealed record UpdateDocumentRequest(int AgencyId, long Id, NormativeDocument Document);

/// <summary>废止 entry <paramref name="Id"/> on <paramref name="On"/> (counted in the year's 本年废止件数, Art. 20 (一)).</summary>
public sealed record RepealDocumentRequest(int AgencyId, long Id, DateOnly On);

/// <summary>删除 entry <paramref name="Id"/> registered by mistake (it would otherwise be counted in section 二).</summary>
public sealed record RemoveDocumentRequest(int AgencyId, long Id);

/// <summary>Registers a document; the value is the document as registered.</summary>
public sealed class RegisterNormativeDocument(NormativeDocumentStore store)
{
    public async Task<Result<NormativeDocument>> ExecuteAsync(RegisterDocumentRequest request, CancellationToken cancellationToken = default) =>
        await store.AddAsync(request.AgencyId, request.Document, request.CatalogIndexNumber, cancellationToken) is { } error
            ? Result<NormativeDocument>.Fail(error)
            : Result.Ok(request.Document);
}

/// <summary>Corrects an entry (kind, title, 文号, the three dates, checked as a new entry is); the value is the entry as stored.</summary>
public sealed class UpdateNormativeDocument(NormativeDocumentStore store)
{
    public async Task<Result<RegisterEntry>> ExecuteAsync(UpdateDocumentRequest request, CancellationToken cancellationToken = default) =>
        await store.UpdateAsync(request.AgencyId, request.Id, request.Document, cancellationToken) is { } error
            ? Result<RegisterEntry>.Fail(error)
            : Result.Ok((await store.FindAsync(request.AgencyId, request.Id, cancellationToken))!);
}

/// <summary>Records a repeal (not before the document was issued, not twice); the value is the entry as stored.</summary>
public sealed class RepealNormativeDocument(NormativeDocumentStore store)
{
    public async Task<Result<RegisterEntry>> ExecuteAsync(RepealDocumentRequest request, CancellationToken cancellationToken = default) =>
        await store.RepealAsync(request.AgencyId, request.Id, request.On, cancellationToken) is { } error
            ? Result<RegisterEntry>.Fail(error)
            : Result.Ok((await store.FindAsync(request.AgencyId, request.Id, cancellationToken))!);
}

/// <summary>Deletes an entry registered by mistake; the value is the entry as it was.</summary>
public sealed class RemoveNormativeDocument(NormativeDocumentStore store)
{
    public async Task<Result<RegisterEntry>> ExecuteAsync(RemoveDocumentRequest request, CancellationToken cancellationToken = default)
    {
        var entry = await store.FindAsync(request.AgencyId, request.Id, cancellationToken);
        return await store.RemoveAsync(request.AgencyId, request.Id, cancellationToken) is { } error
            ? Result<RegisterEntry>.Fail(error)
            : Result.Ok(entry!);
    }
}
