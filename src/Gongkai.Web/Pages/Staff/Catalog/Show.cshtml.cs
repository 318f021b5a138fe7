using Gongkai.Application.Catalog;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.Web.Catalog;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Staff.Catalog;

/// <summary>
/// A catalogue item in the back office: its Art. 12 fields, attachments, the review chain and where it stands, the
/// Art. 26 due date, its history (who did what, when, why), and the one next step each person may take: the drafter
/// edits and submits; whoever holds the pending step's 审核岗位 approves or returns it with a reason; the office
/// publishes, withdraws and marks validity. A step the rules do not allow shows the reason and changes nothing.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = CatalogUploads.MaxRequestBytes)]
[RequestSizeLimit(CatalogUploads.MaxRequestBytes)]
public sealed class ShowModel(CatalogWorkspace workspace, CurrentAgency agency, UserManager<StaffUser> users, IOutputCacheStore cache) : PageModel
{
    public long Id { get; private set; }

    public CatalogItem Item { get; private set; } = null!;

    public string CategoryName { get; private set; } = string.Empty;

    public IReadOnlyList<CatalogEvent> History { get; private set; } = [];

    public IReadOnlyList<CatalogAttachmentInfo> Files { get; private set; } = [];

    public IReadOnlySet<string> Duties { get; private set; } = new HashSet<string>();

    public DateOnly Today { get; private set; }

    /// <summary>The item's version as loaded; every form posts it back (<see cref="PostedVersion"/>).</summary>
    public int Version { get; private set; }

    /// <summary>The version the person saw when they chose the step: a step on an item changed since is not taken.</summary>
    [BindProperty(Name = "Version")]
    public int? PostedVersion { get; set; }

    public DateOnly DueOn { get; private set; }

    public bool Overdue { get; private set; }

    /// <summary>Who drafted the item (its 拟稿 entry), if recorded.</summary>
    public string? Drafter => History.FirstOrDefault(e => e.Kind == CatalogEventKind.Drafted)?.Actor;

    /// <summary>May edit, attach to and submit this draft (a 承办科室 only its own).</summary>
    public bool CanDraft => CatalogWorkspace.CanWorkOn(User, Drafter);

    public bool CanPublish => CatalogWorkspace.CanPublish(User);

    /// <summary>Whether the signed-in user holds the 审核岗位 of the step awaiting a decision.</summary>
    public bool CanDecide => Item.PendingStep is { } step && Duties.Contains(step.Role) && CatalogWorkspace.MayReview(User);

    public long MaxAttachmentBytes => workspace.Options.MaxAttachmentBytes;

    [BindProperty]
    public string? Reason { get; set; }


    [BindProperty]
    public Validity? NewValidity { get; set; }

    [BindProperty]
    public List<IFormFile> Upload { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>送审 into the agency's review chain (Art. 17: nothing is published unreviewed).</summary>
    public Task<IActionResult> OnPostSubmitAsync(long id, [FromServices] SubmitCatalogItem submit, CancellationToken ct) =>
        StepAsync(id, () => CanDraft, step => submit.ExecuteAsync(step, ct), "已送审", ct);

    /// <summary>同意 at the pending step, by a holder of its 审核岗位.</summary>
    public Task<IActionResult> OnPostApproveAsync(long id, [FromServices] ApproveCatalogItem approve, CancellationToken ct) =>
        StepAsync(id, () => CanDecide, step => approve.ExecuteAsync(new(step, Item.PendingStep?.Role, Reason, users.GetUserId(User)), ct), "已同意", ct);

    /// <summary>退回 with a reason: the item goes back to draft.</summary>
    public Task<IActionResult> OnPostRefuseAsync(long id, [FromServices] RefuseCatalogItem refuse, CancellationToken ct) =>
        StepAsync(id, () => CanDecide, step => refuse.ExecuteAsync(new(step, Item.PendingStep?.Role, Reason, users.GetUserId(User)), ct), "已退回拟稿人", ct);

    /// <summary>发布 (办公室发布) today: the date is the day it reaches the portal, so Art. 26 lateness cannot be back-dated away.</summary>
    public Task<IActionResult> OnPostPublishAsync(long id, [FromServices] PublishCatalogItem publish, CancellationToken ct) =>
        StepAsync(id, () => CanPublish, step => publish.ExecuteAsync(new(step, Today), ct), "已发布，公众可以在门户的目录中查到", ct);

    /// <summary>撤回 from the portal, with a reason.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(long id, [FromServices] WithdrawCatalogItem withdraw, CancellationToken ct) =>
        StepAsync(id, () => CanPublish, step => withdraw.ExecuteAsync(new(step, Reason ?? string.Empty), ct), "已撤回", ct);

    /// <summary>有效性 变更: 失效 or 废止; the item stays in the catalogue, marked so.</summary>
    public Task<IActionResult> OnPostValidityAsync(long id, [FromServices] SetCatalogItemValidity setValidity, CancellationToken ct) =>
        NewValidity is not { } validity
            ? Task.FromResult(Back(id, error: "有效性：请选择"))
            : StepAsync(id, () => CanPublish, step => setValidity.ExecuteAsync(new(step, validity), ct), "已更新有效性", ct);

    /// <summary>Attaches files to the draft; every file is checked first, and none is saved if one is unusable.</summary>
    public async Task<IActionResult> OnPostUploadAsync(long id, [FromServices] AttachToCatalogItem attach, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanDraft)
        {
            return Forbid();
        }

        if (Unversioned() is { } unversioned)
        {
            return unversioned;
        }

        var problems = new List<string>();
        var files = await CatalogUploads.ReadAsync(Upload, MaxAttachmentBytes, problems, cancellationToken);
        if (files.Count == 0 && problems.Count == 0)
        {
            problems.Add("附件：请选择文件");
        }

        if (problems.Count > 0)
        {
            return Back(id, error: "附件未上传：" + string.Join("；", problems));
        }

        var result = await attach.ExecuteAsync(new(await StepRequestAsync(cancellationToken), files, MaxAttachmentBytes), cancellationToken);
        return result.Error is { } error
            ? Back(id, error: "附件未上传：" + error.Message)
            : Back(id, message: $"已上传附件{string.Join("、", files.Select(f => $"“{f.Name}”"))}");
    }

