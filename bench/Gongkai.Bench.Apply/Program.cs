using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

// Online applications at a sustained rate (an open loop: submission i starts at i / rate seconds whatever the
// server's latency, so a slow server shows in the latency, not in a lower offered rate). Each submission does what
// a browser does: GET /apply, keep its cookie, read every hidden input of the form (the antiforgery token and
// whatever else the form carries, e.g. an idempotency key) and post them back with the fields and a small
// identity proof (a PNG), multipart.
//
// Usage: Gongkai.Bench.Apply BASE_URL [rate per second, default 100] [seconds, default 60]
// Prints one line: submissions/s accepted, p99 of the POST, errors, and the p99 of a whole submission (GET + POST,
// measured from when it was due).
var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5099");
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

var whole = new ConcurrentBag<double>();
var posts = new ConcurrentBag<double>();
var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
var total = rate * seconds;
var clock = Stopwatch.StartNew();
var running = new List<Task>(total);
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds((double)i / rate);
    var wait = due - clock.Elapsed;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }

    var n = i;
    running.Add(Task.Run(() => SubmitAsync(n, due)));
}

await Task.WhenAll(running);
var elapsed = clock.Elapsed.TotalSeconds;
var ok = whole.Count;
var errorText = errors.IsEmpty ? "0" : string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}×{e.Value}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"POST /apply (" + rate + "/s offered)",-28} {ok / elapsed,12:F2} {P99(posts),8:F2}ms  {errorText} errors; {ok} of {total} accepted, p99 of GET form + POST {P99(whole):F2}ms"));
return errors.IsEmpty ? 0 : 1;

async Task SubmitAsync(int n, TimeSpan due)
{
    try
    {
        using var form = await http.GetAsync("/apply");
        if (form.StatusCode != HttpStatusCode.OK)
        {
            errors.AddOrUpdate("GET " + (int)form.StatusCode, 1, (_, c) => c + 1);
            return;
        }

        var html = await form.Content.ReadAsStringAsync();
        var cookie = string.Join("; ", form.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        using var content = new MultipartFormDataContent();
        foreach (Match hidden in Hidden().Matches(html))
        {
            if (Attribute(hidden.Value, "name") is { } name)
            {
                content.Add(new StringContent(WebUtility.HtmlDecode(Attribute(hidden.Value, "value") ?? string.Empty)), WebUtility.HtmlDecode(name));
            }
        }

        foreach (var (name, value) in new[]
        {
            ("Input.ApplicantType", "NaturalPerson"), ("Input.ApplicantName", "压测" + n.ToString(CultureInfo.InvariantCulture)),
            ("Input.IdType", "居民身份证"), ("Input.IdNumber", "440106199001015674"), ("Input.Phone", "13900001111"),
            ("Input.Description", "本局2025年行政处罚决定书"), ("Input.Form", "电子数据"), ("Input.Delivery", "网上查询下载"),
        })
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(png), "Proof", "id.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/apply") { Content = content };
        request.Headers.Add("Cookie", cookie);
        var postStart = clock.Elapsed;
        using var answer = await http.SendAsync(request);
        var body = await answer.Content.ReadAsStringAsync();
        var end = clock.Elapsed;
        var accepted = answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            || (answer.StatusCode == HttpStatusCode.OK && body.Contains("id=\"case-number\"", StringComparison.Ordinal));
        if (!accepted)
        {
            errors.AddOrUpdate("POST " + (int)answer.StatusCode + (answer.StatusCode == HttpStatusCode.OK ? " refused" : string.Empty), 1, (_, c) => c + 1);
            return;
        }

        whole.Add((end - due).TotalMilliseconds);
        posts.Add((end - postStart).TotalMilliseconds);
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        errors.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
    }
}

static double P99(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)];
}

static string? Attribute(string tag, string name) =>
    Regex.Match(tag, "\\b" + name + "=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

internal static partial class Program
{
    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex Hidden();
}
