using Gongkai.Domain.Calendar;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Disclosure;

/// <summary>Where a catalogue item stands on its way to the public.</summary>
public enum CatalogItemStatus
{
    /// <summary>草稿: being written, or returned by a reviewer with a reason.</summary>
    Draft,

    /// <summary>审核中: at step <see cref="CatalogItem.CurrentStep"/> of its review chain.</summary>
    InReview,

    /// <summary>已审核: every step approved; the office may publish it.</summary>
    Approved,

    /// <summary>已发布: in the public catalogue (Art. 12) and on the portal.</summary>
    Published,

    /// <summary>已撤回: taken off the portal after publication (the record and its history are kept).</summary>
    Withdrawn,
}

/// <summary>有效性 of a published item: documents lose force (失效) or are repealed (废止) but stay in the catalogue.</summary>
public enum Validity
{
    /// <summary>有效.</summary>
    Valid,

    /// <summary>失效.</summary>
    Expired,

    /// <summary>废止.</summary>
    Repealed,
}

/// <summary>What happened to an item, for its history.</summary>
public enum CatalogEventKind
{
    /// <summary>送审: submitted to the first review step.</summary>
    Submitted,

    /// <summary>同意: a review step approved.</summary>
    Approved,

    /// <summary>退回: a review step refused; the item goes back to draft with the reason.</summary>
    Refused,

    /// <summary>发布.</summary>
    Published,

    /// <summary>撤回.</summary>
    Withdrawn,

    /// <summary>有效性变更.</summary>
    ValidityChanged,

    /// <summary>修改: a draft's content or attachments changed (the reason says what).</summary>
    Edited,

    /// <summary>拟稿: the item was drafted (who drafted it: a 承办科室 works on its own drafts).</summary>
    Drafted,
}

/// <summary>
/// One entry of an item's history: who did what, when, at which review step, and why (a refusal's reason).
/// Every review decision is recorded so the office can show who approved publication.
/// </summary>
public sealed record CatalogEvent(CatalogEventKind Kind, string Actor, DateTimeOffset At, int? Step = null, string? StepName = null, string? Role = null, string? Reason = null);

/// <summary>An attachment (附件) of a catalogue item: its file name and where it is kept.</summary>
public sealed record CatalogAttachment(string Name, string Location);

/// <summary>The result of a step on a catalogue item: the changed item, or a refusal with a Chinese reason.</summary>
public abstract record CatalogStepResult;

/// <summary>The step was applied.</summary>
public sealed record CatalogStepAccepted(CatalogItem Item, CatalogEvent? Event) : CatalogStepResult;

/// <summary>
/// The step is not allowed now; <paramref name="Reason"/> says why. <paramref name="Field"/>: the field it is about, as
/// the form labels it (名称, 内容概述, 发布机构, 发布渠道, 发布日期, 理由), when it is about one; the reason names it too.
/// </summary>
public sealed record CatalogStepRefused(string Reason, string? Field = null) : CatalogStepResult;

/// <summary>
/// An item of the 政府信息公开目录 (Art. 12: 索引, 名称, 内容概述, 生成日期; plus 发布日期, 文号, 发布机构, 主题分类,
/// 有效性 as catalogues show them, docs/legal.md §4) and its way to publication: draft → review step by step → approved →
/// published; a refusal returns it to draft with the reason; a published item can be withdrawn or lose force.
/// Immutable: every step returns a new item.
/// </summary>
public sealed record CatalogItem
{
    /// <summary>Art. 26: proactive information is published within 20 working days of being formed or changed.</summary>
    public const int PublicationDeadlineWorkingDays = 20;

    /// <summary>索引号, unique within the agency (see <see cref="IndexNumberPattern"/>).</summary>
    public required string IndexNumber { get; init; }

    /// <summary>名称 (Art. 12).</summary>
    public required string Title { get; init; }

    /// <summary>内容概述 (Art. 12).</summary>
    public required string Summary { get; init; }

    /// <summary>生成日期 (Art. 12): the day the information was formed or changed; Art. 26's clock starts here.</summary>
    public required DateOnly GeneratedOn { get; init; }

    /// <summary>文号, if the information is a document.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>发布机构.</summary>
    public required string Publisher { get; init; }

    /// <summary>主题分类: the code of one of the agency's <see cref="CatalogCategory"/>.</summary>
    public required string CategoryCode { get; init; }

