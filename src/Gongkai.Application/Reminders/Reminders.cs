using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Reminders;

/// <summary>A case a person is reminded of: due within the agency's 提前提醒的工作日数, or overdue (Art. 33).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Number">Its number.</param>
/// <param name="ApplicantName">The applicant.</param>
/// <param name="Due">The reply date.</param>
/// <param name="Clock">剩余N个工作日 / 今日到期 / 已超期N个工作日.</param>
/// <param name="Unassigned">No 承办人 yet: shown to the agency's 公开办 officers.</param>
public sealed record ReminderItem(long CaseId, string Number, string ApplicantName, DateOnly Due, ClockReading Clock, bool Unassigned)
{
    /// <summary>Past the reply date.</summary>
    public bool Overdue => Clock.OverdueWorkingDays is not null;
}

/// <summary>One agency's reminders for a person, with the agency's 提前提醒的工作日数.</summary>
public sealed record ReminderGroup(int AgencyId, string AgencyName, int DaysAhead, IReadOnlyList<ReminderItem> Items);

/// <summary>A person's reminders on <paramref name="Today"/>, per agency they work for.</summary>
public sealed record ReminderList(DateOnly Today, IReadOnlyList<ReminderGroup> Groups)
{
    public int Count => Groups.Sum(g => g.Items.Count);
}

/// <summary>
/// Who is reminded of which case. The reply is due by the Art. 33 date (20 working days, extended at most 20 more);
/// a person is reminded, in every agency they work for in a role that handles cases (<see cref="CaseHandlers.Roles"/>),
/// of the open cases assigned to them whose running clock ends within the agency's 提前提醒的工作日数 or has ended —
/// and, when they are that agency's 公开办 officer, of its cases that have no 承办人 yet. Cases whose clock is stopped
/// (待补正, a consultation, a fee that stops it) have no date to remind of.
/// </summary>
public static class ReminderRules
{
    /// <summary>公开办: sees the agency's unassigned cases among their reminders.</summary>
    public const string OfficerRole = "officer";

    /// <summary>提前提醒的工作日数 allowed.</summary>
    public const int MinDaysAhead = 1;

    /// <summary>提前提醒的工作日数 allowed.</summary>
    public const int MaxDaysAhead = 20;

    /// <summary>The reminders of <paramref name="userIds"/> (every enabled person when null) on <paramref name="today"/>, optionally in one agency.</summary>
    public static async Task<IReadOnlyDictionary<string, ReminderList>> ForPeopleAsync(
        GongkaiDbContext db, IWorkingDayCalendar calendar, DateOnly today, IReadOnlyCollection<string>? userIds, int? agencyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendar);
        var memberships = db.StaffMemberships.AsNoTracking().Where(m => CaseHandlers.Roles.Contains(m.Role));
        if (userIds is not null)
        {
            memberships = memberships.Where(m => userIds.Contains(m.UserId));
        }

        if (agencyId is { } only)
        {
            memberships = memberships.Where(m => m.AgencyId == only);
        }

        var held = await memberships.Join(db.StaffNames.AsNoTracking().Where(u => !u.Disabled), m => m.UserId, u => u.Id, (m, u) => m).ToListAsync(cancellationToken);
        var agencyIds = held.Select(m => m.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var settings = await db.ReminderSettings.AsNoTracking().Where(s => agencyIds.Contains(s.AgencyId)).ToDictionaryAsync(s => s.AgencyId, s => s.DaysAhead, cancellationToken);

        // Per agency, the open cases with a running clock due by its horizon (overdue ones included).
        var due = new Dictionary<int, List<CaseRecord>>();
        foreach (var id in agencyIds)
        {
            var horizon = calendar.AddWorkingDays(today, settings.GetValueOrDefault(id, ReminderSettingsRecord.DefaultDaysAhead));
            due[id] = await db.Cases.AsNoTracking()
                .Where(c => c.AgencyId == id && c.ClosedOn == null && c.ReplyDue != null && c.ReplyDue <= horizon && c.Status != nameof(CaseStatus.AwaitingSupplement))
                .OrderBy(c => c.ReplyDue).ThenBy(c => c.Number).ToListAsync(cancellationToken);
        }

        var result = new Dictionary<string, ReminderList>(StringComparer.Ordinal);
        foreach (var person in held.GroupBy(m => m.UserId))
        {
            var groups = new List<ReminderGroup>();
            foreach (var agency in person.GroupBy(m => m.AgencyId).OrderBy(g => g.Key))
            {
                var officer = agency.Any(m => m.Role == OfficerRole);
                var items = due[agency.Key]
                    .Where(c => c.HandlerId == person.Key || (officer && c.HandlerId == null))
                    .Select(c => new ReminderItem(c.Id, c.Number, c.ApplicantName, c.ReplyDue!.Value, ClockReading.Running(c.ReplyDue!.Value, today, calendar), c.HandlerId == null))
                    .ToList();
                groups.Add(new ReminderGroup(agency.Key, agencies.GetValueOrDefault(agency.Key, string.Empty), settings.GetValueOrDefault(agency.Key, ReminderSettingsRecord.DefaultDaysAhead), items));
            }

            result[person.Key] = new ReminderList(today, groups);
        }

        return result;
    }
}

