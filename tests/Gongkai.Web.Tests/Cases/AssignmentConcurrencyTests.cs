using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Domain.Results;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>分配给… by several people at the same instant on the same cases: one batch wins whole, the others are told who changed what.</summary>
public partial class AssignmentTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BulkAssign_SixPeopleAtOnceOnTheSameThreeCases_OneBatchWinsWhole_OthersGetTheConflictMessage(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var root = await Staff.RootIdAsync(app);
        var wang = await PersonAsync(app, "wangfang", "王芳", null, root, StaffRoles.DepartmentLiaison);
        var li = await PersonAsync(app, "lisi", "李四", null, root, StaffRoles.DepartmentLiaison);
        foreach (var name in new[] { "申请人甲", "申请人乙", "申请人丙" })
        {
            await RegisterAsync(officer, name, arrived: Today(app));
        }

        List<SeenCase> seen;
        await using (var db = app.Database.Open())
        {
            seen = await db.Cases.Where(c => c.AgencyId == root).OrderBy(c => c.Id).Select(c => new SeenCase(c.Id, c.Version)).ToListAsync();
        }

        Assert.Equal(3, seen.Count);
        // Six people, each from the list they saw (every case at version 1), half to 王芳 and half to 李四, the order of the ticks differing.
        using var start = new SemaphoreSlim(0);
        var batches = Enumerable.Range(0, 6).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var assign = scope.ServiceProvider.GetRequiredService<AssignCases>();
            var ticked = i % 2 == 0 ? seen : [.. Enumerable.Reverse(seen)];
            await start.WaitAsync();
            return await assign.ExecuteAsync(new AssignCasesRequest(root, ticked, i % 2 == 0 ? wang.Id : li.Id, "officer" + i));
        }).ToList();
        start.Release(6);
        var results = await Task.WhenAll(batches);

        // One batch assigns all three. Each other one is refused whole as a conflict naming who assigned what — or, when it
        // asked for the same 承办人 and read the cases after the winner had written, finds them already so (nothing to do).
        var winner = Assert.Single(results, r => r.Value is { Assigned: > 0 });
        Assert.Equal(3, winner.Value!.Assigned);
        Assert.All(results.Where(r => r != winner), r =>
        {
            if (r.Value is { } same)
            {
                Assert.Equal((0, 3, winner.Value.HandlerName), (same.Assigned, same.Unchanged, same.HandlerName));
                return;
            }

            Assert.IsType<Conflict>(r.Error);
            Assert.StartsWith("未分配任何案件：", r.Error!.Message, StringComparison.Ordinal);
            Assert.Contains("请刷新后重试", r.Error.Message, StringComparison.Ordinal);
        });
        Assert.Contains(results, r => r.Error is Conflict);

        // All or none: every case has the winner's 承办人 and one assignment in its history.
        await using var check = app.Database.Open();
        var cases = await check.Cases.Where(c => c.AgencyId == root).ToListAsync();
        var handler = winner.Value.HandlerName == "王芳" ? wang.Id : li.Id;
        Assert.All(cases, c => Assert.Equal((handler, 2), (c.HandlerId, c.Version)));
        var ids = cases.Select(c => c.Id).ToList();
        Assert.Equal(3, await check.CaseEvents.CountAsync(e => ids.Contains(e.CaseId) && e.Type == "handlerAssigned"));
    }
}