    /// <summary>The channels it is (to be) published through (Arts. 23–25).</summary>
    public IReadOnlyList<PublicationChannel> Channels { get; init; } = [PublicationChannel.GovernmentWebsite];

    /// <summary>附件.</summary>
    public IReadOnlyList<CatalogAttachment> Attachments { get; init; } = [];

    /// <summary>有效性.</summary>
    public Validity Validity { get; init; } = Validity.Valid;

    public CatalogItemStatus Status { get; init; } = CatalogItemStatus.Draft;

    /// <summary>The chain the item was submitted to, kept with it so a later change of the agency's chain does not move it.</summary>
    public ReviewChain? Chain { get; init; }

    /// <summary>While in review: the 0-based step awaiting a decision.</summary>
    public int? CurrentStep { get; init; }

    /// <summary>The reason of the last refusal, while the item is back in draft.</summary>
    public string? ReturnedReason { get; init; }

    /// <summary>发布日期.</summary>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>Why it was withdrawn.</summary>
    public string? WithdrawnReason { get; init; }

    /// <summary>The step awaiting a decision, while in review.</summary>
    public ReviewStep? PendingStep => Status == CatalogItemStatus.InReview && Chain is { } c && CurrentStep is { } k ? c.Steps[k] : null;

    /// <summary>Whether the public can see it: published (whatever its 有效性) and not withdrawn.</summary>
    public bool IsPublic => Status == CatalogItemStatus.Published;

    /// <summary>A new draft, or the reason the Art. 12 fields are not usable.</summary>
    public static CatalogStepResult Draft(string indexNumber, string title, string summary, DateOnly generatedOn, string publisher, string categoryCode,
        IReadOnlyList<PublicationChannel>? channels = null, string? documentNumber = null, IReadOnlyList<CatalogAttachment>? attachments = null)
    {
        if (Problem(title, summary, publisher) is { } problem)
        {
            return problem;
        }

        return new CatalogStepAccepted(new CatalogItem
        {
            IndexNumber = indexNumber,
            Title = title.Trim(),
            Summary = summary.Trim(),
            GeneratedOn = generatedOn,
            Publisher = publisher.Trim(),
            CategoryCode = categoryCode,
            Channels = channels is { Count: > 0 } ? channels.Distinct().ToList() : [PublicationChannel.GovernmentWebsite],
            DocumentNumber = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim(),
            Attachments = attachments ?? [],
        }, null);
    }

    /// <summary>
    /// Changes the content of a draft (only a draft can be edited: what was reviewed is what is published), recorded
    /// as 修改 by <paramref name="actor"/> with <paramref name="what"/> (default: the fields that changed).
    /// </summary>
    public CatalogStepResult Edit(string title, string summary, DateOnly generatedOn, string publisher, string categoryCode,
        IReadOnlyList<PublicationChannel> channels, string? documentNumber, IReadOnlyList<CatalogAttachment> attachments,
        string actor, DateTimeOffset at, string? what = null)
    {
        if (Status != CatalogItemStatus.Draft)
        {
            return new CatalogStepRefused($"{StatusLabel(Status)}的信息不能修改；审核中的信息须先退回");
        }

        if (Problem(title, summary, publisher) is { } problem)
        {
            return problem;
        }

        if (channels.Count == 0)
        {
            return new CatalogStepRefused("请至少选择一个发布渠道（第二十三条）", "发布渠道");
        }

        var next = this with
        {
            Title = title.Trim(),
            Summary = summary.Trim(),
            GeneratedOn = generatedOn,
            Publisher = publisher.Trim(),
            CategoryCode = categoryCode,
            Channels = channels.Distinct().ToList(),
            DocumentNumber = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim(),
            Attachments = attachments,
        };
        var changed = what ?? ChangedFields(next);
        if (changed is null)
        {
            return new CatalogStepAccepted(this, null);
        }

        return new CatalogStepAccepted(next, new CatalogEvent(CatalogEventKind.Edited, actor, at, Reason: changed));
    }

    /// <summary>A draft's attachments changed (added or removed one), recorded as 修改 with <paramref name="what"/>.</summary>
    public CatalogStepResult WithAttachments(IReadOnlyList<CatalogAttachment> attachments, string actor, DateTimeOffset at, string what) =>
        Edit(Title, Summary, GeneratedOn, Publisher, CategoryCode, Channels, DocumentNumber, attachments, actor, at, what);

