using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Every agency's 政府信息公开 column on the one portal (政府网站集约化): each public page answers at its own address
/// (the root government's column) and under <c>/agencies/{code}/…</c> (that agency's). Codes never change, so the
/// links stay when an agency is renamed.
/// </summary>
public static class AgencyColumns
{
    /// <summary>The prefix of an agency's column.</summary>
    public const string Prefix = "agencies/{" + CurrentAgency.RouteKey + "}";

    /// <summary>The public pages every column has.</summary>
    public static readonly IReadOnlySet<string> Pages = new HashSet<string>(StringComparer.Ordinal)
    {
        "/Index", "/Guide", "/Catalog/Index", "/Catalog/Item", "/Catalog/File", "/Reports/Index", "/Reports/Show", "/Apply", "/Status",
        "/Policies/Index", "/Search",
    };

    /// <summary>The path of an agency's column (<c>/agencies/wjj</c>), or empty for the root government's own pages.</summary>
    public static string PathOf(string? code) => code is null ? string.Empty : "/agencies/" + Uri.EscapeDataString(code);

    /// <summary>Adds the column routes to the public pages and keeps generated links inside the column.</summary>
    public static IServiceCollection AddAgencyColumns(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.Add(new ColumnRoutes()));
        services.AddSingleton<UrlHelperFactory>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory, ColumnUrlHelperFactory>();
        return services;
    }

    /// <summary>
    /// Answers 404 (the Chinese page) for <c>/agencies/{code}/…</c> when no agency has that code, before any page or
    /// endpoint runs.
    /// </summary>
    public static IApplicationBuilder UseAgencyColumns(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetRouteValue(CurrentAgency.RouteKey) is string code
                && await context.RequestServices.GetRequiredService<AgencyList>().FindByCodeAsync(code, context.RequestAborted) is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });

    /// <summary>A second route per public page: <c>agencies/{agency}/…</c>, tried first when links are made.</summary>
    private sealed class ColumnRoutes : IPageRouteModelConvention
    {
        public void Apply(PageRouteModel model)
        {
            if (!Pages.Contains(model.ViewEnginePath))
            {
                return;
            }

            foreach (var selector in model.Selectors.ToList())
            {
                var template = selector.AttributeRouteModel?.Template?.Trim('/') ?? string.Empty;
                model.Selectors.Add(new SelectorModel
                {
                    AttributeRouteModel = new AttributeRouteModel
                    {
                        Template = template.Length == 0 ? Prefix : Prefix + "/" + template,
                        Order = -1,
                    },
                });
            }
        }
    }

    /// <summary>Links to a public page made inside an agency's column stay in it (the ambient agency is carried).</summary>
    private sealed class ColumnUrlHelperFactory(UrlHelperFactory inner) : Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory
    {
        public Microsoft.AspNetCore.Mvc.IUrlHelper GetUrlHelper(ActionContext context) => new ColumnUrlHelper(inner.GetUrlHelper(context));
    }

    private sealed class ColumnUrlHelper(Microsoft.AspNetCore.Mvc.IUrlHelper inner) : Microsoft.AspNetCore.Mvc.IUrlHelper
    {
        public ActionContext ActionContext => inner.ActionContext;

        public string? Action(UrlActionContext actionContext) => inner.Action(actionContext);

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(contentPath))]
        public string? Content(string? contentPath) => inner.Content(contentPath);

        public bool IsLocalUrl([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) => inner.IsLocalUrl(url);

        public string? Link(string? routeName, object? values) => inner.Link(routeName, Carry(values));

        public string? RouteUrl(UrlRouteContext routeContext) => inner.RouteUrl(new UrlRouteContext
        {
            RouteName = routeContext.RouteName,
            Values = Carry(routeContext.Values),
            Protocol = routeContext.Protocol,
            Host = routeContext.Host,
            Fragment = routeContext.Fragment,
        });

        private object? Carry(object? values)
        {
            if (!inner.ActionContext.RouteData.Values.TryGetValue(CurrentAgency.RouteKey, out var agency) || agency is null)
            {
                return values;
            }

            var dictionary = new Microsoft.AspNetCore.Routing.RouteValueDictionary(values);
            if (dictionary.TryGetValue("page", out var page) && page is string name && Pages.Contains(name)
                && !dictionary.ContainsKey(CurrentAgency.RouteKey))
            {
                dictionary[CurrentAgency.RouteKey] = agency;
            }

            return dictionary;
        }
    }
}
