using System.Net;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Web.Tests;

public class StartupTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FirstStart_EmptyDatabase_MigratesAndSeedsTheDemoAgencyAndAdministrator(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, new Dictionary<string, string?> { ["Demo:Government"] = "true" });
        using var client = app.NewClient();

        await client.SignInOkAsync(StartupTasks.AdministratorUserName, GongkaiApp.AdminPassword);

        Assert.Equal(SchemaMigrator.LatestVersion(provider), await SchemaMigrator.CurrentVersionAsync(app.Database.Settings));
        await using var db = app.Database.Open();
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync();
        Assert.Equal(("示范县卫生健康局", "department"), (agency.Name, agency.Kind));
        Assert.Equal("示范县人民政府", (await db.Agencies.SingleAsync(a => a.ParentId == null)).Name);
        Assert.Equal(3, await db.Departments.CountAsync(d => d.AgencyId == agency.Id));
        Assert.Contains("示范县卫生健康局", await client.GetHtmlAsync("/"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SecondInstance_SameDatabase_AddsNothingAndAcceptsTheFirstInstancesSignIn(DatabaseProvider provider)
    {
        using var first = new GongkaiApp(provider, new Dictionary<string, string?> { ["Demo:Government"] = "true" });
        using var second = first.SecondInstance();
        using var http = first.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        // Sign in on the first instance by hand, keeping the cookies it sets.
        using var form = await http.GetAsync("/account/login");
        var antiforgery = Cookies(form);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = StartupTasks.AdministratorUserName,
                ["Password"] = GongkaiApp.AdminPassword,
                ["__RequestVerificationToken"] = StaffClient.Token(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The second instance reads the first's auth cookie: the Data Protection keys live in the database.
        using var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", Cookies(signedIn));
        using var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = first.Database.Open();
        Assert.Equal(Gongkai.Data.Demo.DemoGovernment.Agencies.Count + 1, await db.Agencies.CountAsync()); // the demo government once, not twice
        Assert.True(await db.DataProtectionKeys.AnyAsync());
        await using var staff = StaffDbContext.Open(first.Database.Settings);
        // The administrator and the demo supervisor, once (no 卫健局 officer: this demo has no agency with code wjj).
        Assert.Equal([StartupTasks.AdministratorUserName, StartupTasks.DemoSupervisorUserName, StartupTasks.DemoOfficerUserName], (await staff.Users.Select(u => u.UserName!).ToListAsync()).Order(StringComparer.Ordinal));
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Healthz_DatabaseReachable_Returns200(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var client = app.NewClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_DatabaseGone_Returns503()
    {
        using var app = new GongkaiApp(DatabaseProvider.PostgreSql);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var name = new NpgsqlConnectionStringBuilder(app.Database.Settings.ConnectionString).Database;
        await using (var admin = new NpgsqlConnection(PostgresServer.Instance.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"ALTER DATABASE {name} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}';", admin);
            await command.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