    /// <summary>"修改了名称、生成日期" — the Art. 12 fields that differ between this item and <paramref name="next"/>; null when none.</summary>
    private string? ChangedFields(CatalogItem next)
    {
        var fields = new List<string>();
        if (Title != next.Title)
        {
            fields.Add("名称");
        }

        if (Summary != next.Summary)
        {
            fields.Add("内容概述");
        }

        if (GeneratedOn != next.GeneratedOn)
        {
            // The Art. 26 clock starts on 生成日期: the history says from which day to which.
            fields.Add($"生成日期（{DateText.Iso(GeneratedOn)}→{DateText.Iso(next.GeneratedOn)}）");
        }

        if (Publisher != next.Publisher)
        {
            fields.Add("发布机构");
        }

        if (CategoryCode != next.CategoryCode)
        {
            fields.Add("主题分类");
        }

        if (!Channels.SequenceEqual(next.Channels))
        {
            fields.Add("发布渠道");
        }

        if (DocumentNumber != next.DocumentNumber)
        {
            fields.Add("文号");
        }

        if (!Attachments.SequenceEqual(next.Attachments))
        {
            fields.Add("附件");
        }

        return fields.Count == 0 ? null : "修改了" + string.Join("、", fields);
    }

    /// <summary>送审: a draft enters the first step of <paramref name="chain"/> (Art. 17: nothing is published unreviewed).</summary>
    public CatalogStepResult Submit(ReviewChain chain, string actor, DateTimeOffset at)
    {
        if (Status != CatalogItemStatus.Draft)
        {
            return new CatalogStepRefused($"只有草稿可以送审，该信息{StatusLabel(Status)}");
        }

        if (chain.Steps.Count == 0)
        {
            return new CatalogStepRefused("审核流程没有步骤（第十七条：公开前须经保密审查）");
        }

        var e = new CatalogEvent(CatalogEventKind.Submitted, actor, at, 0, chain.Steps[0].Name, chain.Steps[0].Role);
        return new CatalogStepAccepted(this with { Status = CatalogItemStatus.InReview, Chain = chain, CurrentStep = 0, ReturnedReason = null }, e);
    }

    /// <summary>
    /// A decision at the pending review step by someone holding its role: approval moves the item to the next step
    /// (or to <see cref="CatalogItemStatus.Approved"/> after the last); a refusal returns it to draft with the reason.
    /// </summary>
    public CatalogStepResult Decide(bool approve, string actor, string role, DateTimeOffset at, string? reason = null)
    {
        if (PendingStep is not { } step || CurrentStep is not { } k)
        {
            return new CatalogStepRefused($"该信息{StatusLabel(Status)}，没有待审核的步骤");
        }

        if (!string.Equals(step.Role, role.Trim(), StringComparison.Ordinal))
        {
            return new CatalogStepRefused($"当前步骤“{step.Name}”须由“{step.Role}”审核，而不是“{role}”");
        }

        if (!approve)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return new CatalogStepRefused("退回时须说明理由", "理由");
            }

