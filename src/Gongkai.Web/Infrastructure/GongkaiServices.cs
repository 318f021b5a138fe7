using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Gongkai.Application.Reports;
using Gongkai.Data;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Gongkai.Web.Infrastructure;

/// <summary>The web application's services, one extension method per concern (Program.cs stays short).</summary>
public static class GongkaiServices
{
    public static WebApplicationBuilder AddGongkai(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => WebDatabase.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContext<GongkaiDbContext>((sp, options) => sp.GetRequiredService<DatabaseSettings>().Configure(options));
        services.AddDbContext<StaffDbContext>((sp, options) => sp.GetRequiredService<DatabaseSettings>().Configure(options));
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddScoped<AgencyList>();
        services.AddScoped<StaffContext>();
        services.AddScoped<CurrentAgency>();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, MembershipClaimsTransformation>();
        services.AddScoped<StaffMemberships>();
        services.AddSingleton<IPublicPagesCache, PortalCache.PublicPages>();
        services.AddScoped<Gongkai.Application.Staff.IStaffAccounts, IdentityStaffAccounts>();
        services.AddScoped<Gongkai.Data.Disclosure.CatalogSearch>();
        services.AddScoped<Gongkai.Data.Portal.PortalSearch>();
        services.AddSingleton(sp => new Gongkai.Data.Portal.SearchIndex(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMilliseconds(
            builder.Configuration.GetValue("Search:RefreshMilliseconds", Gongkai.Data.Portal.SearchIndex.DefaultRefreshMilliseconds))));
        services.AddScoped<Gongkai.Web.Portal.PortalSite>();
        services.AddScoped<Gongkai.Web.Cases.CaseWorkspace>();
        services.AddScoped<Gongkai.Web.Catalog.CatalogWorkspace>();
        Gongkai.Application.ApplicationServices.AddGongkaiApplication(services);
        services.Configure<Gongkai.Web.Catalog.CatalogOptions>(builder.Configuration.GetSection("Catalog"));
        services.AddSingleton(Gongkai.Web.Supervision.SupervisionSettings.Deadlines(builder.Configuration));
        services.Configure<Gongkai.Web.Mail.MailOptions>(builder.Configuration.GetSection(Gongkai.Web.Mail.MailOptions.Section));
        services.AddSingleton(Gongkai.Application.Mail.MailLimits.Megabytes(
            builder.Configuration.GetSection(Gongkai.Web.Mail.MailOptions.Section).Get<Gongkai.Web.Mail.MailOptions>()?.MaxAttachmentMegabytes ?? 20));
        Gongkai.Documents.Notices.NoticePdf.UseFontFolders(builder.Configuration.GetSection("Pdf:FontFolders").Get<string[]>());
        services.AddSingleton<Gongkai.Web.Mail.MailOutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Gongkai.Web.Mail.MailOutboxWorker>());
        services.Configure<Gongkai.Web.Reminders.ReminderOptions>(builder.Configuration.GetSection(Gongkai.Web.Reminders.ReminderOptions.Section));
        services.AddSingleton<Gongkai.Web.Reminders.ReminderDigestWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Gongkai.Web.Reminders.ReminderDigestWorker>());

        services.AddGongkaiForwardedHeaders(builder.Configuration);
        services.AddGongkaiIdentity();
        services.AddGongkaiDataProtection();
        services.AddGongkaiRateLimits(builder.Configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Titles in Chinese for the statuses the API answers without a title of its own.
            context.ProblemDetails.Title = context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "未登录",
                StatusCodes.Status403Forbidden => "无权访问",
                StatusCodes.Status404NotFound when context.ProblemDetails.Title is null or "Not Found" => "未找到",
                _ => context.ProblemDetails.Title,
            };
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Chinese text is written as text, not as &#x…; entities (readable source, smaller pages).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o => o.Cookie.Name = "gongkai.af");
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
            o.Conventions.AuthorizeFolder("/Staff/Admin", StaffPolicies.Administrators);
            o.Conventions.AuthorizeFolder("/Staff/Supervision", StaffPolicies.Supervisors);
        });
        // An archived agency is read-only in the back office: one guard for every form (ArchivedAgencyGuard).
        services.AddScoped<ArchivedAgencyGuard>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.AddService<ArchivedAgencyGuard>());
        services.AddAgencyColumns();
        return builder;
    }

    /// <summary>
    /// Behind a reverse proxy (nginx, a load balancer) the client's address and scheme come from X-Forwarded-For and
    /// X-Forwarded-Proto — the per-address rate limit of the public forms depends on it. Only proxies Gongkai trusts
    /// may set them: the loopback addresses (a proxy on the same machine) and those listed in
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses or networks such as <c>10.0.0.5, 10.1.0.0/16</c>). A header
    /// from anyone else is ignored.
    /// </summary>
    private static void AddGongkaiForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var listed = configuration["ForwardedHeaders:KnownProxies"] ?? string.Empty;
        var proxies = new List<System.Net.IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in listed.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (System.Net.IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"设置 ForwardedHeaders:KnownProxies 中的“{entry}”不是IP地址或网段（例如 10.0.0.5 或 10.1.0.0/16）");
            }
        }

        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
    }

    private static void AddGongkaiIdentity(this IServiceCollection services)
    {
        services.AddScoped<IUserConfirmation<StaffUser>, EnabledStaffConfirmation>();
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedAccount = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<LetterPasswordValidator>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        // A disabled account's cookie stops working within a minute (its security stamp changes).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gongkai.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StaffPolicies.Staff, p => p.RequireRole(StaffRoles.All))
            .AddPolicy(StaffPolicies.ReportEditors, p => p.RequireRole(StaffRoles.Administrator, StaffRoles.DisclosureOfficer))
            .AddPolicy(StaffPolicies.Administrators, p => p.RequireRole(StaffRoles.Administrator))
            .AddPolicy(StaffPolicies.Supervisors, p => p.RequireRole(StaffRoles.Supervisor, StaffRoles.Administrator));
    }

    /// <summary>The API answers 401/403 (ProblemDetails); pages redirect to the sign-in or access-denied page.</summary>
    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (GongkaiPipeline.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddGongkaiDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Gongkai");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
    }

    private static void AddGongkaiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicFormRateLimit>(configuration.GetSection(PublicFormRateLimit.Section));
        services.Configure<StatusLookupRateLimit>(configuration.GetSection(StatusLookupRateLimit.Section));
        services.Configure<SignInRateLimit>(configuration.GetSection(SignInRateLimit.Section));
        services.AddSingleton<SignInThrottle>();
        // The public pages everybody reads (home, 指南) are kept for a few seconds per instance for anonymous
        // visitors; publishing a report or editing the guide evicts them here, other instances catch up within
        // the expiry. Nothing that matters lives only in this cache.
        services.AddOutputCache(o =>
        {
            o.AddPolicy(PortalCache.Policy, b => b.Expire(PortalCache.Expiry).Tag(PortalCache.Tag).SetVaryByRouteValue(CurrentAgency.RouteKey));
            o.AddPolicy(PortalCache.CatalogPolicy, b => b.Expire(PortalCache.Expiry).Tag(PortalCache.Tag).SetVaryByQuery(PortalCache.CatalogQuery).SetVaryByRouteValue(CurrentAgency.RouteKey));
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("提交过于频繁，请稍后再试。", cancellationToken);
            };

            // One bucket per purpose and client address: applications and status lookups do not share one.
            o.AddPolicy(PublicFormRateLimit.Policy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<PublicFormRateLimit>>().CurrentValue;
                return PerAddress(context, PublicFormRateLimit.Policy, limit.PermitLimit, limit.WindowSeconds);
            });
            o.AddPolicy(StatusLookupRateLimit.Policy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<StatusLookupRateLimit>>().CurrentValue;
                return PerAddress(context, StatusLookupRateLimit.Policy, limit.PermitLimit, limit.WindowSeconds);
            });
        });
    }

    /// <summary>Only submissions count (POST); reading a form is never limited.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, string purpose, int permitLimit, int windowSeconds) =>
        !HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(
                purpose + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permitLimit,
                    Window = TimeSpan.FromSeconds(windowSeconds),
                    QueueLimit = 0,
                });
}
