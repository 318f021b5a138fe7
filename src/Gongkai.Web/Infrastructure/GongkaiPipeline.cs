using Gongkai.Web.Reports;
using Gongkai.Web.Security;

namespace Gongkai.Web.Infrastructure;

/// <summary>The request pipeline and the endpoints that are not Razor Pages.</summary>
public static class GongkaiPipeline
{
    /// <summary>Requests under /api get ProblemDetails and 401/403; everything else gets Chinese pages.</summary>
    public static bool IsApi(HttpRequest request) => IsApi(request.Path);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Responses that may carry personal data — identity proofs, notices and replies, the applicant's own status and
    /// query code, everything of the back office and the API — are kept by no cache, not even the browser's (shared
    /// office computers, proxies). The public portal (home, 指南, catalogue, published reports) is not among them.
    /// </summary>
    public static bool CarriesPersonalData(PathString path) =>
        path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/status", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/apply", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseGongkai(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error");
        app.UseWhen(c => IsApi(c.Request), api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c.Request), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
            if (CarriesPersonalData(context.Request.Path))
            {
                context.Response.OnStarting(() =>
                {
                    if (!context.Response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
                    {
                        context.Response.Headers.CacheControl = "no-store";
                    }

                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAgencyColumns();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseForcedPasswordChange();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapRazorPages();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapReportFiles();
        Gongkai.Web.Portal.PortalFeeds.MapPortalFeeds(app);
        app.MapGongkaiApi();

        // Unknown addresses are 404 (the Chinese page), not a sign-in prompt from the fallback policy.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous();
        return app;
    }
}
