using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Mail;

/// <summary>A file attached to an e-mail.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The mail outbox: a message is stored in the database (with the work that caused it, when the caller saves both) and
/// sent later by <c>MailOutboxWorker</c>, so a failing SMTP server loses nothing and a restart sends what was waiting.
/// </summary>
public interface IMailOutbox
{
    /// <summary>Queues a message; saved at once unless <paramref name="save"/> is false (the caller's SaveChanges stores it).</summary>
    Task EnqueueAsync(string to, string subject, string body, IReadOnlyList<MailAttachment>? attachments = null, bool save = true, CancellationToken cancellationToken = default);
}

/// <summary>A message claimed for sending.</summary>
public sealed record OutgoingMail(long Id, string To, string Subject, string Body, IReadOnlyList<MailAttachment> Attachments, int Attempts);

/// <summary>
/// The outbox table (<c>mail_outbox</c>). Workers claim messages with a lease in one UPDATE
/// (<c>… SET claimed_by = me, lease_until_ms = now + lease WHERE id = … AND sent_at IS NULL AND (claimed_by IS NULL OR
/// lease_until_ms &lt; now)</c>): of several instances exactly one wins each message; a worker that dies leaves its
/// claim to expire, and another takes the message over.
/// </summary>
public sealed class MailOutbox(GongkaiDbContext db, TimeProvider clock) : IMailOutbox
{
    /// <summary>Give up after this many failed attempts (the message stays in the table with its last error).</summary>
    public const int MaxAttempts = 20;

    public async Task EnqueueAsync(string to, string subject, string body, IReadOnlyList<MailAttachment>? attachments = null, bool save = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        var now = clock.GetUtcNow();
        var message = new MailOutboxRecord
        {
            ToAddress = to.Trim(),
            Subject = subject,
            Body = body,
            CreatedAt = now,
            AvailableAtMs = now.ToUnixTimeMilliseconds(),
        };
        foreach (var a in attachments ?? [])
        {
            message.Attachments.Add(new MailOutboxAttachmentRecord { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content });
        }

        db.MailOutbox.Add(message);
        if (save)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Claims up to <paramref name="max"/> messages due now for <paramref name="worker"/>, for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<OutgoingMail>> ClaimAsync(string worker, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var candidates = await db.MailOutbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts && m.AvailableAtMs <= nowMs && (m.ClaimedBy == null || m.LeaseUntilMs < nowMs))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(max).ToListAsync(cancellationToken);
        var claimed = new List<long>();
        var until = nowMs + (long)lease.TotalMilliseconds;
        foreach (var id in candidates)
        {
            // The condition is checked again by the database in the UPDATE itself: only one worker gets a row.
            var rows = await db.MailOutbox
                .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedBy == null || m.LeaseUntilMs < nowMs))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, worker).SetProperty(m => m.LeaseUntilMs, until), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        if (claimed.Count == 0)
        {
            return [];
        }

        var messages = await db.MailOutbox.AsNoTracking().Include(m => m.Attachments).Where(m => claimed.Contains(m.Id)).ToListAsync(cancellationToken);
        return [.. messages.OrderBy(m => m.Id).Select(m => new OutgoingMail(
            m.Id, m.ToAddress, m.Subject, m.Body, [.. m.Attachments.OrderBy(a => a.Id).Select(a => new MailAttachment(a.FileName, a.ContentType, a.Content))], m.Attempts))];
    }

    /// <summary>Marks a claimed message sent (only while this worker still holds it).</summary>
    public Task<int> MarkSentAsync(long id, string worker, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return db.MailOutbox.Where(m => m.Id == id && m.ClaimedBy == worker && m.SentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, now).SetProperty(m => m.LastError, (string?)null), cancellationToken);
    }

    /// <summary>Releases a message that failed: tried again later, a little later after each failure (at most an hour).</summary>
    public Task<int> MarkFailedAsync(long id, string worker, int attempts, string error, CancellationToken cancellationToken = default)
    {
        var delay = Math.Min(3_600_000L, 1000L * (1L << Math.Min(attempts, 12)));
        var next = clock.GetUtcNow().ToUnixTimeMilliseconds() + delay;
        var message = error.Length > 1000 ? error[..1000] : error;
        return db.MailOutbox.Where(m => m.Id == id && m.ClaimedBy == worker && m.SentAt == null)
            .ExecuteUpdateAsync(
                u => u.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.LeaseUntilMs, (long?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, message).SetProperty(m => m.AvailableAtMs, next),
                cancellationToken);
    }

    /// <summary>How many messages wait to be sent, and how many failed at their last attempt (for the settings page).</summary>
    public async Task<(int Waiting, int Failing)> CountsAsync(CancellationToken cancellationToken = default)
    {
        var waiting = await db.MailOutbox.CountAsync(m => m.SentAt == null, cancellationToken);
        var failing = await db.MailOutbox.CountAsync(m => m.SentAt == null && m.LastError != null, cancellationToken);
        return (waiting, failing);
    }
}
