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
    public async Task Login_MoreSubmissionsThanTheLimit_Answers429()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["RateLimits:PublicForms:PermitLimit"] = "3",
            ["RateLimits:PublicForms:WindowSeconds"] = "600",
        });
        using var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SignInAsync("nobody", "wrong-pass-1");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("提交过于频繁", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
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
