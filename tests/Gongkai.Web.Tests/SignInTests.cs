using System.Net;
using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

public class SignInTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_WrongPassword_SaysSoInChineseAndStaysOut(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        await Staff.CreateAsync(app, "zhang", StaffRoles.DisclosureOfficer);
        using var client = app.NewClient();

        using var response = await client.SignInAsync("zhang", "wrong-pass-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
        using var staff = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        await Staff.CreateAsync(app, "li", StaffRoles.DisclosureOfficer);
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.SignInAsync("li", "wrong-pass-" + i)).Dispose();
        }

        using var response = await client.SignInAsync("li", Staff.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号已锁定15分钟", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = await Staff.SignedInAsync(app, "wang", StaffRoles.Supervisor);

        using var signOut = await client.PostFormAsync("/staff", "/account/logout");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UsersPage_AdministratorAddsAnOfficer_WhoSignsInWithTheShownPassword_ThenDisablesThem(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);

        using var created = await admin.PostFormAsync("/staff/admin/users", "/staff/admin/users?handler=Create",
            ("Input.UserName", "chen"), ("Input.DisplayName", "公开办 陈一"), ("Input.Role", StaffRoles.DisclosureOfficer));
        var html = await created.Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"secret\">([^<]+)</code>").Groups[1].Value;
        Assert.True(password.Length >= 10, html);
        using var officer = app.NewClient();
        await officer.SignInOkAsync("chen", password);

        string id;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync("chen");
            Assert.True(await users.IsInRoleAsync(user!, StaffRoles.DisclosureOfficer));
            id = user!.Id;
        }

        using var disabled = await admin.PostFormAsync("/staff/admin/users", $"/staff/admin/users?handler=Disable&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var again = app.NewClient();
        using var refused = await again.SignInAsync("chen", password);
        Assert.Contains("该账号已停用", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UsersPage_WeakPassword_IsRefusedByThePolicy()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        var tooShort = await users.CreateAsync(new StaffUser { UserName = "a1" }, "abc12345");
        var noLetter = await users.CreateAsync(new StaffUser { UserName = "a2" }, "1234567890");
        var noDigit = await users.CreateAsync(new StaffUser { UserName = "a3" }, "abcdefghijk");

        Assert.Contains(tooShort.Errors, e => e.Description == "密码至少需要10个字符。");
        Assert.Contains(noLetter.Errors, e => e.Description == "密码须包含字母。");
        Assert.Contains(noDigit.Errors, e => e.Description == "密码须包含数字。");
    }
}
