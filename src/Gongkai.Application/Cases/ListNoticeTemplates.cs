using Gongkai.Data;
using Gongkai.Data.Notices;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>A notice template as its form shows it: the kind, its title and body, and the version (0: the default, never saved).</summary>
public sealed record NoticeTemplateShown(NoticeKind Kind, string Title, string Body, int Version);

/// <summary>
/// 告知书模板: every kind of notice with the agency's own template where one is saved, else the default text, in the
/// order of <see cref="NoticeTemplates.All"/>; the version shown is the one a save must carry (<see cref="SaveNoticeTemplate"/>).
/// </summary>
public sealed class ListNoticeTemplates(GongkaiDbContext db)
{
    public async Task<Result<IReadOnlyList<NoticeTemplateShown>>> ExecuteAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var own = await db.NoticeTemplates.AsNoTracking().Where(t => t.AgencyId == agencyId).ToListAsync(cancellationToken);
        IReadOnlyList<NoticeTemplateShown> shown = [.. NoticeTemplates.All.Select(kind => own.FirstOrDefault(t => t.Kind == kind.Key) is { } t
            ? new NoticeTemplateShown(kind, t.Title, t.Body, t.Version)
            : new NoticeTemplateShown(kind, kind.Title, kind.DefaultBody, 0))];
        return Result.Ok(shown);
    }
}
