using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Data.Notices;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using NotFoundError = Gongkai.Domain.Results.NotFound;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>
/// 告知书模板: the administrator edits the agency's notice templates (placeholders such as {申请人}); each form posts the
/// version it showed, so a save over someone else's newer edit is refused (<see cref="SaveNoticeTemplate"/>).
/// </summary>
public sealed class NoticesModel(GongkaiDbContext db, CurrentAgency agency, SaveNoticeTemplate save) : PageModel
{
    /// <summary>Each kind with its title, body and version (0: the default, never saved).</summary>
    public IReadOnlyList<(NoticeKind Kind, string Title, string Body, int Version)> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var own = await db.NoticeTemplates.AsNoTracking().Where(t => t.AgencyId == current.Id).ToListAsync(cancellationToken);
        Templates = [.. NoticeTemplates.All.Select(kind => own.FirstOrDefault(t => t.Kind == kind.Key) is { } t
            ? (kind, t.Title, t.Body, t.Version)
            : (kind, kind.Title, kind.DefaultBody, 0))];
    }

    public async Task<IActionResult> OnPostAsync(string? kind, string? title, string? body, int? version, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var result = await save.ExecuteAsync(new SaveNoticeTemplateRequest(current.Id, kind, title, body, version), cancellationToken);
        switch (result.Error)
        {
            case NotFoundError:
                return NotFound();
            case { } error:
                TempData["Error"] = error.Message;
                return Redirect("/staff/admin/notices" + (kind is null ? string.Empty : "#" + kind));
            default:
                TempData["Message"] = $"已保存模板：{title!.Trim()}。";
                return Redirect("/staff/admin/notices#" + result.Value!.Key);
        }
    }
}
