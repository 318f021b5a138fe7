using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Application.Cases;
using Gongkai.Application.Reminders;
using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Gongkai.TestSupport;
using Gongkai.Web.Reminders;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.AssignmentTests;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>A clock the test sets (China time).</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Sets the clock to a moment in China.</summary>
    public void SetChina(int year, int month, int day, int hour, int minute) => Now = new DateTimeOffset(year, month, day, hour, minute, 0, ChinaTime.Offset);

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>
/// Reminders (issue #13, item 5): the in-app list on the staff home and the daily digest e-mail, on a clock set to the
/// 2025 National Day holiday (1–8 October off; Sunday 28 September and Saturday 11 October working days).
/// </summary>
public class ReminderTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    private static MovableClock Monday29September(int hour) => new(new DateTimeOffset(2025, 9, 29, hour, 0, 0, ChinaTime.Offset));

    /// <summary>The arrival day whose Art. 33 reply date (20 working days) falls on <paramref name="due"/>.</summary>
    private static async Task<DateOnly> ArrivalForAsync(GongkaiApp app, DateOnly due)
    {
        using var scope = app.Services.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<CaseCalendar>().GetAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
        var day = due;
        while (calendar.AddWorkingDays(day, 20) > due)
        {
            day = day.AddDays(-1);
        }

        Assert.Equal(due, calendar.AddWorkingDays(day, 20));
        return day;
    }

    private static async Task<string> CaseDueAsync(GongkaiApp app, StaffClient officer, string name, DateOnly due) =>
        await RegisterAsync(officer, name, arrived: await ArrivalForAsync(app, due));

    /// <summary>
    /// Cases of the root agency: overdue since Friday 26 September (2 working days on Monday 29th: Sunday 28th is one),
    /// due on 10 October (3 working days left across the holiday), due on Saturday 11 October (a make-up working day: 4
    /// left), due on 13 October (5 left), one due on 9 October but paused for a consultation (Art. 32), one assigned to 王芳; the rest unassigned.
    /// </summary>
    private static async Task<(StaffClient Officer, Gongkai.Web.Security.StaffUser Wang, Gongkai.Web.Security.StaffUser Zhang)> SeedAsync(GongkaiApp app)
    {
        var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var root = await Staff.RootIdAsync(app);
        var wang = await PersonAsync(app, "wangfang", "王芳", "wangfang@example.gov.cn", root, StaffRoles.DepartmentLiaison);
        var zhang = await PersonAsync(app, "zhangsan", "张三", "zhangsan@example.gov.cn", root, StaffRoles.DisclosureOfficer);
        await PersonAsync(app, "noemail", "没邮箱", null, root, StaffRoles.DisclosureOfficer);
        var overdue = await CaseDueAsync(app, officer, "超期申请人", new DateOnly(2025, 9, 26));
        await CaseDueAsync(app, officer, "十日到期人", new DateOnly(2025, 10, 10));
        await CaseDueAsync(app, officer, "十一日到期人", new DateOnly(2025, 10, 11));
        await CaseDueAsync(app, officer, "十三日到期人", new DateOnly(2025, 10, 13));
        var paused = await CaseDueAsync(app, officer, "征求意见人", new DateOnly(2025, 10, 9));
        Assert.Contains("已记录：征求意见", await StepAsync(officer, paused, "ConsultStart", ("Step.Date", "2025-09-29"), ("Step.Party", "ThirdParty")));
        using var response = await officer.PostFormAsync(overdue, overdue + "/handler", ("HandlerId", wang.Id), ("Version", "1"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (officer, wang, zhang);
    }

    private static string Panel(string home) => Regex.Match(home, "<section class=\"panel reminders\".*?</section>", RegexOptions.Singleline).Value;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StaffHome_Reminders_WorkingDaysAcrossTheHoliday_AssignedAndUnassigned_NSetByAdministrator(DatabaseProvider provider)
    {
        var clock = Monday29September(9);
        using var app = new GongkaiApp(provider, NoDemoCases, clock);
        var (officer, _, _) = await SeedAsync(app);

        // 公开办: the agency's unassigned cases within 3 working days (the default); not the one assigned to 王芳.
        var panel = Panel(await officer.GetTextAsync("/staff"));
        Assert.True(panel.Contains("我的提醒（1）", StringComparison.Ordinal), panel);
        Assert.Contains("十日到期人", panel);
        Assert.Contains("剩余3个工作日", panel);
        Assert.Contains("（尚未指定承办人）", panel);
        Assert.DoesNotContain("超期申请人", panel);
        Assert.DoesNotContain("十一日到期人", panel);
        Assert.DoesNotContain("征求意见人", panel);

        // 王芳: the case assigned to her, overdue by 2 working days (Sunday 28 September was one).
        using var wang = await SignInAsync(app, "wangfang");
        var hers = Panel(await wang.GetTextAsync("/staff"));
        Assert.Contains("我的提醒（1）", hers);
        Assert.Contains("超期申请人", hers);
        Assert.Contains("已超期2个工作日", hers);
        Assert.DoesNotContain("十日到期人", hers);

        // The administrator sets N: 0 and 21 are refused beside the field; 4 takes in Saturday 11 October.
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        foreach (var bad in new[] { "0", "21", "三" })
        {
            using var refused = await admin.PostFormAsync("/staff/admin/settings", "/staff/admin/settings?handler=Reminders", ("ReminderDays", bad));
            Assert.True(refused.StatusCode == HttpStatusCode.OK, refused.Headers.Location?.OriginalString);
            Assert.Contains("提前提醒的工作日数：请填写1到20之间的整数", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }

        var settings = await admin.GetTextAsync("/staff/admin/settings");
        Assert.Contains("以下工作人员没有填写电子邮箱，收不到提醒邮件", settings);
        Assert.Contains("没邮箱", settings);
        using (var saved = await admin.PostFormAsync("/staff/admin/settings", "/staff/admin/settings?handler=Reminders", ("ReminderDays", "4")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains("value=\"4\"", await admin.GetHtmlAsync("/staff/admin/settings"));
        panel = Panel(await officer.GetTextAsync("/staff"));
        Assert.Contains("我的提醒（2）", panel);
        Assert.Contains("十一日到期人", panel);
        Assert.Contains("剩余4个工作日", panel);
        Assert.DoesNotContain("十三日到期人", panel);

        // A week later the clock moved on: 10 October is today (今日到期), 13 October within 4 working days.
        clock.SetChina(2025, 10, 10, 9, 0);
        using var later = await SignInAsync(app, "officer1"); // yesterday's sign-in has expired
        panel = Panel(await later.GetTextAsync("/staff"));
        Assert.Contains("今日到期", panel);
        Assert.Contains("十三日到期人", panel);
        Assert.Contains("剩余2个工作日", panel);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Digest_TwoInstancesAtEightOClock_OneEmailPerPersonWithTheirCases_NoneTwice(DatabaseProvider provider)
    {
        using var smtp = new SmtpTestServer();
        var settings = new Dictionary<string, string?>(NoDemoCases.Concat(smtp.Settings)) { ["Reminders:PollSeconds"] = "0.2" };
        var clock = Monday29September(7);
        using var app = new GongkaiApp(provider, settings, clock);
        using var second = app.SecondInstance(settings);
        _ = second.Services; // both instances run their workers from here on
        var (_, wang, zhang) = await SeedAsync(app);

        await Task.Delay(1000);
        Assert.Empty(smtp.Messages); // 07:00: not yet.

        clock.SetChina(2025, 9, 29, 8, 1);
        var received = await smtp.WaitForAsync(2);
        await Task.Delay(2000);
        received = smtp.Messages;
        // 王芳 and 张三 (公开办, the unassigned case); officer1 and 没邮箱 have no address: skipped.
        Assert.Equal(2, received.Count);
        var toWang = received.Single(m => m.To.Mailboxes.Single().Address == wang.Email);
        Assert.Contains("2025年9月29日", toWang.Subject);
        Assert.Contains("已超期1件，即将到期0件", toWang.Subject);
        Assert.Contains("王芳：", toWang.TextBody);
        Assert.Contains("超期申请人", toWang.TextBody);
        Assert.Contains("已超期2个工作日", toWang.TextBody);
        Assert.DoesNotContain("十日到期人", toWang.TextBody);
        var toZhang = received.Single(m => m.To.Mailboxes.Single().Address == zhang.Email);
        Assert.Contains("十日到期人", toZhang.TextBody);
        Assert.Contains("剩余3个工作日", toZhang.TextBody);
        Assert.Contains("（尚未指定承办人）", toZhang.TextBody);
        Assert.DoesNotContain("超期申请人", toZhang.TextBody);
        Assert.Matches("/staff/cases/\\d+", toZhang.TextBody);

        // A restart the same day (either instance running the job again) sends nothing.
        Assert.False((await app.Services.GetRequiredService<ReminderDigestWorker>().RunIfDueAsync(CancellationToken.None)).Sent);
        Assert.False((await second.Services.GetRequiredService<ReminderDigestWorker>().RunIfDueAsync(CancellationToken.None)).Sent);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var day = Assert.Single(await db.ReminderDigests.AsNoTracking().ToListAsync());
            Assert.Equal(new DateOnly(2025, 9, 29), day.Day);
            Assert.Equal(2, day.Messages);
            Assert.Equal(2, day.SkippedNoEmail);
        }

        Assert.Equal(2, smtp.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Digest_ManyRunsAtOnce_ExactlyOneQueuesTheDay(DatabaseProvider provider)
    {
        // The app's own worker looks once at start (07:00: too early) and then not for an hour.
        var clock = Monday29September(7);
        using var app = new GongkaiApp(provider, new Dictionary<string, string?>(NoDemoCases) { ["Reminders:PollSeconds"] = "3600" }, clock);
        await SeedAsync(app);
        clock.SetChina(2025, 9, 29, 9, 0);
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<SendReminderDigests>().ExecuteAsync("run" + i);
        })));
        Assert.Single(runs, r => r.Sent);
        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.Equal(2, await db.MailOutbox.CountAsync(m => m.Subject.StartsWith("政府信息公开申请每日提醒")));
    }
}
