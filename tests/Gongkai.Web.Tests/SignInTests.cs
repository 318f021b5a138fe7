using System.Net;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

public class SignInTests
{
    private const string FailedMessage = Pages.Account.LoginModel.FailedMessage;

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
        Assert.Contains(FailedMessage, await response.Content.ReadAsStringAsync());
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
        Assert.Contains(FailedMessage, await response.Content.ReadAsStringAsync());
        using var staff = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownDisabledLockedOrWrongPassword_AllGetTheSameMessage()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        await Staff.CreateAsync(app, "locked", StaffRoles.DisclosureOfficer);
        var disabled = await Staff.CreateAsync(app, "gone", StaffRoles.DisclosureOfficer);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByIdAsync(disabled.Id);
            user!.Disabled = true;
            await users.UpdateAsync(user);
        }

        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.SignInAsync("locked", "wrong-pass-" + i)).Dispose();
        }

        var answers = new List<string>();
        foreach (var (name, password) in new[] { ("nobody", Staff.Password), ("admin", "wrong-pass-9"), ("gone", Staff.Password), ("locked", Staff.Password) })
        {
            using var response = await client.SignInAsync(name, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            answers.Add(System.Text.RegularExpressions.Regex.Match(html, "id=\"login-error\">([^<]*)<").Groups[1].Value);
        }

        Assert.All(answers, a => Assert.Equal(FailedMessage, a));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UsersPage_AdministratorUnlocksALockedAdministrator_WhoSignsInAtOnce(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        await Staff.CreateAsync(app, "admin2", StaffRoles.Administrator);
        using var intruder = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            (await intruder.SignInAsync("admin", "wrong-pass-" + i)).Dispose();
        }

        using var locked = app.NewClient();
        using (var refused = await locked.SignInAsync("admin", GongkaiApp.AdminPassword))
        {
            Assert.Contains(FailedMessage, await refused.Content.ReadAsStringAsync());
        }

        using var other = await SignedInAsync(app, "admin2");
        var page = await other.GetTextAsync("/staff/admin/users");
        Assert.Contains("锁定中", page);
        var unlock = System.Text.RegularExpressions.Regex.Match(page, "action=\"([^\"]*handler=Unlock[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(unlock);

        using var unlocked = await other.PostFormAsync("/staff/admin/users", unlock);

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Contains("已解锁账号 admin。", await other.GetTextAsync("/staff/admin/users"));
        await locked.SignInOkAsync("admin", GongkaiApp.AdminPassword);
    }

    [Fact]
    public async Task UsersPage_UnlockAnAccountThatIsNotLocked_SaysSo()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        var officer = await Staff.CreateAsync(app, "zhou", StaffRoles.DisclosureOfficer);
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);

        using var response = await admin.PostFormAsync("/staff/admin/users", $"/staff/admin/users?handler=Unlock&id={officer.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("账号 zhou 未被锁定。", await admin.GetTextAsync("/staff/admin/users"));
    }

    private static async Task<StaffClient> SignedInAsync(GongkaiApp app, string userName)
    {
        var client = app.NewClient();
        await client.SignInOkAsync(userName, Staff.Password);
        return client;
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
            ("Input.UserName", "chen"), ("Input.DisplayName", "公开办 陈一"), ("Input.Roles", StaffRoles.DisclosureOfficer));
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
            Assert.Equal([StaffRoles.DisclosureOfficer], await Staff.RolesInAsync(app, "chen", await Staff.RootIdAsync(app)));
            id = user!.Id;
        }

        using var disabled = await admin.PostFormAsync("/staff/admin/users", $"/staff/admin/users?handler=Disable&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var again = app.NewClient();
        using var refused = await again.SignInAsync("chen", password);
        Assert.Contains(FailedMessage, await refused.Content.ReadAsStringAsync());
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
