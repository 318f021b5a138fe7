using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>Staff accounts (#13 item 6): several roles, display names, own password change, forced change, reset.</summary>
public partial class AccountTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UsersPage_NewAccountWithTwoRoles_MustChangeTheShownPasswordBeforeTheBackOffice(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using var created = await admin.PostFormAsync("/staff/admin/users", "/staff/admin/users?handler=Create",
            ("Input.UserName", "wangfang"), ("Input.DisplayName", "王芳"), ("Input.Roles", StaffRoles.DisclosureOfficer), ("Input.Roles", StaffRoles.ApprovingLeader));
        var password = Secret(await created.Content.ReadAsStringAsync());

        using var person = app.NewClient();
        await person.SignInOkAsync("wangfang", password);
        using (var blocked = await person.GetAsync("/staff/cases"))
        {
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/account/password", blocked.Headers.Location?.OriginalString);
        }

        using (var api = await person.GetAsync("/api/reports"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }

        Assert.Contains("请先设置自己的密码", await person.GetTextAsync("/account/password"));
        using (var mismatch = await person.PostFormAsync("/account/password", "/account/password",
            ("CurrentPassword", password), ("NewPassword", "wang-fang-2026"), ("ConfirmPassword", "wang-fang-2027")))
        {
            Assert.Contains("两次输入的新密码不一致。", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
        }

        using (var wrong = await person.PostFormAsync("/account/password", "/account/password",
            ("CurrentPassword", "not-the-password-1"), ("NewPassword", "wang-fang-2026"), ("ConfirmPassword", "wang-fang-2026")))
        {
            Assert.Contains("当前密码不正确。", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        }

        using (var changed = await person.PostFormAsync("/account/password", "/account/password",
            ("CurrentPassword", password), ("NewPassword", "wang-fang-2026"), ("ConfirmPassword", "wang-fang-2026")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            Assert.Equal("/staff", changed.Headers.Location?.OriginalString);
        }

        var home = await person.GetTextAsync("/staff");
        Assert.Contains("密码已修改。", home);
        Assert.Contains("<span class=\"who\" title=\"wangfang\">王芳</span>", home);
        using (var cases = await person.GetAsync("/staff/cases"))
        {
            Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        }

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync("wangfang");
        Assert.False(user!.MustChangePassword);
        Assert.Equal([StaffRoles.ApprovingLeader, StaffRoles.DisclosureOfficer], await Staff.RolesInAsync(app, "wangfang", await Staff.RootIdAsync(app)));
        var usersPage = await admin.GetTextAsync("/staff/admin/users");
        Assert.Contains("公开办、审核领导", usersPage);
    }

    [Fact]
    public async Task UsersPage_NoRoleTicked_IsRefusedWithItsMessage()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using var refused = await admin.PostFormAsync("/staff/admin/users", "/staff/admin/users?handler=Create",
            ("Input.UserName", "li"), ("Input.DisplayName", "李四"));
        Assert.Contains("请至少选择一个角色。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("li"));
    }

    [Fact]
    public async Task UsersPage_ChangesRoles_AndRefusesToTakeTheAdministratorsOwnRole()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        var officer = await Staff.CreateAsync(app, "zhao", StaffRoles.DisclosureOfficer);
        var root = await Staff.RootIdAsync(app);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using (var set = await admin.PostFormAsync("/staff/admin/users", $"/staff/admin/users?handler=Roles&id={officer.Id}",
            ("roles", $"{root}:{StaffRoles.DisclosureOfficer}"), ("roles", $"{root}:{StaffRoles.Supervisor}")))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.Contains($"已将账号 zhao 的角色设为：{Gongkai.Web.Infrastructure.DemoData.AgencyName}：公开办、监督（只读）。", await admin.GetTextAsync("/staff/admin/users"));

        string adminId;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.Equal([StaffRoles.DisclosureOfficer, StaffRoles.Supervisor], await Staff.RolesInAsync(app, "zhao", root));
            adminId = (await users.FindByNameAsync("admin"))!.Id;
        }

        (await admin.PostFormAsync("/staff/admin/users", $"/staff/admin/users?handler=Roles&id={adminId}", ("roles", $"{root}:{StaffRoles.DisclosureOfficer}"))).Dispose();
        Assert.Contains("不能取消自己的管理员角色。", await admin.GetTextAsync("/staff/admin/users"));
        (await admin.PostFormAsync("/staff/admin/users", $"/staff/admin/users?handler=Roles&id={officer.Id}")).Dispose();
        Assert.Contains("账号 zhao：请至少选择一个单位的一个角色。", await admin.GetTextAsync("/staff/admin/users"));
    }

    [Fact]
    public async Task UsersPage_Reset_GivesATemporaryPassword_TheOldOneStops_AndTheChangeIsForced()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        var officer = await Staff.CreateAsync(app, "sun", StaffRoles.DisclosureOfficer);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using var reset = await admin.PostFormAsync("/staff/admin/users", $"/staff/admin/users?handler=Reset&id={officer.Id}");
        var html = WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync());
        Assert.Contains("已重置账号 <strong>sun</strong> 的密码", html);
        var temporary = Secret(html);

        using var old = app.NewClient();
        Assert.Contains(Pages.Account.LoginModel.FailedMessage, WebUtility.HtmlDecode(await (await old.SignInAsync("sun", Staff.Password)).Content.ReadAsStringAsync()));
        using var person = app.NewClient();
        await person.SignInOkAsync("sun", temporary);
        using var blocked = await person.GetAsync("/staff");
        Assert.Equal("/account/password", blocked.Headers.Location?.OriginalString);
        Assert.Contains("待修改初始密码", await admin.GetTextAsync("/staff/admin/users"));
    }

    [Fact]
    public async Task OwnPasswordChange_WithoutBeingForced_Works_AndTheNewPasswordSignsIn()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var person = await Staff.SignedInAsync(app, "qian", StaffRoles.Supervisor);
        Assert.Contains("修改密码", await person.GetTextAsync("/staff"));
        using (var changed = await person.PostFormAsync("/account/password", "/account/password",
            ("CurrentPassword", Staff.Password), ("NewPassword", "qian-new-2026"), ("ConfirmPassword", "qian-new-2026")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        using var again = app.NewClient();
        await again.SignInOkAsync("qian", "qian-new-2026");
        using var weak = await again.PostFormAsync("/account/password", "/account/password",
            ("CurrentPassword", "qian-new-2026"), ("NewPassword", "short1"), ("ConfirmPassword", "short1"));
        Assert.Contains("密码至少需要10个字符。", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task FirstAdministrator_WithAGeneratedPassword_MustChangeIt_WithAConfiguredOneNot()
    {
        using var configured = new GongkaiApp(DatabaseProvider.Sqlite);
        using var generated = configured.WithWebHostBuilder(b => b.UseSetting("GONGKAI_ADMIN_PASSWORD", string.Empty));
        using (var scope = generated.Services.CreateScope())
        {
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("admin");
            Assert.True(admin!.MustChangePassword);
        }

        using var other = new GongkaiApp(DatabaseProvider.Sqlite);
        using (var scope = other.Services.CreateScope())
        {
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("admin");
            Assert.False(admin!.MustChangePassword);
        }
    }

    [Fact]
    public async Task Administrator_RegistersAndImportsCases_ButA403IsChineseInTheStaffLayout()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        foreach (var page in new[] { "/staff/cases/new", "/staff/cases/import" })
        {
            using var response = await admin.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var supervisor = await Staff.SignedInAsync(app, "zhou", StaffRoles.Supervisor);
        using var denied = await supervisor.GetAsync("/staff/cases/new");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        using var page403 = await supervisor.GetAsync(denied.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, page403.StatusCode);
        var html = WebUtility.HtmlDecode(await page403.Content.ReadAsStringAsync());
        Assert.Contains("无权访问", html);
        Assert.Contains("aria-label=\"后台导航\"", html);
        Assert.Contains("<span class=\"who\" title=\"zhou\">zhou</span>", html);
    }

    private static string Secret(string html) =>
        SecretCode().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no password shown: " + html);

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretCode();
}
