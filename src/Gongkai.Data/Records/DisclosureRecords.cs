namespace Gongkai.Data.Records;

/// <summary>An agency's settings for proactive disclosure: its 索引号 pattern, review chain and the 万元 decimals of fees.</summary>
public sealed class DisclosureSettingsRecord
{
    public int AgencyId { get; set; }

    /// <summary>e.g. <c>{机构代码}/{YYYY}-{NNNNN}</c>.</summary>
    public required string IndexPattern { get; set; }

    /// <summary>The review chain as JSON: <c>[{"name":"保密审查","role":"保密审查员"},…]</c>.</summary>
    public required string ReviewChain { get; set; }

    /// <summary>Decimals of 本年收费金额（万元）in the 2021 format (docs/legal.md §2.3: U).</summary>
    public int FeeDecimals { get; set; }

    /// <summary>审核分离 (see <c>SeparationOfDuties</c>): the drafter decides no step, one person at most one step of an item.</summary>
    public bool SeparateDuties { get; set; }

    /// <summary>Optimistic concurrency: 1 when first saved, one more at every save; the saving UPDATE checks the version the person saw.</summary>
    public int Version { get; set; }

    /// <summary>Who saved the settings last (null for settings saved before schema 10).</summary>
    public string? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A 主题分类 of an agency's catalogue.</summary>
public sealed class CatalogCategoryRecord
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>1–15 when the category reports an Art. 20 item.</summary>
    public int? Article20Item { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The category this one is a sub-category of (法定主动公开内容 nests to any depth); null at the top.</summary>
    public int? ParentId { get; set; }

    /// <summary>Raised by each rename and move (schema 0023); a change decided on an older version is refused.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Who last renamed or moved it (the account name); null for the standard set and older rows.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>When it was last renamed or moved.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>An item of the 政府信息公开目录 (Art. 12) as stored; the domain's <c>CatalogItem</c> is rebuilt from it.</summary>
public sealed class CatalogItemRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>索引号, unique per agency.</summary>
    public required string IndexNumber { get; set; }

    /// <summary>The 索引号 without its serial (<c>GZPY-WJ/2025-#</c>): serials count within it.</summary>
    public required string IndexScope { get; set; }

    public int IndexSerial { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public DateOnly GeneratedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string? DocumentNumber { get; set; }

    public required string Publisher { get; set; }

    public int CategoryId { get; set; }

    /// <summary>Channel codes joined by commas (<c>gazette,website</c>).</summary>
    public required string Channels { get; set; }

    /// <summary><c>Valid</c>, <c>Expired</c> or <c>Repealed</c>.</summary>
    public required string Validity { get; set; }

    /// <summary><c>Draft</c>, <c>InReview</c>, <c>Approved</c>, <c>Published</c> or <c>Withdrawn</c>.</summary>
    public required string Status { get; set; }

    /// <summary>The chain it was submitted to, JSON; null before the first submission.</summary>
    public string? ReviewChain { get; set; }

    public int? CurrentStep { get; set; }

    public string? ReturnedReason { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>Attachments as JSON: <c>[{"name":"…","location":"…"}]</c>.</summary>
    public required string Attachments { get; set; }

    /// <summary>Optimistic concurrency: the number of history entries.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One entry of a catalogue item's history: who did what at which review step, when, and why.</summary>
public sealed class CatalogItemEventRecord
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    public int Sequence { get; set; }

    /// <summary><c>Submitted</c>, <c>Approved</c>, <c>Refused</c>, <c>Published</c>, <c>Withdrawn</c>, <c>ValidityChanged</c>.</summary>
    public required string Kind { get; set; }

    public int? Step { get; set; }

    public string? StepName { get; set; }

    public string? Role { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Reason { get; set; }
}

/// <summary>An entry of the register of 规章 and 规范性文件 (Art. 20(一)).</summary>
public sealed class NormativeDocumentRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary><c>regulation</c> or <c>normative</c>.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public string? DocumentNumber { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public DateOnly? RepealedOn { get; set; }

    /// <summary>The catalogue item that published it, if any.</summary>
    public long? CatalogItemId { get; set; }
}

/// <summary>The Art. 20 figures of one row for one year (许可, 处罚, 强制, 收费, 集中采购…), entered or imported.</summary>
public sealed class Article20FigureRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>The <c>article20</c> row key.</summary>
    public required string RowKey { get; set; }

    public int? Items { get; set; }

    public int? Decisions { get; set; }

    public int? Projects { get; set; }

    public decimal? AmountYuan { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A file attached to a catalogue item (附件): its name, type, size, hash and bytes.</summary>
public sealed class CatalogAttachmentRecord
{
    public long Id { get; set; }

    public long ItemId { get; set; }

    /// <summary>The file name as uploaded (the name the public downloads it under).</summary>
    public required string Name { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex: what was reviewed is what is served.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
