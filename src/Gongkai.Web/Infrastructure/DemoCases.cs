using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Cases;
using Gongkai.Data.Demo;
using Gongkai.Data.Records;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A year of demo cases for the demo agency (about 150 over the past 14 months), made as an office would make them:
/// older closed cases through the ledger import, every choice from the one generator (<see cref="CaseGenerator"/>, also the benchmarks'), recent ones step by step through the case store (补正, 征求意见,
/// 延期, 收费, 答复, 撤回), some open, some due soon, a few overdue; and three review/litigation records.
/// Deterministic for a given day. Runs after the start-up transaction when the demo agency was just created.
/// </summary>
public static class DemoCases
{
    /// <summary>Who the demo steps were recorded by (shown in the timelines).</summary>
    public const string Actor = "示范数据";

    private static readonly Channel[] Channels = [Channel.Online, Channel.Online, Channel.Online, Channel.InPerson, Channel.SignedPost, Channel.Email, Channel.OrdinaryPost, Channel.Fax];

    public static async Task SeedAsync(GongkaiDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync(cancellationToken);
        if (await db.Cases.AnyAsync(c => c.AgencyId == agency.Id, cancellationToken))
        {
            return;
        }

        var departments = await db.Departments.Where(d => d.AgencyId == agency.Id).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        var calendar = await CalendarStore.LoadAsync(db, cancellationToken);
        var today = CaseWorkspace.Today(clock);
        var generator = new CaseGenerator(today.DayNumber);

        // Older cases, closed: as a ledger would bring them (登记 + 按台账办结).
        var rows = generator.ClosedCases(112, today.AddMonths(-14), today.AddDays(-60)).ToList();
        var import = await new LedgerImporter(db, calendar, clock).ImportAsync(agency.Id, rows, Actor, "示范台账.csv", cancellationToken);
        if (!import.Succeeded)
        {
            throw new InvalidOperationException("示范数据无法导入：" + string.Join("; ", import.Errors));
        }

        // Recent cases, step by step.
        var store = new CaseStore(db, calendar, clock);
        var n = 200;
        async Task<long> Register(DateOnly arrived, Channel channel)
        {
            var type = generator.NextApplicant();
            var confirmed = channel.RequiresConfirmation(CaseRules.Default) ? arrived : (DateOnly?)null;
            var result = await store.RegisterAsync(new NewApplication(agency.Id, type, generator.NextName(n++), channel, arrived, Actor, confirmed,
                type == ApplicantType.NaturalPerson ? "11010519" + (800101 + generator.Next(0, 80000)).ToString(CultureInfo.InvariantCulture) + "123X" : null,
                "电话：13" + generator.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture), generator.NextRequest(), "纸质文本，邮寄"), cancellationToken);
            return result.Succeeded ? result.Value!.Id : throw new InvalidOperationException("示范案件登记失败：" + result.Error!.Message);
        }

        async Task Step(long id, CaseEvent step)
        {
            var result = await store.RecordAsync(agency.Id, id, step, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"示范案件步骤失败：{step.Name} {result.Error!.Message}");
            }
        }

        string Department() => departments[generator.Next(0, departments.Count)].ToString(CultureInfo.InvariantCulture);

        // Replied with full histories (about two months back to three weeks back).
        var repliedIds = new List<long>();
        for (var i = 0; i < 14; i++)
        {
            var arrived = Working(calendar, today.AddDays(-60 + (i * 3)));
            var id = await Register(arrived, Channels[i % Channels.Length]);
            var day = arrived;
            await Step(id, new Assigned(day = calendar.AddWorkingDays(day, 1), Actor, Department()));
            switch (i % 4)
            {
                case 0:
                    await Step(id, new SupplementRequested(day = calendar.AddWorkingDays(day, 2), Actor, calendar.AddWorkingDays(day, 10)));
                    await Step(id, new SupplementReceived(day = calendar.AddWorkingDays(day, 4), Actor));
                    break;
                case 1:
                    await Step(id, new ConsultationStarted(day = calendar.AddWorkingDays(day, 3), Actor, ConsultationParty.ThirdParty));
                    await Step(id, new ConsultationEnded(day = calendar.AddWorkingDays(day, 8), Actor));
                    break;
                case 2:
                    await Step(id, new Extended(day = calendar.AddWorkingDays(day, 12), Actor, 15, "示范领导"));
                    break;
                default:
                    break;
            }

            await Step(id, new Replied(calendar.AddWorkingDays(day, 3 + generator.Next(0, 5)) is var replied && replied <= today ? replied : today, Actor, generator.NextReplyOutcome()));
            repliedIds.Add(id);
        }

        // Closed otherwise: a lapsed supplement and a withdrawal.
        var lapsed = await Register(Working(calendar, today.AddDays(-50)), Channel.InPerson);
        var requested = calendar.AddWorkingDays(Working(calendar, today.AddDays(-50)), 2);
        await Step(lapsed, new SupplementRequested(requested, Actor, calendar.AddWorkingDays(requested, 10)));
        await Step(lapsed, new SupplementLapsed(calendar.AddWorkingDays(requested, 11), Actor));
        var withdrawn = await Register(Working(calendar, today.AddDays(-40)), Channel.Online);
        await Step(withdrawn, new Withdrawn(Working(calendar, today.AddDays(-35)), Actor));

        // Open: received 1 to 27 working days ago, so some are due soon and a few are overdue.
        int[] ages = [1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 15, 16, 17, 18, 19, 21, 23, 27];
        for (var i = 0; i < ages.Length; i++)
        {
            var arrived = Back(calendar, today, ages[i]);
            var id = await Register(arrived, Channels[i % Channels.Length]);
            if (i % 3 != 0)
            {
                await Step(id, new Assigned(calendar.AddWorkingDays(arrived, 1) is var d && d <= today ? d : today, Actor, Department()));
            }

            if (i == 5)
            {
                await Step(id, new SupplementRequested(today, Actor, calendar.AddWorkingDays(today, 10)));
            }
            else if (i == 9)
            {
                await Step(id, new ConsultationStarted(today, Actor, ConsultationParty.OtherAgency));
            }
            else if (i == 13)
            {
                await Step(id, new Extended(today, Actor, 20, "示范领导"));
            }
        }

        // Review and litigation (section 四).
        db.ReviewLitigation.AddRange(
            new ReviewLitigationRecord { AgencyId = agency.Id, CaseId = repliedIds[0], Kind = "review", Reference = "示范复字〔" + today.Year.ToString(CultureInfo.InvariantCulture) + "〕12号", FiledOn = today.AddDays(-20), Outcome = "pending" },
            new ReviewLitigationRecord { AgencyId = agency.Id, Kind = "review", Reference = "示范复字〔" + today.AddMonths(-6).Year.ToString(CultureInfo.InvariantCulture) + "〕3号", FiledOn = today.AddMonths(-6), Outcome = "upheld", ConcludedOn = today.AddMonths(-4) },
            new ReviewLitigationRecord { AgencyId = agency.Id, Kind = "litigationDirect", Reference = "（示范）行初字第7号", FiledOn = today.AddMonths(-5), Outcome = "corrected", ConcludedOn = today.AddMonths(-2) });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly Working(IWorkingDayCalendar calendar, DateOnly date)
    {
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The working day <paramref name="days"/> working days before <paramref name="today"/>.</summary>
    private static DateOnly Back(IWorkingDayCalendar calendar, DateOnly today, int days)
    {
        var date = today;
        while (days > 0)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }
}
