using System.Net;
using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests;

public class ProtectionTests
{
    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_IsRefused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = app.NewClient();
        await client.GetHtmlAsync("/account/login");

        using var response = await client.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = GongkaiApp.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无效", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task StaffForm_PostWithoutAntiforgeryToken_IsRefusedEvenWhenSignedIn()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = await Staff.SignedInAsync(app, "officer", StaffRoles.DisclosureOfficer);

        using var response = await client.Http.PostAsync("/staff/reports/2024?handler=Publish", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_MoreAttemptsFromOneAddressThanTheLimit_Answers429()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PerAddressPermitLimit"] = "3",
            ["RateLimits:SignIn:WindowSeconds"] = "600",
        });
        using var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SignInAsync("nobody" + i, "wrong-pass-1");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("登录尝试过于频繁，请稍后再试。", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task Login_MoreAttemptsOnOneAccountThanTheLimit_Answers429ForThatAccountOnly()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PerAccountPermitLimit"] = "2",
            ["RateLimits:SignIn:WindowSeconds"] = "600",
        });
        using var client = app.NewClient();
        (await client.SignInAsync("Zhang", "wrong-pass-1")).Dispose();
        (await client.SignInAsync("zhang", "wrong-pass-2")).Dispose();

        using var third = await client.SignInAsync("ZHANG ", "wrong-pass-3");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("登录尝试过于频繁，请稍后再试。", await third.Content.ReadAsStringAsync());
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
    }

    [Fact]
    public async Task StatusLookups_UsedUp_BlockNeitherSignInNorApplications()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["RateLimits:StatusLookups:PermitLimit"] = "3",
            ["RateLimits:StatusLookups:WindowSeconds"] = "600",
            ["RateLimits:PublicForms:PermitLimit"] = "3",
            ["RateLimits:PublicForms:WindowSeconds"] = "600",
        });
        using var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
        {
            using var response = await client.PostFormAsync("/status", "/status", ("Number", "2025-W00001"), ("Code", "WRONGCODE234"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 6)], statuses);
        using var application = await Cases.PortalApplicationTests.ApplyAsync(client, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        Assert.Equal(HttpStatusCode.OK, application.StatusCode);
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);
    }

    [Fact]
    public async Task Pages_SecurityHeaders_AreSet()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = app.NewClient();

        using var response = await client.GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
