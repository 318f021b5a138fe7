namespace Gongkai.Data.Records;

/// <summary>An agency (行政机关) whose disclosure work Gongkai runs; a supervising office is an agency with children.</summary>
public sealed class AgencyRecord
{
    public int Id { get; set; }

    /// <summary>机构代码, used in 索引号 and case numbers; unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// <c>government</c> (annual report due 31 March, Art. 49), <c>department</c>, <c>town</c> or <c>other</c> (due 31
    /// January): the keys of <c>Gongkai.Domain.Agencies.AgencyKind</c>.
    /// </summary>
    public required string Kind { get; set; }

    /// <summary>The supervising agency (the parent in the government's tree), if any.</summary>
    public int? ParentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>统一社会信用代码 (GB 32100), optional; checked when given.</summary>
    public string? Uscc { get; set; }

    /// <summary>When the agency was archived (归档): its records and pages stay, read-only; it takes no new applications.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>Order among its siblings (then by name).</summary>
    public int SortOrder { get; set; }

    /// <summary>Optimistic concurrency: advanced by every change, checked by the database (ADR 0007).</summary>
    public int Version { get; set; } = 1;

    /// <summary>Who made the last change, when, and what it was (shown to someone whose form went stale).</summary>
    public string? UpdatedBy { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? LastChange { get; set; }
}

/// <summary>A department (承办科室) of an agency to which cases are assigned (分办).</summary>
public sealed class DepartmentRecord
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public required string Name { get; set; }
}

/// <summary>
/// An application (依申请公开) as stored: what was registered, plus columns projected from its events
/// (status, due date, outcome) so lists and the annual report are answered by the database. The events are the
/// truth; the projection is rewritten with every event and by a recompute after a calendar change.
/// </summary>
public sealed class CaseRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The case number shown to the applicant, unique per agency.</summary>
    public required string Number { get; set; }

    /// <summary>SHA-256 of the query code given to an online applicant (the code itself is never stored).</summary>
    public string? QueryCodeHash { get; set; }

    public required string ApplicantType { get; set; }

    public required string ApplicantName { get; set; }

    public string? ApplicantIdNumber { get; set; }

    public string? ApplicantContact { get; set; }

    public required string Channel { get; set; }

    public string? Request { get; set; }

    public string? RequestedForm { get; set; }

    /// <summary>The date of receipt under Art. 31.</summary>
    public DateOnly ReceivedOn { get; set; }

    public int? DepartmentId { get; set; }

    /// <summary>承办人: the staff account the case is assigned to (projected from its <c>HandlerAssigned</c> events).</summary>
    public string? HandlerId { get; set; }

    public required string Status { get; set; }

    public DateOnly? ReplyDue { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? Outcome { get; set; }

    /// <summary>Optimistic concurrency: the number of events applied.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One entry of a case's append-only history: who, when, what, and the state before and after. The database
/// refuses updates and deletes of these rows (a trigger on both providers).
/// </summary>
public sealed class CaseEventRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>1, 2, 3… within the case; unique with <see cref="CaseId"/>.</summary>
    public int Sequence { get; set; }

    public required string Type { get; set; }

    /// <summary>The statutory date of the step (e.g. the day the supplement arrived).</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>The moment it was recorded (UTC).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public required string Actor { get; set; }

    /// <summary>The event's data as JSON.</summary>
    public required string Payload { get; set; }

    /// <summary>A summary of the case before the step (status, due date), JSON.</summary>
    public string? Before { get; set; }

    /// <summary>A summary of the case after the step, JSON.</summary>
    public string? After { get; set; }
}

/// <summary>An administrative review (行政复议) or lawsuit (行政诉讼) about disclosure work (report section 四).</summary>
public sealed class ReviewLitigationRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public long? CaseId { get; set; }

    /// <summary><c>review</c>, <c>litigationDirect</c> or <c>litigationAfterReview</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>案号 or other reference.</summary>
    public string? Reference { get; set; }

    public DateOnly FiledOn { get; set; }

    /// <summary><c>upheld</c>, <c>corrected</c>, <c>other</c> or <c>pending</c> (尚未审结).</summary>
    public required string Outcome { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public string? Notes { get; set; }
}

/// <summary>An annual report kept by Gongkai: drafted from records or imported, and published to the portal.</summary>
public sealed class AnnualReportRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>The canonical JSON (docs/report-model.md).</summary>
    public required string Json { get; set; }

    /// <summary><c>draft</c>, <c>published</c> or <c>imported</c>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A year of holidays and 调休 days added by an administrator from a State Council notice (docs/legal.md §5).</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }

    /// <summary>The year's data in the shape of the shipped holiday file.</summary>
    public required string Json { get; set; }

    public required string AddedBy { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>An installation's setting of one of the rules docs/legal.md leaves open (<c>ConfigurableRules</c>).</summary>
public sealed class RuleSettingRecord
{
    public required string Key { get; set; }

    public required string Value { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: 1 when first stored, one more at every change (schema 10).</summary>
    public int Version { get; set; }
}

/// <summary>
/// A published annual report uploaded by a supervising office (bulk upload, schema 14), read and audited, awaiting
/// confirmation of the agency it belongs to; confirmed ones become that agency's imported report, the rest are dropped.
/// </summary>
public sealed class ReportUploadRecord
{
    public long Id { get; set; }

    /// <summary>The upload it came in (a random id shown in the confirmation page's address).</summary>
    public required string Batch { get; set; }

    public int SupervisingAgencyId { get; set; }

    public required string FileName { get; set; }

    /// <summary>The reporting body's name as the reader found it.</summary>
    public string? AgencyName { get; set; }

    public int? Year { get; set; }

    /// <summary>The report as read (docs/report-model.md), null when the file could not be read.</summary>
    public string? Json { get; set; }

    /// <summary>Why the file could not be read, in Chinese.</summary>
    public string? Error { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    /// <summary>The agency of the subtree the name matched (exact, then normalised or similar), if any.</summary>
    public int? SuggestedAgencyId { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
