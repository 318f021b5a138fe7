using System.Net;
using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;

namespace Gongkai.Web.Tests;

public class RoleTests
{
    [Theory]
    [InlineData(StaffRoles.Supervisor)]
    [InlineData(StaffRoles.ApprovingLeader)]
    [InlineData(StaffRoles.DepartmentLiaison)]
    public async Task ReportPage_ReadOnlyRole_ReadsButCannotSaveOrPublish(string role)
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = await Staff.SignedInAsync(app, "reader", role);

        var html = await client.GetHtmlAsync("/staff/reports/2024");
        using var save = await client.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Save", ("Sections.Overview", "改写"));
        using var publish = await client.PostFormAsync("/staff/reports/2024", "/staff/reports/2024?handler=Publish");

        Assert.Contains("您的角色只能查看年度报告", html);
        Assert.DoesNotContain("发布到门户", html);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.StartsWith("/account/access-denied", save.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.StartsWith("/account/access-denied", publish.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData(StaffRoles.DisclosureOfficer)]
    [InlineData(StaffRoles.Supervisor)]
    public async Task AdminPages_NonAdministrator_IsSentToAccessDenied(string role)
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = await Staff.SignedInAsync(app, "someone", role);

        foreach (var page in new[] { "/staff/admin/users", "/staff/admin/settings" })
        {
            using var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location?.PathAndQuery);
        }
    }

    [Fact]
    public async Task StaffPages_SignedInWithoutAnyRole_AreRefused()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = await Staff.SignedInAsync(app, "norole");

        using var page = await client.GetAsync("/staff/reports");
        using var api = await client.GetAsync("/api/reports");

        Assert.StartsWith("/account/access-denied", page.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task SettingsPage_AdministratorChangesTheGuide_PortalShowsIt()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = app.NewClient();
        await client.SignInOkAsync("admin", GongkaiApp.AdminPassword);

        using var saved = await client.PostFormAsync("/staff/admin/settings", "/staff/admin/settings",
            ("Guide.OfficeName", "示范县卫生健康局办公室"), ("Guide.Phone", "010-87654321"), ("Guide.Fax", "010-87654322"),
            ("Guide.Address", "示范区健康路8号"), ("Guide.OfficeHours", "工作日9:00—17:00"), ("Guide.OnlineChannel", "gongkai@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var anonymous = app.NewClient();
        var guide = await anonymous.GetHtmlAsync("/guide");
        Assert.Contains("010-87654321", guide);
        Assert.Contains("示范区健康路8号", guide);
        Assert.Contains("gongkai@example.org", guide);
    }
}
