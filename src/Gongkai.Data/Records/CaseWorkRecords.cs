namespace Gongkai.Data.Records;

/// <summary>
/// 延期申请 (Art. 33): an officer asks to extend a case's reply period; a leader (the office's head) approves or
/// refuses it. On approval the case gets its <c>Extended</c> event with the approver.
/// </summary>
public sealed class ExtensionRequestRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public int WorkingDays { get; set; }

    public required string Reason { get; set; }

    public required string RequestedBy { get; set; }

    public DateOnly RequestedOn { get; set; }

    /// <summary>Awaiting a leader, approved or refused (stored as <c>pending</c>, <c>approved</c>, <c>refused</c>).</summary>
    public ExtensionRequestStatus Status { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>Where a 延期申请 (Art. 33) stands: awaiting the leader's decision, approved, or refused.</summary>
public enum ExtensionRequestStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>
/// An application made on the portal (Art. 29, 互联网渠道) that the office has not yet confirmed: under Art. 31 its
/// date of receipt is the day both sides confirm, so it becomes a case (<see cref="CaseId"/>) only then.
/// </summary>
public sealed class OnlineApplicationRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The number shown to the applicant; the case keeps it.</summary>
    public required string Number { get; set; }

    /// <summary>SHA-256 (hex) of the query code; the code itself is shown once and never stored.</summary>
    public required string QueryCodeHash { get; set; }

    public DateOnly ArrivedOn { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public required string ApplicantType { get; set; }

    public required string ApplicantName { get; set; }

    public string? IdType { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Email { get; set; }

    /// <summary>法定代表人 of an organisation applying (Art. 29 (一)).</summary>
    public string? LegalRepresentative { get; set; }

    /// <summary>联系人 of an organisation applying (Art. 29 (一)).</summary>
    public string? ContactPerson { get; set; }

    public string? InfoName { get; set; }

    public string? DocumentNumber { get; set; }

    public required string Description { get; set; }

    public required string Form { get; set; }

    public required string Delivery { get; set; }

    public string? ProofContentType { get; set; }

    public byte[]? Proof { get; set; }

    /// <summary>The case made when the office confirmed receipt; null while pending.</summary>
    public long? CaseId { get; set; }

    /// <summary>
    /// The random key the form carried (unique per agency): a resubmission with the same key (double click, retry after
    /// a timeout) finds this application, and the query code is derived from it, so both can be shown again.
    /// </summary>
    public string? IdempotencyKey { get; set; }
}

/// <summary>
/// The counter of case numbers of one agency, year and series (<c>""</c> for cases the office registers, <c>"W"</c> for
/// online applications), advanced atomically in the transaction that stores the case, so two submissions never take
/// the same number.
/// </summary>
public sealed class CaseNumberSequenceRecord
{
    public int AgencyId { get; set; }

    public int Year { get; set; }

    public required string Series { get; set; }

    /// <summary>The last number given.</summary>
    public int LastValue { get; set; }
}

/// <summary>A secret of the installation (random bytes made once), kept in the database so every instance agrees.</summary>
public sealed class ServerSecretRecord
{
    public required string Name { get; set; }

    public required byte[] Value { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An agency's template of a notice (告知书), with placeholders such as {申请人} and {申请编号}.</summary>
public sealed class NoticeTemplateRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The kind: an Art. 36 reply type or supplement / extension / fee.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented by every save; an edit carries the version its author saw.</summary>
    public int Version { get; set; }
}

/// <summary>A notice generated for a case (DOCX), kept with the case.</summary>
public sealed class CaseNoticeRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>The same notice as PDF (GB/T 9704 layout); null for notices made before PDFs were.</summary>
    public byte[]? Pdf { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A 补正 (Art. 30) the applicant submitted online with the query code: the text and its files.</summary>
public sealed class CaseSupplementRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string Text { get; set; }

    /// <summary>The statutory date it was received (China time): the reply deadline runs afresh from it.</summary>
    public DateOnly SubmittedOn { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The files sent with it.</summary>
    public List<CaseSupplementFileRecord> Files { get; set; } = [];
}

/// <summary>A file sent with an online 补正.</summary>
public sealed class CaseSupplementFileRecord
{
    public long Id { get; set; }

    public long SupplementId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>
/// A message in the mail outbox: stored in the transaction of what caused it, sent by a background worker that claims it
/// with a lease (<see cref="ClaimedBy"/>, <see cref="LeaseUntilMs"/>); kept, with its error, until it is sent.
/// </summary>
public sealed class MailOutboxRecord
{
    public long Id { get; set; }

    public required string ToAddress { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not to be tried before this moment (Unix milliseconds): a failed send waits a little longer each time.</summary>
    public long AvailableAtMs { get; set; }

    public string? ClaimedBy { get; set; }

    /// <summary>The claim holds until this moment (Unix milliseconds); after it, another worker may take the message.</summary>
    public long? LeaseUntilMs { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The files attached.</summary>
    public List<MailOutboxAttachmentRecord> Attachments { get; set; } = [];
}

/// <summary>A file attached to an outbox message.</summary>
public sealed class MailOutboxAttachmentRecord
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>答复 (Art. 36): the reply's text as sent to the applicant (one per case, written with the 答复 step).</summary>
public sealed class CaseReplyRecord
{
    public long CaseId { get; set; }

    public required string Text { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A document sent with the reply: the information given, or (<see cref="Redacted"/>) a copy with the withheld parts removed (Art. 37).</summary>
public sealed class CaseReplyDocumentRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public bool Redacted { get; set; }

    public long Size { get; set; }

    public required byte[] Content { get; set; }
}
