using System.Globalization;
using System.Text;
using Gongkai.Application.Cases;
using Gongkai.Application.Mail;
using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Application.Reminders;

/// <summary>What one run of the daily digest did.</summary>
/// <param name="Sent">This run queued the day's digests (false: not a working day, or another run had done it).</param>
/// <param name="Messages">E-mails queued.</param>
/// <param name="SkippedNoEmail">People with reminders but no e-mail address.</param>
public sealed record DigestRun(bool Sent, int Messages, int SkippedNoEmail);

/// <summary>
/// The daily reminder digest: on each working day, one e-mail per person with reminders (<see cref="ReminderRules"/>),
/// queued in the mail outbox (<see cref="IMailOutbox"/>, sent by its worker). Safe with several instances: the day's
/// row in <c>reminder_digests</c> (primary key = the date) is inserted in the same transaction that queues the
/// e-mails, so exactly one run per day commits — a second instance blocks on the row and then finds it taken, a
/// restart the same day finds it present, and a run that fails midway leaves neither row nor e-mail behind.
/// </summary>
public sealed class SendReminderDigests(GongkaiDbContext db, CaseCalendar calendar, IMailOutbox outbox, TimeProvider clock)
{
    /// <summary>Sends today's digests (China time) unless already sent; <paramref name="instance"/> names the sender; <paramref name="siteUrl"/> prefixes the links.</summary>
    public async Task<DigestRun> ExecuteAsync(string instance, string? siteUrl = null, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var workingDays = await calendar.GetAsync(db, cancellationToken);
        if (!workingDays.IsWorkingDay(today) || await db.ReminderDigests.AsNoTracking().AnyAsync(d => d.Day == today, cancellationToken))
        {
            return new DigestRun(false, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lease = new ReminderDigestRecord { Day = today, SentBy = instance, SentAt = clock.GetUtcNow() };
        db.ReminderDigests.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance took the day (its transaction committed while this one waited on the row).
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new DigestRun(false, 0, 0);
        }

        var reminders = await ReminderRules.ForPeopleAsync(db, workingDays, today, userIds: null, agencyId: null, cancellationToken);
        var ids = reminders.Where(r => r.Value.Count > 0).Select(r => r.Key).ToList();
        var people = await db.StaffNames.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var (messages, skipped) = (0, 0);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var person = people[id];
            if (string.IsNullOrWhiteSpace(person.Email))
            {
                skipped++;
                continue;
            }

            var list = reminders[id];
            var name = string.IsNullOrWhiteSpace(person.DisplayName) ? person.UserName ?? string.Empty : person.DisplayName;
            await outbox.EnqueueAsync(person.Email, Subject(list), Body(name, list, siteUrl), save: false, cancellationToken: cancellationToken);
            messages++;
        }

        lease.Messages = messages;
        lease.SkippedNoEmail = skipped;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DigestRun(true, messages, skipped);
    }

    /// <summary>“政府信息公开申请每日提醒（2026年12月2日）：已超期1件，即将到期2件”.</summary>
    public static string Subject(ReminderList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var items = list.Groups.SelectMany(g => g.Items).ToList();
        return $"政府信息公开申请每日提醒（{DateText.Long(list.Today)}）：已超期{items.Count(i => i.Overdue)}件，即将到期{items.Count(i => !i.Overdue)}件";
    }

    /// <summary>The digest's text: per agency, the overdue cases and those due soon, each with its working days and link.</summary>
    public static string Body(string name, ReminderList list, string? siteUrl)
    {
        ArgumentNullException.ThrowIfNull(list);
        var text = new StringBuilder();
        var site = (siteUrl ?? string.Empty).TrimEnd('/');
        text.Append(CultureInfo.InvariantCulture, $"{name}：\n\n您好！截至{DateText.Long(list.Today)}，以下政府信息公开申请已超过答复期限或即将到期（《政府信息公开条例》第三十三条），请及时办理。\n");
        foreach (var group in list.Groups.Where(g => g.Items.Count > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n【{group.AgencyName}】（{group.DaysAhead}个工作日内到期的申请提前提醒）\n");
            foreach (var (title, items) in new[] { ("已超期", group.Items.Where(i => i.Overdue).ToList()), ("即将到期", group.Items.Where(i => !i.Overdue).ToList()) })
            {
                if (items.Count == 0)
                {
                    continue;
                }

                text.Append(CultureInfo.InvariantCulture, $"{title}：\n");
                foreach (var item in items)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {item.Number}　{item.ApplicantName}　答复期限{DateText.Long(item.Due)}　{item.Clock.Remaining}{(item.Unassigned ? "　（尚未指定承办人）" : string.Empty)}\n    {site}/staff/cases/{item.CaseId}\n");
                }
            }
        }

        if (list.Groups.Count(g => g.Items.Count > 0) > 1)
        {
            text.Append("\n打开其他单位的案件时，页面会提示该案件所属单位，点一下即可切换“当前单位”并打开。\n");
        }

        text.Append("\n此邮件由政府信息公开工作平台每个工作日自动发送，请勿回复。提前提醒的工作日数由本单位管理员在“机关设置与公开指南”中设置。\n");
        return text.ToString();
    }
}
