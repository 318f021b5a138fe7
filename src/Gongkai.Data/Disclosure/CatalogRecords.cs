using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;

namespace Gongkai.Data.Disclosure;

/// <summary>
/// The catalogue's failures in the one error model (<see cref="Error"/>), each message built here: users see them on
/// the pages and the command line, and tests assert them.
/// </summary>
public static class CatalogErrors
{
    /// <summary>No item with that 索引号 in this agency.</summary>
    public static NotFound NotFound(string indexNumber) => new($"没有索引号为 {indexNumber} 的信息");

    /// <summary>
    /// Someone else changed the item meanwhile; reload and try again. <paramref name="changes"/> lists what was done since
    /// the version the person saw (who did what, when), <paramref name="state"/> where the item now stands.
    /// </summary>
    public static Conflict Conflict(string indexNumber, string? changes = null, string? state = null) => new(
        changes is not null ? $"索引号 {indexNumber} 的信息在您打开页面后已有新的办理记录：{changes}（现为{state}），本次操作未执行；请查看最新内容后重试"
        : state is not null ? $"索引号 {indexNumber} 的信息在您打开页面后已有变化（现为{state}），本次操作未执行；请查看最新内容后重试"
        : $"索引号 {indexNumber} 的信息刚被他人修改，本次操作未执行；请刷新后重试");

    /// <summary>Only drafts take attachments: what was reviewed is what is published.</summary>
    public static Refused AttachmentsOnlyToDrafts(CatalogItemStatus status) => new($"{CatalogItem.StatusLabel(status)}的信息不能添加附件；审核中的信息须先退回");

    /// <summary>A step the domain refused (<see cref="CatalogStepRefused"/>), with the field it names.</summary>
    public static Refused Refused(CatalogStepRefused refused) => new(refused.Reason, refused.Field);

    /// <summary>A history entry in a sentence: <c>2025-10-09 10:00 王保密 同意（保密审查）</c>, with the reason of a 退回 or 撤回.</summary>
    public static string Describe(CatalogEvent e) =>
        $"{Gongkai.Domain.Calendar.ChinaTime.Minute(e.At)} {e.Actor} {CatalogItem.EventLabel(e.Kind)}{(e.StepName is { } step ? $"（{step}）" : string.Empty)}"
        + (e.Kind is CatalogEventKind.Refused or CatalogEventKind.Withdrawn or CatalogEventKind.Edited && !string.IsNullOrWhiteSpace(e.Reason) ? "：" + e.Reason : string.Empty);
}

/// <summary>A catalogue command was applied; <paramref name="Item"/> is the item as it now stands.</summary>
/// <remarks><see cref="FilesRefused"/>: when a new draft was kept but its files were not stored, why.</remarks>
public sealed record CatalogItemSaved(long Id, CatalogItem Item, string? FilesRefused = null);

/// <summary>
/// What an office enters to draft a catalogue item (Art. 12 fields). The 索引号 is generated. <c>Actor</c>, when given,
/// is recorded as the drafter (拟稿) in the item's history.
/// </summary>
public sealed record NewCatalogItem(
    int AgencyId,
    string Title,
    string Summary,
    DateOnly GeneratedOn,
    string CategoryCode,
    string? Publisher = null,
    string? DocumentNumber = null,
    IReadOnlyList<PublicationChannel>? Channels = null,
    IReadOnlyList<CatalogAttachment>? Attachments = null,
    string? Actor = null);

/// <summary>An agency's disclosure settings, with defaults where it has none.</summary>
/// <remarks>
/// <see cref="SeparateDuties"/>: 审核分离 (<see cref="SeparationOfDuties"/>), off by default. <see cref="Version"/>: the
/// version read (0 when never saved); a save is checked against the version the person saw.
/// </remarks>
public sealed record DisclosureSettings(IndexNumberPattern IndexPattern, ReviewChain ReviewChain, int FeeDecimals, bool SeparateDuties = false, int Version = 0)
{
    public static DisclosureSettings Default { get; } = new(IndexNumberPattern.Default, ReviewChain.Default, Article20FigureRows.DefaultFeeDecimals);
}

/// <summary>A row of the office's list of items: where it stands and, for unpublished items, its Art. 26 due date.</summary>
public sealed record CatalogListRow(long Id, string IndexNumber, string Title, string Category, CatalogItemStatus Status, string? PendingStep,
    DateOnly GeneratedOn, DateOnly DueOn, DateOnly? PublishedOn, bool Overdue, Validity Validity, string? PendingRole = null);

/// <summary>One search hit: what the portal lists for an item.</summary>
public sealed record CatalogSearchHit(long Id, int AgencyId, string IndexNumber, string Title, string Summary, string Category,
    DateOnly GeneratedOn, DateOnly? PublishedOn, string? DocumentNumber, string Publisher, Validity Validity);

/// <summary>
/// A page of search results. <see cref="Total"/> is exact unless <see cref="TotalIsApproximate"/>: counting stops at
/// <see cref="CatalogSearch.CountCap"/> (Total is then the cap: "1000条以上"), and on PostgreSQL a word of three or more
/// characters with more than 500 candidates is counted from the index alone, an upper bound ("约733条").
/// </summary>
public sealed record CatalogSearchResult(IReadOnlyList<CatalogSearchHit> Items, int Total, bool TotalIsApproximate, int Page, int PageSize)
{
    public static CatalogSearchResult Empty(int page, int pageSize) => new([], 0, false, page, pageSize);
}

/// <summary>What an office changes in a draft (the Art. 12 fields; attachments are added and removed one by one).</summary>
public sealed record CatalogEdit(
    string Title,
    string Summary,
    DateOnly GeneratedOn,
    string CategoryCode,
    string Publisher,
    string? DocumentNumber,
    IReadOnlyList<PublicationChannel> Channels);

/// <summary>An attachment as listed: what the office and the public see of it, without its bytes.</summary>
public sealed record CatalogAttachmentInfo(long Id, string Name, string ContentType, long SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// The <see cref="CatalogAttachment.Location"/> of a file kept in the database: <c>file:42</c>. Other locations (a
/// web address given on the command line) are links.
/// </summary>
public static class CatalogAttachmentLocation
{
    private const string Prefix = "file:";

    public static string Of(long attachmentId) => Prefix + attachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The stored file's id, or null for a link.</summary>
    public static long? StoredId(string location) =>
        location.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(location.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id : null;
}
