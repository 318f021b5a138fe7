using System.Net;
using System.Text;
using Gongkai.Web.Cases;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Catalog;

/// <summary>The catalogue's back office worked as its users work it: forms posted, redirects followed.</summary>
internal static class CatalogFlow
{
    /// <summary>A small real PDF (header, one empty page, trailer): what an office attaches.</summary>
    public static byte[] Pdf(string marker) => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% " + marker + "\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static DateOnly Today(GongkaiApp app) => CaseWorkspace.Today(app.Services.GetRequiredService<TimeProvider>());

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Drafts an item through the 拟稿 form (with files, if any) and returns its back-office page.</summary>
    public static async Task<string> DraftAsync(StaffClient client, string title, DateOnly generated, string category = "art20-01",
        params (string FileName, byte[] Content)[] files)
    {
        using var response = await client.PostMultipartAsync("/staff/catalog/new", "/staff/catalog/new",
            [("Input.Title", title), ("Input.Summary", title + "的内容概述。"), ("Input.GeneratedOn", Iso(generated)), ("Input.CategoryCode", category),
             ("Input.Channels", "website"), ("Input.Channels", "new-media")],
            files.Select(f => ("Files", f.FileName, f.Content)).ToArray());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts a step's form on the item page; returns the page as shown after the redirect.</summary>
    /// <remarks>Like the page's forms, the post carries the version the person saw (read from the page now, unless given).</remarks>
    public static async Task<string> StepAsync(StaffClient client, string itemPage, string handler, params (string Name, string Value)[] fields)
    {
        if (!fields.Any(f => f.Name == "Version"))
        {
            fields = [.. fields, await SeenAsync(client, itemPage)];
        }

        using var response = await client.PostFormAsync(itemPage, itemPage + "?handler=" + handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(itemPage, response.Headers.Location?.OriginalString);
        return await client.GetTextAsync(itemPage);
    }

    /// <summary>The version a form on <paramref name="page"/> carries (what the person saw), as a field to post.</summary>
    public static async Task<(string Name, string Value)> SeenAsync(StaffClient client, string page, string field = "Version") =>
        (field, System.Text.RegularExpressions.Regex.Match(await client.GetHtmlAsync(page), $"name=\"{field}\" value=\"(\\d+)\"").Groups[1].Value);

    /// <summary>The request was refused for the person's role: pages send them to the access-denied page.</summary>
    public static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location;
        Assert.NotNull(location);
        Assert.StartsWith("/account/access-denied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    /// <summary>An administrator gives the users their 审核岗位 through the settings page.</summary>
    public static async Task AssignDutiesAsync(GongkaiApp app, params (string UserId, string Duty)[] duties)
    {
        using var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        using var response = await admin.PostFormAsync("/staff/admin/disclosure", "/staff/admin/disclosure?handler=Duties",
            duties.Select(d => ("Duties", $"{d.UserId}|{d.Duty}")).ToArray());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The administrator, signed in.</summary>
    public static async Task<StaffClient> AdminAsync(GongkaiApp app)
    {
        var admin = app.NewClient();
        await admin.SignInOkAsync("admin", GongkaiApp.AdminPassword);
        return admin;
    }

    /// <summary>An officer, a 保密审查员 and a leader holding the three later steps of the default chain, signed in.</summary>
    public static async Task<(StaffClient Officer, StaffClient Secrecy, StaffClient Leader)> TeamAsync(GongkaiApp app)
    {
        await Staff.CreateAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var secrecy = await Staff.CreateAsync(app, "baomi", StaffRoles.ApprovingLeader);
        var leader = await Staff.CreateAsync(app, "lingdao", StaffRoles.ApprovingLeader);
        await AssignDutiesAsync(app, (secrecy.Id, "保密审查员"), (leader.Id, "科室负责人"), (leader.Id, "分管领导"), (leader.Id, "主要负责人"));
        return (await SignInAsync(app, "officer1"), await SignInAsync(app, "baomi"), await SignInAsync(app, "lingdao"));
    }

    private static async Task<StaffClient> SignInAsync(GongkaiApp app, string userName)
    {
        var client = app.NewClient();
        await client.SignInOkAsync(userName, Staff.Password);
        return client;
    }
}
