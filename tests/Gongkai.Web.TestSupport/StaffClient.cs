using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests.Support;

/// <summary>An HTTP client that works the forms as a browser would: reads the antiforgery token, posts the fields.</summary>
public sealed partial class StaffClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetHtmlAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="page"/>, takes its antiforgery token and posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var token = Token(await GetHtmlAsync(page));
        var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)));
        return await Http.PostAsync(action, content);
    }

    /// <summary>Opens <paramref name="page"/> and posts a multipart form to <paramref name="action"/>: fields and files, as a browser sends a form with a file input.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string page, string action, (string Name, string Value)[] fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        var token = Token(await GetHtmlAsync(page));
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, field, fileName);
        }

        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await Http.PostAsync(action, content);
    }

    /// <summary>Signs in through the login form; true when it redirected into the back office.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        await PostFormAsync("/account/login", "/account/login", ("UserName", userName), ("Password", password));

    public async Task SignInOkAsync(string userName, string password)
    {
        using var response = await SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
    }

    /// <summary>The page's HTML with character references decoded (Razor writes a newline in a textarea as &amp;#xA;).</summary>
    public async Task<string> GetTextAsync(string url) => WebUtility.HtmlDecode(await GetHtmlAsync(url));

    public static string Token(string html) =>
        TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
