using Gongkai.Data;
using Gongkai.Data.Notices;
using Gongkai.Data.Records;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Cases;

/// <summary>An edit of an agency's notice template, with the version its author saw (0: the default, never saved).</summary>
public sealed record SaveNoticeTemplateRequest(int AgencyId, string? Kind, string? Title, string? Body, int? SeenVersion);

/// <summary>
/// 告知书模板: the administrator saves the agency's template of a kind. Two administrators editing the same template
/// cannot overwrite each other unawares: the save carries the version seen and the database checks it
/// (<c>UPDATE … WHERE version = …</c>); a stale save is refused with a <see cref="Conflict"/> saying when it changed.
/// </summary>
public sealed class SaveNoticeTemplate(GongkaiDbContext db, TimeProvider clock)
{
    public const int MaxTitle = 200;
    public const int MaxBody = 20000;

    public async Task<Result<NoticeKind>> ExecuteAsync(SaveNoticeTemplateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Kind is null ? null : NoticeTemplates.Find(request.Kind);
        if (kind is null)
        {
            return new NotFound("未找到该告知书模板");
        }

        if (string.IsNullOrWhiteSpace(request.Title) || string.IsNullOrWhiteSpace(request.Body) || request.Title.Length > MaxTitle || request.Body.Length > MaxBody)
        {
            return new Refused($"标题和正文：必填（标题不超过{MaxTitle}字，正文不超过{MaxBody}字）");
        }

        var title = request.Title.Trim();
        var body = request.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var seen = request.SeenVersion ?? -1;
        var own = await db.NoticeTemplates.SingleOrDefaultAsync(t => t.AgencyId == request.AgencyId && t.Kind == kind.Key, cancellationToken);
        var now = clock.GetUtcNow();
        if (own is null)
        {
            if (seen > 0)
            {
                return new Conflict("该模板已被他人恢复为默认内容，请刷新后重试");
            }

            db.NoticeTemplates.Add(new NoticeTemplateRecord { AgencyId = request.AgencyId, Kind = kind.Key, Title = title, Body = body, UpdatedAt = now, Version = 1 });
        }
        else
        {
            if (seen >= 0 && own.Version != seen)
            {
                return new Conflict($"模板“{own.Title}”已被他人于{ChinaTime.Minute(own.UpdatedAt)}修改，请刷新后重试");
            }

            db.Entry(own).Property(t => t.Version).OriginalValue = seen >= 0 ? seen : own.Version;
            own.Title = title;
            own.Body = body;
            own.UpdatedAt = now;
            own.Version = (seen >= 0 ? seen : own.Version) + 1;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved by someone else between the read and the write (the version check or the unique agency/kind index).
            db.ChangeTracker.Clear();
            var changed = await db.NoticeTemplates.AsNoTracking().Where(t => t.AgencyId == request.AgencyId && t.Kind == kind.Key)
                .Select(t => (DateTimeOffset?)t.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
            return new Conflict($"该模板已被他人于{(changed is { } at ? ChinaTime.Minute(at) : "刚才")}修改，请刷新后重试");
        }

        return Result.Ok(kind);
    }
}
