using Gongkai.Data;
using Gongkai.Data.Notices;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>告知书模板: the administrator edits the agency's notice templates (placeholders such as {申请人}).</summary>
public sealed class NoticesModel(GongkaiDbContext db, CurrentAgency agency, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(NoticeKind Kind, string Title, string Body)> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var list = new List<(NoticeKind, string, string)>();
        foreach (var kind in NoticeTemplates.All)
        {
            var (title, body) = await NoticeTemplates.LoadAsync(db, current.Id, kind, cancellationToken);
            list.Add((kind, title, body));
        }

        Templates = list;
    }

    public async Task<IActionResult> OnPostAsync(string? kind, string? title, string? body, CancellationToken cancellationToken)
    {
        var noticeKind = kind is null ? null : NoticeTemplates.Find(kind);
        if (noticeKind is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body) || title.Length > 200 || body.Length > 20000)
        {
            TempData["Error"] = "标题和正文：必填（标题不超过200字，正文不超过20000字）";
            return Redirect("/staff/admin/notices");
        }

        var current = await agency.GetAsync(cancellationToken);
        await NoticeTemplates.SaveAsync(db, current.Id, noticeKind, title.Trim(), body.Replace("\r\n", "\n", StringComparison.Ordinal), clock.GetUtcNow(), cancellationToken);
        TempData["Message"] = $"已保存模板：{title.Trim()}。";
        return Redirect("/staff/admin/notices#" + noticeKind.Key);
    }
}
