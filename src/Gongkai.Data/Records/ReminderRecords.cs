namespace Gongkai.Data.Records;

/// <summary>
/// An agency's reminder setting (schema 0018): how many working days before the reply date (Art. 33) its staff are
/// reminded of a case. No row: the default, <see cref="DefaultDaysAhead"/>.
/// </summary>
public sealed class ReminderSettingsRecord
{
    /// <summary>提前提醒的工作日数 when an agency has not set one.</summary>
    public const int DefaultDaysAhead = 3;

    public int AgencyId { get; set; }

    /// <summary>提前提醒的工作日数 (1–20).</summary>
    public int DaysAhead { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// The daily reminder digest of one day (schema 0018): the row is the lock. The instance that inserts it queues every
/// person's digest in the same transaction; another instance, or a restart the same day, finds the row and sends nothing.
/// </summary>
public sealed class ReminderDigestRecord
{
    /// <summary>The day in China the digest is for (the primary key).</summary>
    public DateOnly Day { get; set; }

    /// <summary>The instance that sent it.</summary>
    public required string SentBy { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>How many digests were queued.</summary>
    public int Messages { get; set; }

    /// <summary>How many people had reminders but no e-mail address.</summary>
    public int SkippedNoEmail { get; set; }
}

/// <summary>A person's role in an agency, read-only (the web application's <c>staff_memberships</c>, schema 0013).</summary>
public sealed class StaffMembershipRecord
{
    public required string UserId { get; init; }

    public int AgencyId { get; init; }

    public required string Role { get; init; }
}
