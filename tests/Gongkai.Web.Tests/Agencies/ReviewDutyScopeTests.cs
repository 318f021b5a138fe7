using System.Globalization;
using System.Net;
using Gongkai.Application.Catalog;
using Gongkai.Application.Staff;
using Gongkai.Data;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Catalog.CatalogFlow;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>
/// 审核岗位 per agency (issue #12 item 3, schema 0020): a 保密审查员 of one agency decides nothing in another where they
/// hold no duty, even with a role there; the administrator gives duties per agency at 用户.
/// </summary>
public class ReviewDutyScopeTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReviewerOfOneAgency_HoldingNoDutyInTheSibling_CannotDecideItsItems(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        var a = await app.AddAgencyAsync("jyj", "示范县教育局");
        var b = await app.AddAgencyAsync("mzj", "示范县民政局");
        await Staff.CreateInAsync(app, "jyj-officer", a.Id, StaffRoles.DisclosureOfficer);
        await Staff.CreateInAsync(app, "mzj-officer", b.Id, StaffRoles.DisclosureOfficer);
        var reviewer = await Staff.CreateInAsync(app, "baomi", a.Id, StaffRoles.ApprovingLeader);
        await Staff.AddMembershipAsync(app, reviewer, b.Id, StaffRoles.ApprovingLeader);

        // The root's administrator gives the duty in 教育局 only, on the users page.
        using (var admin = await AdminAsync(app))
        {
            using var set = await admin.PostFormAsync("/staff/admin/users", "/staff/admin/users?handler=Roles&id=" + reviewer.Id,
                ("roles", $"{a.Id}:{StaffRoles.ApprovingLeader}"), ("roles", $"{b.Id}:{StaffRoles.ApprovingLeader}"), ("duties", $"{a.Id}:保密审查员"));
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            var users = await admin.GetTextAsync("/staff/admin/users");
            Assert.Contains("已将账号 baomi 的角色设为：示范县教育局：审核领导（审核岗位：保密审查员）；示范县民政局：审核领导。", users);
            Assert.Contains("示范县教育局：审核领导；审核岗位：保密审查员", users);
        }

        using var officerA = await SignInAsync(app, "jyj-officer");
        using var officerB = await SignInAsync(app, "mzj-officer");
        using var baomi = await SignInAsync(app, "baomi");
        var pageA = await DraftAsync(officerA, "教育局待审信息", Today(app));
        await StepAsync(officerA, pageA, "Submit");
        var pageB = await DraftAsync(officerB, "民政局待审信息", Today(app));
        await StepAsync(officerB, pageB, "Submit");

        // In 民政局 (a 审核领导 there, no duty): no decision form, a post is refused, the item stays where it was.
        await SwitchAsync(baomi, b.Id);
        var shownB = await baomi.GetTextAsync(pageB);
        Assert.Contains("须由担任“保密审查员”审核岗位的人员审核", shownB);
        Assert.DoesNotContain("handler=Approve", await baomi.GetHtmlAsync(pageB));
        using (var refused = await baomi.PostFormAsync(pageB, pageB + "?handler=Approve", await SeenAsync(baomi, pageB)))
        {
            AssertDenied(refused);
        }

        Assert.Contains("须由担任“保密审查员”审核岗位的人员审核", await officerB.GetTextAsync(pageB));

        // The use case reads the duty for the item's agency at the decision, whatever the page showed.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var itemB = await db.CatalogItems.AsNoTracking().SingleAsync(i => i.AgencyId == b.Id);
            var approve = scope.ServiceProvider.GetRequiredService<ApproveCatalogItem>();
            var result = await approve.ExecuteAsync(new(new(b.Id, itemB.IndexNumber, "baomi", itemB.Version), null, null, reviewer.Id));
            var error = Assert.IsType<Forbidden>(result.Error);
            Assert.Equal("您在本单位没有“保密审查员”审核岗位，不能审核“保密审查”步骤；审核岗位由本单位管理员在用户管理中按单位分配。", error.Message);
            Assert.Equal(itemB.Version, (await db.CatalogItems.AsNoTracking().SingleAsync(i => i.Id == itemB.Id)).Version);
        }

        // In 教育局, where the duty is held: decided.
        await SwitchAsync(baomi, a.Id);
        var decided = await StepAsync(baomi, pageA, "Approve", ("Reason", "不涉密"));
        Assert.Contains("已同意；下一步：科室负责人审核", decided);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UsersPage_DutyWhereThePersonOnlySupervises_IsRefusedWithItsAgency(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, Cases.CaseFlow.NoDemoCases);
        var a = await app.AddAgencyAsync("jyj", "示范县教育局");
        var person = await Staff.CreateInAsync(app, "kanzhe", a.Id, StaffRoles.Supervisor);
        using var admin = await AdminAsync(app);

        using var refused = await admin.PostFormAsync("/staff/admin/users", "/staff/admin/users?handler=Roles&id=" + person.Id,
            ("roles", $"{a.Id}:{StaffRoles.Supervisor}"), ("duties", $"{a.Id}:保密审查员"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("示范县教育局：只有在该单位担任公开办、承办科室、审核领导或管理员的人员才能担任审核岗位（“保密审查员”）；监督只读。",
            await admin.GetTextAsync("/staff/admin/users"));
        using var scope = app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ReviewDutyStore>().HeldAsync(person.Id, a.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrade_FromSchema17_EachDutyClaimBecomesADutyInEveryAgencyOfThePerson_GlobalRolesAreEmptied(DatabaseProvider provider)
    {
        using var db = TestDatabase.Empty(provider);
        await SchemaMigrator.MigrateAsync(db.Settings, targetVersion: 17);
        await using (var context = db.Open())
        {
            string[] statements =
            [
                "INSERT INTO agencies (id, code, name, kind, parent_id, created_at) VALUES (1, 'sfx', '示范县人民政府', 'government', NULL, '2026-01-01 00:00:00+00:00')",
                "INSERT INTO agencies (id, code, name, kind, parent_id, created_at) VALUES (2, 'wjj', '县卫生健康局', 'department', 1, '2026-01-01 00:00:00+00:00')",
                "INSERT INTO agencies (id, code, name, kind, parent_id, created_at) VALUES (3, 'jyj', '县教育局', 'department', 1, '2026-01-01 00:00:00+00:00')",
                "INSERT INTO staff_roles (id, name, normalized_name) VALUES ('r-lead', 'leader', 'LEADER')",
                "INSERT INTO staff_users (id, display_name, agency_id, disabled, created_at, user_name, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, must_change_password) VALUES "
                    + "('u-li', '李审查', 2, false, '2026-01-01 00:00:00+00:00', 'li', false, false, false, true, 0, false)",
                "INSERT INTO staff_user_roles (user_id, role_id) VALUES ('u-li', 'r-lead')",
                "INSERT INTO staff_memberships (user_id, agency_id, role) VALUES ('u-li', 2, 'leader'), ('u-li', 2, 'officer'), ('u-li', 3, 'leader')",
                "INSERT INTO staff_user_claims (user_id, claim_type, claim_value) VALUES ('u-li', 'gongkai:review-duty', '保密审查员'), ('u-li', 'gongkai:review-duty', ' 分管领导 '), ('u-li', 'other', 'kept')",
            ];
            foreach (var sql in statements)
            {
                await context.Database.ExecuteSqlRawAsync(sql);
            }
        }

        var applied = await SchemaMigrator.MigrateAsync(db.Settings);

        Assert.Contains(20, applied);
        await using var after = db.Open();
        var duties = (await after.ReviewDuties.AsNoTracking().ToListAsync()).Select(d => $"{d.AgencyId}:{d.Duty}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2:保密审查员", "2:分管领导", "3:保密审查员", "3:分管领导"], duties);
        await using var staff = StaffDbContext.Open(db.Settings);
        Assert.Equal(["other"], await staff.UserClaims.AsNoTracking().Select(c => c.ClaimType!).ToListAsync());
        Assert.Equal(0, await staff.UserRoles.CountAsync());
        Assert.Equal(3, await staff.Memberships.CountAsync());
    }

    private static async Task<StaffClient> SignInAsync(GongkaiApp app, string userName)
    {
        var client = app.NewClient();
        await client.SignInOkAsync(userName, Staff.Password);
        return client;
    }

    private static async Task SwitchAsync(StaffClient client, int agencyId)
    {
        using var switched = await client.PostFormAsync("/staff", "/staff/agency", ("agencyId", agencyId.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
    }
}
