using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Gongkai.Application.Reports;
using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Portal;
using Gongkai.Data.Records;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Portal;

/// <summary>
/// Feeds and open data of the public catalogue (Art. 12, Art. 23: timely publication through the platform): RSS 2.0
/// and Atom of newly published items, per agency (<c>/feed.rss</c>, <c>/feed.atom</c>, under an agency's column
/// as well) and for all agencies (<c>/feeds/all.rss</c>, <c>/feeds/all.atom</c>); <c>/sitemap.xml</c> of every
/// public page of every agency; each agency's catalogue as CSV (UTF-8 with BOM, so Excel opens it) and JSON
/// (<c>/catalog.csv</c>, <c>/catalog.json</c>) for 政务数据开放 harvesters, fields documented in <see cref="Fields"/>.
/// </summary>
public static class PortalFeeds
{
    /// <summary>How many of the newest items a feed carries.</summary>
    public const int FeedItems = 50;

    /// <summary>The fields of the CSV and JSON catalogue, in order: JSON name, CSV header, meaning.</summary>
    public static readonly (string Json, string Csv, string Meaning)[] Fields =
    [
        ("indexNumber", "索引号", "the item's 索引号, unique in the agency"),
        ("title", "标题", "名称"),
        ("summary", "内容概述", "内容概述"),
        ("category", "主题分类", "the catalogue category"),
        ("documentNumber", "文号", "文号, empty when none"),
        ("publisher", "发布机构", "发布机构"),
        ("generatedOn", "生成日期", "生成日期, yyyy-MM-dd"),
        ("publishedOn", "发布日期", "发布日期, yyyy-MM-dd"),
        ("validity", "有效性", "有效 / 失效 / 废止"),
        ("url", "网址", "the item's page on the portal"),
    ];

    public static void MapPortalFeeds(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { string.Empty, "/agencies/{agency}" })
        {
            var group = app.MapGroup(prefix).AllowAnonymous();
            group.MapGet("/feed.rss", (HttpContext http, CurrentAgency agency, CatalogSearch search, LinkGenerator links, CancellationToken ct) =>
                FeedAsync(http, agency, search, links, atom: false, all: false, ct));
            group.MapGet("/feed.atom", (HttpContext http, CurrentAgency agency, CatalogSearch search, LinkGenerator links, CancellationToken ct) =>
                FeedAsync(http, agency, search, links, atom: true, all: false, ct));
            group.MapGet("/catalog.csv", (HttpContext http, CurrentAgency agency, CatalogSearch search, LinkGenerator links, CancellationToken ct) =>
                CatalogFileAsync(http, agency, search, links, json: false, ct));
            group.MapGet("/guide/application-form.docx", ApplicationFormAsync);
            group.MapGet("/guide/application-form.pdf", ApplicationFormPdfAsync);
            group.MapGet("/catalog.json", (HttpContext http, CurrentAgency agency, CatalogSearch search, LinkGenerator links, CancellationToken ct) =>
                CatalogFileAsync(http, agency, search, links, json: true, ct));
        }

