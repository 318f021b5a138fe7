using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Web.Cases;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Cases;

/// <summary>Helpers that work the case pages as a browser would.</summary>
public static partial class CaseFlow
{
    /// <summary>Settings of an app without the demo cases, the demo catalogue and the demo accounts (tests that count their own records and make their own accounts).</summary>
    public static Dictionary<string, string?> NoDemoCases => new() { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false", ["Demo:Accounts"] = "false" };

    public static DateOnly Today(GongkaiApp app) => CaseWorkspace.Today(app.Services.GetRequiredService<TimeProvider>());

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers an in-person application through the form; returns the case page's address.</summary>
    public static async Task<string> RegisterAsync(StaffClient client, string name = "王某", string channel = "InPerson", DateOnly? arrived = null, DateOnly? confirmed = null)
    {
        using var response = await client.PostFormAsync("/staff/cases/new", "/staff/cases/new",
            ("Input.ApplicantType", "NaturalPerson"), ("Input.ApplicantName", name), ("Input.IdType", "居民身份证"),
            ("Input.IdNumber", "440106199001011234"), ("Input.Phone", "13812345678"), ("Input.Description", "2025年卫生监督抽检结果"),
            ("Input.Form", "纸质"), ("Input.Delivery", "邮寄"), ("Input.Channel", channel),
            ("Input.ArrivedOn", arrived is { } a ? Iso(a) : string.Empty), ("Input.ConfirmedOn", confirmed is { } c ? Iso(c) : string.Empty));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts a step form of the case page; returns the page after the redirect (with its message).</summary>
    public static async Task<string> StepAsync(StaffClient client, string casePage, string handler, params (string Name, string Value)[] fields)
    {
        using var response = await client.PostFormAsync(casePage, $"{casePage}?handler={handler}", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(casePage, response.Headers.Location?.OriginalString);
        return await client.GetTextAsync(casePage);
    }

    public static int HistoryCount(string html) => HistoryRow().Matches(html).Count;

    [GeneratedRegex("<tr><td>\\d+</td><td[^>]*>\\d{4}-\\d{2}-\\d{2}</td>")]
    private static partial Regex HistoryRow();
}