    /// <summary>Removes an attachment from the draft.</summary>
    public Task<IActionResult> OnPostRemoveFileAsync(long id, long fileId, [FromServices] RemoveCatalogAttachment remove, CancellationToken ct) =>
        StepAsync(id, () => CanDraft, step => remove.ExecuteAsync(new(step, fileId), ct), "已删除附件", ct);

    /// <summary>The Art. 26 state in words, for the list and this page.</summary>
    public static string DueText(CatalogItem item, DateOnly due, bool overdue) => item.Status switch
    {
        CatalogItemStatus.Published => item.PublishedOn > due ? "超过第二十六条规定的期限发布" : "按期发布",
        CatalogItemStatus.Withdrawn => "已撤回",
        CatalogItemStatus.Draft or CatalogItemStatus.InReview or CatalogItemStatus.Approved => overdue ? "已逾期未发布（第二十六条）" : "应在此日前发布（第二十六条）",
    };

    private async Task<IActionResult> StepAsync(long id, Func<bool> allowed, Func<CatalogStepRequest, Task<Result<CatalogItemSaved>>> step, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Whether the person may take the step depends on where the item stands. When it has moved on since the page
        // they acted on (another reviewer decided, say), the store refuses the stale version and says who did what,
        // rather than a bare 403 judged on a step they never saw; it writes nothing on a stale version.
        var stale = PostedVersion is { } seen && seen != Version;
        if (!allowed() && !stale)
        {
            return Forbid();
        }

        if (Unversioned() is { } unversioned)
        {
            return unversioned;
        }

        var result = await step(await StepRequestAsync(cancellationToken));
        if (result.Error is { } error)
        {
            return Back(id, error: error.Message);
        }

        var saved = result.Value!;

        if (saved.Item.Status is CatalogItemStatus.Published or CatalogItemStatus.Withdrawn)
        {
            // The portal's cached pages list the newest items.
            await cache.EvictByTagAsync(PortalCache.Tag, cancellationToken);
        }

        return Back(id, message: saved.Item.Status == CatalogItemStatus.InReview && saved.Item.PendingStep is { } next && done != "已退回拟稿人"
            ? $"{done}；下一步：{next.Name}（{next.Role}）"
            : done);
    }

    /// <summary>
    /// A step is taken only on the version the person saw (the store's UPDATE checks it and says what changed since): a
    /// form posted without it is refused, never applied to whatever the item has become.
    /// </summary>
    private IActionResult? Unversioned() => PostedVersion is null
        ? Back(Id, error: "本次操作未执行：表单缺少所看到的版本（Version），请刷新页面后重试")
        : null;

    /// <summary>The step as this person asks it: on this item of their agency, on the version they saw.</summary>
    private async Task<CatalogStepRequest> StepRequestAsync(CancellationToken cancellationToken) =>
        new((await agency.GetAsync(cancellationToken)).Id, Item.IndexNumber, User.Identity!.Name!, PostedVersion);

    private IActionResult Back(long id, string? message = null, string? error = null)
    {
        if (message is not null)
        {
            TempData["Message"] = message;
        }

        if (error is not null)
        {
            TempData["Error"] = error;
        }

        return Redirect($"/staff/catalog/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var store = await workspace.StoreAsync(cancellationToken);
        if (await store.FindByIdAsync(current.Id, id, cancellationToken) is not { } found)
        {
            return false;
        }

        Id = id;
        (Item, CategoryName, Version) = found;
        History = await store.HistoryAsync(current.Id, Item.IndexNumber, cancellationToken);
        Files = await store.AttachmentsAsync(id, cancellationToken);
        Duties = await workspace.DutiesAsync(User, current.Id, cancellationToken);
        Today = workspace.Today();
        var calendar = await workspace.CalendarAsync(cancellationToken);
        DueOn = Item.DueOn(calendar);
        Overdue = Item.IsOverdue(Today, calendar);
        return true;
    }
}