        app.MapGet("/feeds/all.rss", (HttpContext http, CurrentAgency agency, CatalogSearch search, LinkGenerator links, CancellationToken ct) =>
            FeedAsync(http, agency, search, links, atom: false, all: true, ct)).AllowAnonymous();
        app.MapGet("/feeds/all.atom", (HttpContext http, CurrentAgency agency, CatalogSearch search, LinkGenerator links, CancellationToken ct) =>
            FeedAsync(http, agency, search, links, atom: true, all: true, ct)).AllowAnonymous();
        app.MapGet("/sitemap.xml", SitemapAsync).AllowAnonymous();
    }

    private static async Task<IResult> FeedAsync(HttpContext http, CurrentAgency agency, CatalogSearch search, LinkGenerator links, bool atom, bool all, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<GongkaiDbContext>();
        var current = await agency.GetAsync(ct);
        var agencies = all ? await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct) : [current];
        var items = new List<(AgencyRecord Agency, CatalogSearchHit Item)>();
        foreach (var a in agencies)
        {
            items.AddRange((await search.BrowseAsync(a.Id, pageSize: FeedItems, cancellationToken: ct)).Items.Select(i => (a, i)));
        }

        items = items.OrderByDescending(x => x.Item.PublishedOn).ThenByDescending(x => x.Item.Id).Take(FeedItems).ToList();
        var title = (all ? "全部机关" : current.Name) + "政府信息公开 · 最新主动公开";
        var home = links.GetUriByPage(http, "/Index", values: all ? null : AgencyValues(http, current)) ?? "/";
        var self = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}";
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Async = false, OmitXmlDeclaration = true }))
        {
            if (atom)
            {
                w.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
                w.WriteElementString("title", title);
                w.WriteElementString("id", self);
                w.WriteStartElement("link");
                w.WriteAttributeString("rel", "self");
                w.WriteAttributeString("href", self);
                w.WriteEndElement();
                w.WriteStartElement("link");
                w.WriteAttributeString("href", home);
                w.WriteEndElement();
                var updated = items.Count > 0 ? Stamp(items[0].Item.PublishedOn) : EmptySince(agencies, http.RequestServices.GetRequiredService<TimeProvider>());
                w.WriteElementString("updated", updated.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                foreach (var (a, i) in items)
                {
                    var url = ItemUrl(http, links, a, i.Id);
                    w.WriteStartElement("entry");
                    w.WriteElementString("title", i.Title);
                    w.WriteElementString("id", url);
                    w.WriteStartElement("link");
                    w.WriteAttributeString("href", url);
                    w.WriteEndElement();
                    w.WriteElementString("updated", Stamp(i.PublishedOn).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                    w.WriteStartElement("author");
                    w.WriteElementString("name", i.Publisher);
                    w.WriteEndElement();
                    w.WriteElementString("summary", Describe(i));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }
            else
            {
                w.WriteStartElement("rss");
                w.WriteAttributeString("version", "2.0");
                w.WriteStartElement("channel");
                w.WriteElementString("title", title);
                w.WriteElementString("link", home);
                w.WriteElementString("description", "依据《中华人民共和国政府信息公开条例》主动公开的政府信息，最新发布的在前。");
                w.WriteElementString("language", "zh-CN");
                foreach (var (a, i) in items)
                {
                    var url = ItemUrl(http, links, a, i.Id);
                    w.WriteStartElement("item");
                    w.WriteElementString("title", i.Title);
                    w.WriteElementString("link", url);
                    w.WriteStartElement("guid");
                    w.WriteAttributeString("isPermaLink", "true");
                    w.WriteString(url);
                    w.WriteEndElement();
                    w.WriteElementString("description", Describe(i));
                    w.WriteElementString("category", i.Category);
                    w.WriteElementString("pubDate", Stamp(i.PublishedOn).ToString("r", CultureInfo.InvariantCulture));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
                w.WriteEndElement();
            }
        }

        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb, atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
    }

    private static async Task<IResult> CatalogFileAsync(HttpContext http, CurrentAgency agency, CatalogSearch search, LinkGenerator links, bool json, CancellationToken ct)
    {
        var current = await agency.GetAsync(ct);
        var items = new List<CatalogSearchHit>();
        for (var page = 1; ; page++)
        {
            var result = await search.BrowseAsync(current.Id, page: page, pageSize: 100, cancellationToken: ct);
            items.AddRange(result.Items);
            if (result.Items.Count < 100)
            {
                break;
            }
        }

        string[] Row(CatalogSearchHit i) =>
        [
            i.IndexNumber, i.Title, i.Summary, i.Category, i.DocumentNumber ?? string.Empty, i.Publisher,
            Iso(i.GeneratedOn), i.PublishedOn is { } p ? Iso(p) : string.Empty,
            i.Validity switch { Domain.Disclosure.Validity.Expired => "失效", Domain.Disclosure.Validity.Repealed => "废止", _ => "有效" },
            ItemUrl(http, links, current, i.Id),
        ];

        var name = $"{current.Code}-catalog";
        if (json)
        {
            var rows = items.Select(i => Fields.Select(f => f.Json).Zip(Row(i)).ToDictionary(x => x.First, x => x.Second));
            var body = JsonSerializer.Serialize(new { agency = current.Name, agencyCode = current.Code, fields = Fields.Select(f => new { name = f.Json, label = f.Csv }), items = rows },
                new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{name}.json\"";
            return Results.Text(body, "application/json; charset=utf-8");
        }

        var csv = new StringBuilder();
        csv.Append('\uFEFF').AppendJoin(',', Fields.Select(f => Csv(f.Csv))).Append("\r\n");
        foreach (var i in items)
        {
            csv.AppendJoin(',', Row(i).Select(Csv)).Append("\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name + ".csv");
    }

    /// <summary>The blank 政府信息公开申请表 of the 指南 (Art. 12 获取方式, Art. 29), addressed to the agency's office.</summary>
    private static async Task<IResult> ApplicationFormAsync(CurrentAgency agency, GongkaiDbContext db, CancellationToken ct)
    {
        var current = await agency.GetAsync(ct);
        var guide = await db.AgencyGuides.AsNoTracking().SingleOrDefaultAsync(g => g.AgencyId == current.Id, ct);
        var bytes = Gongkai.Documents.Notices.ApplicationFormDocx.Render(current.Name, guide?.OfficeName, guide?.Address, guide?.Phone);
        return Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{current.Name}政府信息公开申请表.docx");
    }

    /// <summary>The same form as a PDF (embedded fonts, docs/adr/0010); 404 when the fonts are not installed.</summary>
    private static async Task<IResult> ApplicationFormPdfAsync(CurrentAgency agency, GongkaiDbContext db, CancellationToken ct)
    {
        var current = await agency.GetAsync(ct);
        var guide = await db.AgencyGuides.AsNoTracking().SingleOrDefaultAsync(g => g.AgencyId == current.Id, ct);
        return Gongkai.Documents.Notices.ApplicationFormPdf.Render(current.Name, guide?.OfficeName, guide?.Address, guide?.Phone) is { } bytes
            ? Results.File(bytes, "application/pdf", $"{current.Name}政府信息公开申请表.pdf")
            : Results.NotFound();
    }

    private static async Task<IResult> SitemapAsync(HttpContext http, GongkaiDbContext db, PortalStore portal, AnnualReportStore reports, LinkGenerator links, CancellationToken ct)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            void Url(string? loc)
            {
                if (loc is not null)
                {
                    w.WriteStartElement("url");
                    w.WriteElementString("loc", loc);
                    w.WriteEndElement();
                }
            }

            var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
            var first = agencies.FirstOrDefault()?.Id;
            foreach (var a in agencies)
            {
                object? V(object? extra = null)
                {
                    var values = new RouteValueDictionary(extra);
                    if (a.Id != first)
                    {
                        values["agency"] = a.Code;
                    }

                    return values;
                }

                foreach (var page in new[] { "/Index", "/Guide", "/Catalog/Index", "/Reports/Index", "/Apply", "/Status" })
                {
                    Url(links.GetUriByPage(http, page, values: V()));
                }

                Url(links.GetUriByPage(http, "/Policies/Index", values: V(new { id = (long?)null })));
                foreach (var rule in await portal.RulesAsync(a.Id, ct))
                {
                    Url(links.GetUriByPage(http, "/Policies/Index", values: V(new { id = rule.Id })));
                }

                var published = await db.CatalogItems.AsNoTracking().Where(i => i.AgencyId == a.Id && i.Status == "Published").OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
                foreach (var id in published)
                {
                    Url(links.GetUriByPage(http, "/Catalog/Item", values: V(new { id })));
                }

                foreach (var r in await reports.ListAsync(a.Id, publishedOnly: true, ct))
                {
                    Url(links.GetUriByPage(http, "/Reports/Show", values: V(new { year = r.Year })));
                }
            }

            w.WriteEndElement();
        }

        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb, "application/xml; charset=utf-8");
    }

    private static RouteValueDictionary? AgencyValues(HttpContext http, AgencyRecord agency) =>
        http.GetRouteValue("agency") is not null ? new RouteValueDictionary { ["agency"] = agency.Code } : null;

    private static string ItemUrl(HttpContext http, LinkGenerator links, AgencyRecord agency, long id)
    {
        var values = AgencyValues(http, agency) ?? new RouteValueDictionary();
        values["id"] = id;
        if (http.GetRouteValue("agency") is null && http.Request.Path.StartsWithSegments("/feeds"))
        {
            values["agency"] = agency.Code;
        }

        return links.GetUriByPage(http, "/Catalog/Item", values: values) ?? string.Empty;
    }

    /// <summary>What a feed says of an item (Atom summary, RSS description): its index number, category and summary.</summary>
    private static string Describe(CatalogSearchHit item) => $"索引号：{item.IndexNumber}；{item.Category}。{item.Summary}";

    private static DateTimeOffset Stamp(DateOnly? day) =>
        new((day ?? new DateOnly(2000, 1, 1)).ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset);

    /// <summary>An empty feed last changed when its (newest) agency was set up; now when that is not known.</summary>
    private static DateTimeOffset EmptySince(IReadOnlyList<AgencyRecord> agencies, TimeProvider clock)
    {
        var created = agencies.Count > 0 ? agencies.Max(a => a.CreatedAt) : default;
        return (created == default ? clock.GetUtcNow() : created).ToOffset(ChinaTime.Offset);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