/// <summary>The in-app reminder list (我的提醒) of one person in one agency, on today's date in China.</summary>
public sealed class ListMyReminders(GongkaiDbContext db, CaseCalendar calendar, TimeProvider clock)
{
    public async Task<ReminderGroup> ExecuteAsync(string userId, int agencyId, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var all = await ReminderRules.ForPeopleAsync(db, await calendar.GetAsync(db, cancellationToken), today, [userId], agencyId, cancellationToken);
        if (all.TryGetValue(userId, out var mine) && mine.Groups.FirstOrDefault(g => g.AgencyId == agencyId) is { } group)
        {
            return group;
        }

        return new ReminderGroup(agencyId, string.Empty, await WorklistFilter.DueSoonDaysAsync(db, agencyId, cancellationToken), []);
    }
}

/// <summary>An agency's reminder setting and who, among its staff who handle cases, has no e-mail address for the digest.</summary>
public sealed record ReminderSettingsView(int DaysAhead, IReadOnlyList<string> WithoutEmail);

/// <summary>Reads an agency's 提前提醒的工作日数 (default 3) and the staff the daily digest cannot reach.</summary>
public sealed class ReadReminderSettings(GongkaiDbContext db)
{
    public async Task<ReminderSettingsView> ExecuteAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var days = await WorklistFilter.DueSoonDaysAsync(db, agencyId, cancellationToken);
        var ids = await db.StaffMemberships.AsNoTracking().Where(m => m.AgencyId == agencyId && CaseHandlers.Roles.Contains(m.Role)).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
        var without = await db.StaffNames.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.Disabled && (u.Email == null || u.Email == string.Empty))
            .Select(u => new { u.DisplayName, u.UserName }).ToListAsync(cancellationToken);
        return new ReminderSettingsView(days, [.. without.Select(u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? string.Empty : u.DisplayName).Order(StringComparer.Ordinal)]);
    }
}

/// <summary>Sets an agency's 提前提醒的工作日数 (<see cref="ReminderRules.MinDaysAhead"/>–<see cref="ReminderRules.MaxDaysAhead"/>).</summary>
public sealed class SaveReminderSettings(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<Result<int>> ExecuteAsync(int agencyId, int? daysAhead, string actor, CancellationToken cancellationToken = default)
    {
        if (daysAhead is not { } days || days < ReminderRules.MinDaysAhead || days > ReminderRules.MaxDaysAhead)
        {
            return new Refused($"提前提醒的工作日数：请填写{ReminderRules.MinDaysAhead}到{ReminderRules.MaxDaysAhead}之间的整数", "ReminderDays");
        }

        var record = await db.ReminderSettings.SingleOrDefaultAsync(s => s.AgencyId == agencyId, cancellationToken);
        if (record is null)
        {
            record = new ReminderSettingsRecord { AgencyId = agencyId };
            db.ReminderSettings.Add(record);
        }

        record.DaysAhead = days;
        record.UpdatedBy = actor;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok(days);
    }
}

/// <summary>The reminder use cases.</summary>
public static class ReminderServices
{
    public static IServiceCollection AddReminderUseCases(this IServiceCollection services)
    {
        services.AddScoped<ListMyReminders>();
        services.AddScoped<ReadReminderSettings>();
        services.AddScoped<SaveReminderSettings>();
        services.AddScoped<SendReminderDigests>();
        return services;
    }
}