            var refused = new CatalogEvent(CatalogEventKind.Refused, actor, at, k, step.Name, step.Role, reason.Trim());
            return new CatalogStepAccepted(this with { Status = CatalogItemStatus.Draft, CurrentStep = null, ReturnedReason = reason.Trim() }, refused);
        }

        var approved = new CatalogEvent(CatalogEventKind.Approved, actor, at, k, step.Name, step.Role, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        var last = k == Chain!.Steps.Count - 1;
        return new CatalogStepAccepted(last
            ? this with { Status = CatalogItemStatus.Approved, CurrentStep = null }
            : this with { CurrentStep = k + 1 }, approved);
    }

    /// <summary>发布: an approved item goes into the public catalogue through its channels, on <paramref name="on"/>.</summary>
    public CatalogStepResult Publish(DateOnly on, string actor, DateTimeOffset at)
    {
        if (Status != CatalogItemStatus.Approved)
        {
            return new CatalogStepRefused($"只有审核通过的信息可以发布，该信息{StatusLabel(Status)}");
        }

        if (Channels.Count == 0)
        {
            return new CatalogStepRefused("请至少选择一个发布渠道（第二十三条）", "发布渠道");
        }

        if (on < GeneratedOn)
        {
            return new CatalogStepRefused($"发布日期 {DateText.Iso(on)} 早于生成日期 {DateText.Iso(GeneratedOn)}", "发布日期");
        }

        var e = new CatalogEvent(CatalogEventKind.Published, actor, at, Reason: PublicationChannels.Join(Channels));
        return new CatalogStepAccepted(this with { Status = CatalogItemStatus.Published, PublishedOn = on }, e);
    }

    /// <summary>撤回: a published item is taken off the portal, with a reason; its record and history stay.</summary>
    public CatalogStepResult Withdraw(string reason, string actor, DateTimeOffset at)
    {
        if (Status != CatalogItemStatus.Published)
        {
            return new CatalogStepRefused($"只有已发布的信息可以撤回，该信息{StatusLabel(Status)}");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new CatalogStepRefused("撤回时须说明理由", "理由");
        }

        var e = new CatalogEvent(CatalogEventKind.Withdrawn, actor, at, Reason: reason.Trim());
        return new CatalogStepAccepted(this with { Status = CatalogItemStatus.Withdrawn, WithdrawnReason = reason.Trim() }, e);
    }

    /// <summary>有效性: a published document loses force (失效) or is repealed (废止); it stays in the catalogue, marked so.</summary>
    public CatalogStepResult ChangeValidity(Validity validity, string actor, DateTimeOffset at)
    {
        if (Status != CatalogItemStatus.Published)
        {
            return new CatalogStepRefused($"只有已发布的信息才有有效性变更，该信息{StatusLabel(Status)}");
        }

        var e = new CatalogEvent(CatalogEventKind.ValidityChanged, actor, at, Reason: ValidityLabel(validity));
        return new CatalogStepAccepted(this with { Validity = validity }, e);
    }

    /// <summary>Art. 26: the last day to publish — 20 working days after 生成日期 (the day itself not counted).</summary>
    public DateOnly DueOn(IWorkingDayCalendar calendar) => calendar.AddWorkingDays(GeneratedOn, PublicationDeadlineWorkingDays);

    /// <summary>Art. 26: not yet published and <paramref name="today"/> is past <see cref="DueOn"/>. Withdrawn items are not overdue.</summary>
    public bool IsOverdue(DateOnly today, IWorkingDayCalendar calendar) =>
        Status is CatalogItemStatus.Draft or CatalogItemStatus.InReview or CatalogItemStatus.Approved && today > DueOn(calendar);

    /// <summary>Art. 26: published after the due date.</summary>
    public bool WasPublishedLate(IWorkingDayCalendar calendar) => PublishedOn is { } on && on > DueOn(calendar);

    /// <summary>The status in Chinese: 草稿, 审核中, 已审核, 已发布, 已撤回.</summary>
    public static string StatusLabel(CatalogItemStatus status) => status switch
    {
        CatalogItemStatus.Draft => "草稿",
        CatalogItemStatus.InReview => "审核中",
        CatalogItemStatus.Approved => "已审核待发布",
        CatalogItemStatus.Published => "已发布",
        CatalogItemStatus.Withdrawn => "已撤回",
    };

    /// <summary>A history entry's kind in Chinese: 拟稿, 修改, 送审, 同意, 退回, 发布, 撤回, 有效性变更.</summary>
    public static string EventLabel(CatalogEventKind kind) => kind switch
    {
        CatalogEventKind.Drafted => "拟稿",
        CatalogEventKind.Edited => "修改",
        CatalogEventKind.Submitted => "送审",
        CatalogEventKind.Approved => "同意",
        CatalogEventKind.Refused => "退回",
        CatalogEventKind.Published => "发布",
        CatalogEventKind.Withdrawn => "撤回",
        CatalogEventKind.ValidityChanged => "有效性变更",
    };

    /// <summary>有效性 in Chinese: 有效, 失效, 废止.</summary>
    public static string ValidityLabel(Validity validity) => validity switch
    {
        Validity.Valid => "有效",
        Validity.Expired => "失效",
        Validity.Repealed => "废止",
    };

    private static CatalogStepRefused? Problem(string title, string summary, string publisher) =>
        string.IsNullOrWhiteSpace(title) ? new("请填写信息名称（第十二条）", "名称")
        : string.IsNullOrWhiteSpace(summary) ? new("请填写内容概述（第十二条）", "内容概述")
        : string.IsNullOrWhiteSpace(publisher) ? new("请填写发布机构", "发布机构")
        : title.Trim().Length > 500 ? new("信息名称不应超过500字", "名称")
        : publisher.Trim().Length > 200 ? new("发布机构不应超过200字", "发布机构")
        : null;
}
