using System.Net;
using Gongkai.Data;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>Behind a reverse proxy on the same machine the rate limit counts each client, not the proxy.</summary>
public class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string?> TwoPerWindow = new()
    {
        ["Demo:Cases"] = "false",
        ["Demo:Catalog"] = "false",
        ["RateLimits:PublicForms:PermitLimit"] = "2",
        ["RateLimits:PublicForms:WindowSeconds"] = "600",
    };

    [Fact]
    public async Task PublicForm_ThroughALoopbackProxy_LimitIsPerForwardedClient()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, TwoPerWindow);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        async Task<HttpStatusCode> PostAsFrom(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/apply") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var first = new[] { await PostAsFrom("203.0.113.7"), await PostAsFrom("203.0.113.7"), await PostAsFrom("203.0.113.7") };
        var other = await PostAsFrom("198.51.100.20");

        Assert.Equal(HttpStatusCode.TooManyRequests, first[2]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first[..2]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other);
    }

    [Fact]
    public void KnownProxies_NotAnAddress_StartRefusedNamingTheSetting()
    {
        var settings = new Dictionary<string, string?>(TwoPerWindow) { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5, nginx.local" };
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, settings);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("设置 ForwardedHeaders:KnownProxies 中的“nginx.local”不是IP地址或网段", error.ToString(), StringComparison.Ordinal);
    }
}
