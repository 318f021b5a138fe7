using System.Net;
using Gongkai.Data;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

public class EndpointSecurityTests
{
    /// <summary>Every endpoint an anonymous visitor may use. Anything added to the app is private unless listed here.</summary>
    private static readonly string[] PublicEndpoints =
    [
        "",
        "guide",
        "catalog",
        "catalog/{id:long}",
        "catalog/{id:long}/files/{fileId:long}",
        "reports",
        "reports/{year:int}",
        "reports/{year:int}/report.docx",
        "reports/{year:int}/report.html",
        "reports/{year:int}/report.pdf",
        "apply",
        "status",
        "agencies/{agency}",
        "agencies/{agency}/guide",
        "agencies/{agency}/catalog",
        "agencies/{agency}/catalog/{id:long}",
        "agencies/{agency}/catalog/{id:long}/files/{fileId:long}",
        "agencies/{agency}/reports",
        "agencies/{agency}/reports/{year:int}",
        "agencies/{agency}/reports/{year:int}/report.docx",
        "agencies/{agency}/reports/{year:int}/report.html",
        "agencies/{agency}/reports/{year:int}/report.pdf",
        "agencies/{agency}/apply",
        "agencies/{agency}/status",
        "agencies/{agency}/policies/{id:long?}",
        "agencies/{agency}/search",
        "account/login",
        "error/{code:int?}",
        "healthz",
        "policies/{id:long?}",
        "search",
        "feed.rss",
        "feed.atom",
        "catalog.csv",
        "catalog.json",
        "guide/application-form.docx",
        "agencies/{agency}/guide/application-form.docx",
        "guide/application-form.pdf",
        "agencies/{agency}/guide/application-form.pdf",
        "agencies/{agency}/feed.rss",
        "agencies/{agency}/feed.atom",
        "agencies/{agency}/catalog.csv",
        "agencies/{agency}/catalog.json",
        "feeds/all.rss",
        "feeds/all.atom",
        "sitemap.xml",
        "{*path:nonfile}",
    ];

    [Fact]
    public async Task EveryEndpoint_Anonymous_IsRefusedUnlessListedAsPublic()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite);
        using var client = app.NewClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: Normalize(e.RoutePattern.RawText), Endpoint: e))
            .DistinctBy(e => e.Pattern)
            .ToList();

        var anonymous = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Pattern).Order(StringComparer.Ordinal);
        Assert.Equal(PublicEndpoints.Order(StringComparer.Ordinal), anonymous);
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("api/", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("staff/", StringComparison.Ordinal));

        foreach (var (pattern, endpoint) in endpoints)
        {
            var url = "/" + Url(endpoint.RoutePattern);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await client.Http.SendAsync(request);
                var refusedToLogin = response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location?.PathAndQuery.StartsWith("/account/login?ReturnUrl=", StringComparison.Ordinal) == true;
                var refusedApi = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (PublicEndpoints.Contains(pattern))
                {
                    Assert.False(refusedToLogin || refusedApi, $"{method} {url} is public but answered {(int)response.StatusCode}");
                }
                else if (pattern.StartsWith("api/", StringComparison.Ordinal))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url} answered {(int)response.StatusCode}, not 401");
                }
                else
                {
                    Assert.True(refusedToLogin, $"{method} {url} answered {(int)response.StatusCode} {response.Headers.Location}, not a redirect to the sign-in page");
                }
            }
        }
    }

    private static string Normalize(string? raw) => (raw ?? string.Empty).Trim('/');

    /// <summary>A concrete URL for a route pattern: year 2024, status code 404.</summary>
    private static string Url(RoutePattern pattern) => string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart { Name: "year" } => "2024",
        RoutePatternParameterPart { Name: "code" } => "404",
        RoutePatternParameterPart { Name: "agency" } => Gongkai.Web.Infrastructure.DemoData.AgencyCode,
        RoutePatternParameterPart { Name: "path" } => "no-such-page",
        RoutePatternParameterPart => "1",
        _ => throw new InvalidOperationException("unexpected route part"),
    }))));
}
