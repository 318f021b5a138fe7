using Gongkai.Application.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using NotFoundError = Gongkai.Domain.Results.NotFound;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>
/// 告知书模板: the administrator edits the agency's notice templates (placeholders such as {申请人}); each form posts the
/// version it showed, so a save over someone else's newer edit is refused (<see cref="SaveNoticeTemplate"/>).
/// </summary>
public sealed class NoticesModel(CurrentAgency agency, ListNoticeTemplates list, SaveNoticeTemplate save) : PageModel
{
    /// <summary>Each kind with its title, body and version (0: the default, never saved).</summary>
    public IReadOnlyList<NoticeTemplateShown> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        Templates = (await list.ExecuteAsync(current.Id, cancellationToken)).Value!;
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
