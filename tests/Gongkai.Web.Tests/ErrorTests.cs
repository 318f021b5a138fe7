using System.Net;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

public class ErrorTests
{
    [Fact]
    public async Task UnknownPage_Answers404WithAChinesePage()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = app.NewClient();

        using var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task Api_Anonymous_Answers401ProblemDetails()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = app.NewClient();

        using var response = await client.GetAsync("/api/reports");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("未登录", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Api_MissingReport_Answers404ProblemDetailsInChinese()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = await Staff.SignedInAsync(app, "s", StaffRoles.Supervisor);

        using var response = await client.GetAsync("/api/reports/2019");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("没有该年度的报告", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Failure_InApiAndInAPage_Answers500WithoutTheStackTrace()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = await Staff.SignedInAsync(app, "s", StaffRoles.Supervisor);
        await using (var db = app.Database.Open())
        {
            // A report row that Gongkai could never have written: reading it is a bug, not an expected failure.
            db.AnnualReports.Add(new AnnualReportRecord { AgencyId = (await db.Agencies.FirstAsync()).Id, Year = 2022, Json = "{}", Status = "draft" });
            await db.SaveChangesAsync();
        }

        using var api = await client.GetAsync("/api/reports/2022/findings");
        using var page = await client.GetAsync("/staff/reports/2022");

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadAsStringAsync();
        Assert.Contains("服务器内部错误", problem);
        Assert.DoesNotContain("   at ", problem);
        Assert.DoesNotContain("InvalidOperationException", problem);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("系统出错了", html);
        Assert.DoesNotContain("   at ", html);
    }
}
