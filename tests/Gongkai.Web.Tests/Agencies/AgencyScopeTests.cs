using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Catalog;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>
/// Issue #12: an officer of one agency never sees another agency's applications, catalogue drafts, identity proofs or
/// report drafts. Two sibling agencies under the root government, each with its 公开办, 审核领导 and administrator and
/// records of every kind; every staff page and API endpoint (enumerated from the app's endpoints, GET handlers
/// included, so a new page cannot be missed) is opened as each of them, with their own ids and the other agency's.
/// </summary>
public partial class AgencyScopeTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    public static TheoryProviders Providers => TestDatabase.Providers;

    /// <summary>One agency's records as the walk knows them: what must never show elsewhere, and its ids by kind.</summary>
    private sealed class Side(AgencyRecord agency, string tag)
    {
        public AgencyRecord Agency { get; } = agency;

        public string Tag { get; } = tag;

        public List<string> Markers { get; } = [agency.Name];

        public Dictionary<string, List<string>> Ids { get; } = new(StringComparer.Ordinal)
        {
            ["case"] = [],
            ["online"] = [],
            ["catalog"] = [],
            ["file"] = [],
            ["notice"] = [],
            ["document"] = [],
        };

        public List<StaffClient> Users { get; } = [];
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryStaffPageAndApiEndpoint_AsUsersOfSiblingAgencies_ShowsNothingOfTheOther(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var a = new Side(await app.AddAgencyAsync("jyj", "示范县教育局"), "甲");
        var b = new Side(await app.AddAgencyAsync("mzj", "示范县民政局"), "乙");
        foreach (var side in new[] { a, b })
        {
            await FillAsync(app, side);
        }

        var endpoints = await StaffEndpointsAsync(app);
        Assert.Contains(endpoints, e => e.Pattern == "staff/cases/{id:long}");
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("api/", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Handler == "Proof");

        foreach (var (own, other) in new[] { (a, b), (b, a) })
        {
            // The walk sees the agency's own records (it is not vacuous)…
            var officer = own.Users[0];
            var list = await officer.GetTextAsync("/staff/cases?status=all");
            Assert.Contains($"{own.Tag}申请人", list);
            Assert.Contains($"{own.Tag}目录草稿", await officer.GetTextAsync("/staff/catalog/" + own.Ids["catalog"][0]));

            foreach (var user in own.Users)
            {
                foreach (var endpoint in endpoints)
                {
                    foreach (var (url, foreign) in Urls(endpoint, own, other))
                    {
                        using var response = await user.Http.GetAsync(url);
                        var body = await TextAsync(response);
                        foreach (var marker in other.Markers)
                        {
                            Assert.False(body.Contains(marker, StringComparison.Ordinal), $"{url} shows “{marker}” of {other.Agency.Name} to a user of {own.Agency.Name}");
                        }

                        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                        if (foreign)
                        {
                            // Another agency's record is not found: not forbidden (which would confirm it exists), not shown.
                            var deniedForRole = response.StatusCode == HttpStatusCode.Redirect
                                && response.Headers.Location is { } location
                                && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith("/account/access-denied", StringComparison.Ordinal);
                            Assert.True(response.StatusCode == HttpStatusCode.NotFound || deniedForRole, $"{url} (of {other.Agency.Name}) answered {(int)response.StatusCode} to a user of {own.Agency.Name}");
                        }
                    }
                }
            }

            // …and the other agency's case, proof and file are 404 for its 公开办.
            using var foreignCase = await officer.GetAsync("/staff/cases/" + other.Ids["case"][0]);
            Assert.Equal(HttpStatusCode.NotFound, foreignCase.StatusCode);
            using var foreignProof = await officer.GetAsync($"/staff/cases/online/{other.Ids["online"][0]}?handler=Proof");
            Assert.Equal(HttpStatusCode.NotFound, foreignProof.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Switcher_UserOfBothAgencies_SeesEachInTurn_AndNeverTheOther(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var a = await app.AddAgencyAsync("jyj", "示范县教育局");
        var b = await app.AddAgencyAsync("mzj", "示范县民政局");
        using var officerA = await SignedInInAsync(app, "jia", a.Id, StaffRoles.DisclosureOfficer);
        await RegisterAsync(officerA, "甲申请人", arrived: Today(app));
        using var officerB = await SignedInInAsync(app, "yi", b.Id, StaffRoles.DisclosureOfficer);
        await RegisterAsync(officerB, "乙申请人", arrived: Today(app));

        var both = await Staff.CreateInAsync(app, "liang", a.Id, StaffRoles.DisclosureOfficer);
        await Staff.AddMembershipAsync(app, both, b.Id, StaffRoles.ApprovingLeader);
        using var client = app.NewClient();
        await client.SignInOkAsync("liang", Staff.Password);

        // The first agency by default: its cases, the switcher offering both.
        var first = await client.GetTextAsync("/staff/cases?status=all");
        Assert.Contains("甲申请人", first);
        Assert.DoesNotContain("乙申请人", first);
        Assert.Matches("<option value=\"" + b.Id + "\"[^>]*>示范县民政局</option>", first);

        using (var switched = await client.PostFormAsync("/staff", "/staff/agency", ("agencyId", b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Equal("/staff", switched.Headers.Location?.OriginalString);
        }

        var home = await client.GetTextAsync("/staff");
        Assert.Contains("当前单位已切换为：示范县民政局。", home);
        Assert.Contains("审核领导", home);
        var second = await client.GetTextAsync("/staff/cases?status=all");
        Assert.Contains("乙申请人", second);
        Assert.DoesNotContain("甲申请人", second);
        // 审核领导 in 民政局 only: the 公开办 work of 教育局 (registering a case) is not theirs here.
        using (var register = await client.GetAsync("/staff/cases/new"))
        {
            CatalogFlow.AssertDenied(register);
        }

        // A remembered agency the person no longer works for (or a forged cookie) falls back to the first.
        using var forged = app.NewClient();
        await forged.SignInOkAsync("yi", Staff.Password);
        forged.Http.DefaultRequestHeaders.Add("Cookie", StaffContext.CookieName + "=" + a.Id);
        var own = await forged.GetTextAsync("/staff/cases?status=all");
        Assert.Contains("乙申请人", own);
        Assert.DoesNotContain("甲申请人", own);
        using (var refused = await forged.PostFormAsync("/staff", "/staff/agency", ("agencyId", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        Assert.Contains("请从列表中选择您任职的单位。", await forged.GetTextAsync("/staff/agency"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Supervisor_OfTheGovernment_ReadsEveryAgencyBelow_AndChangesNothing(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var a = await app.AddAgencyAsync("jyj", "示范县教育局");
        using var officerA = await SignedInInAsync(app, "jia", a.Id, StaffRoles.DisclosureOfficer);
        var casePage = await RegisterAsync(officerA, "甲申请人", arrived: Today(app));
        using var supervisor = await Staff.SignedInAsync(app, "jiandu2", StaffRoles.Supervisor);

        Assert.Matches("<option value=\"" + a.Id + "\"[^>]*>示范县教育局</option>", await supervisor.GetTextAsync("/staff"));
        (await supervisor.PostFormAsync("/staff", "/staff/agency", ("agencyId", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Dispose();

        Assert.Contains("甲申请人", await supervisor.GetTextAsync(casePage));
        Assert.Contains("监督（只读）", await supervisor.GetTextAsync("/staff"));
        using var register = await supervisor.GetAsync("/staff/cases/new");
        CatalogFlow.AssertDenied(register);
    }

    private static async Task<StaffClient> SignedInInAsync(GongkaiApp app, string userName, int agencyId, params string[] roles)
    {
        await Staff.CreateInAsync(app, userName, agencyId, roles);
        var client = app.NewClient();
        await client.SignInOkAsync(userName, Staff.Password);
        return client;
    }

    /// <summary>Records of every kind in the agency, made through its pages by its own staff.</summary>
    private static async Task FillAsync(GongkaiApp app, Side side)
    {
        var code = side.Agency.Code;
        var officer = await SignedInInAsync(app, code + "-officer", side.Agency.Id, StaffRoles.DisclosureOfficer);
        var leader = await SignedInInAsync(app, code + "-leader", side.Agency.Id, StaffRoles.ApprovingLeader);
        var admin = await SignedInInAsync(app, code + "-admin", side.Agency.Id, StaffRoles.Administrator);
        side.Users.AddRange([officer, leader, admin]);
        side.Markers.AddRange([code + "-officer", code + "-leader", code + "-admin"]);

        // A case registered at the counter, with a notice.
        var casePage = await RegisterAsync(officer, $"{side.Tag}申请人", arrived: Today(app));
        side.Markers.Add($"{side.Tag}申请人");
        side.Ids["case"].Add(casePage[(casePage.LastIndexOf('/') + 1)..]);
        await StepAsync(officer, casePage, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "NotHeld"));
        var withNotice = await StepAsync(officer, casePage, "Notice", ("kind", "art36-4"));
        side.Ids["notice"].Add(Regex.Match(withNotice, "/staff/cases/\\d+/notices/(\\d+)").Groups[1].Value);

        // A ledger with the agency's own case number.
        var token = StaffClient.Token(await officer.GetHtmlAsync("/staff/cases/import"));
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes($"申请编号,收到日期,申请人类型,申请人,办结日期,办理结果\n{code.ToUpperInvariant()}-2025-0007,2025-03-03,自然人,{side.Tag}台账申请人,2025-03-20,予以公开\n")), "ledger", "台账.csv" },
        })
        {
            using var imported = await officer.Http.PostAsync("/staff/cases/import", form);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        side.Markers.AddRange([$"{side.Tag}台账申请人", $"{code.ToUpperInvariant()}-2025-0007"]);

        // An online application with an identity proof, sent to this agency from its column.
        using var applicant = app.NewClient();
        var applyPage = $"/agencies/{code}/apply";
        var applyToken = StaffClient.Token(await applicant.GetHtmlAsync(applyPage));
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(applyToken), "__RequestVerificationToken" },
            { new StringContent("NaturalPerson"), "Input.ApplicantType" },
            { new StringContent($"{side.Tag}网申人"), "Input.ApplicantName" },
            { new StringContent("居民身份证"), "Input.IdType" },
            { new StringContent("440106199001015674"), "Input.IdNumber" },
            { new StringContent("13900001111"), "Input.Phone" },
            { new StringContent($"{side.Tag}网申内容：本局2025年行政处罚决定书"), "Input.Description" },
            { new StringContent("电子数据"), "Input.Form" },
            { new StringContent("网上查询下载"), "Input.Delivery" },
            { new ByteArrayContent(Png), "Proof", "id.png" },
        })
        {
            using var applied = await applicant.Http.PostAsync(applyPage, form);
            var html = WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync());
            Assert.Contains($"受理机关：<strong id=\"applied-to\">{side.Agency.Name}</strong>", html);
        }

        side.Markers.AddRange([$"{side.Tag}网申人", $"{side.Tag}网申内容"]);
        var pending = await officer.GetTextAsync("/staff/cases");
        side.Ids["online"].Add(Regex.Match(pending, "/staff/cases/online/(\\d+)").Groups[1].Value);

        // A catalogue draft with an attachment.
        var itemPage = await CatalogFlow.DraftAsync(officer, $"{side.Tag}目录草稿标题", CatalogFlow.Today(app), files: ($"{side.Tag}附件.pdf", CatalogFlow.Pdf(side.Tag)));
        side.Markers.AddRange([$"{side.Tag}目录草稿标题", $"{side.Tag}附件.pdf"]);
        side.Ids["catalog"].Add(itemPage[(itemPage.LastIndexOf('/') + 1)..]);
        side.Ids["file"].Add(Regex.Match(await officer.GetHtmlAsync(itemPage), "/staff/catalog/\\d+/files/(\\d+)").Groups[1].Value);

        // A normative document in the register.
        using (var added = await officer.PostFormAsync("/staff/disclosure/documents", "/staff/disclosure/documents",
            ("Input.Kind", "规范性文件"), ("Input.Title", $"{side.Tag}规范性文件标题"), ("Input.DocumentNumber", $"{side.Tag}发〔2025〕1号"),
            ("Input.IssuedOn", "2025-03-01"), ("Input.PublishedOn", "2025-03-05"), ("Input.RepealedOn", string.Empty)))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        side.Markers.AddRange([$"{side.Tag}规范性文件标题", $"{side.Tag}发〔2025〕1号"]);
        side.Ids["document"].Add(Regex.Match(await officer.GetHtmlAsync("/staff/disclosure/documents"), "/staff/disclosure/documents/(\\d+)").Groups[1].Value);

        // A report draft for 2025 (its working copy names the agency).
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<Gongkai.Application.Reports.AnnualReportStore>();
            Assert.Null(await store.SaveAsync(side.Agency.Id, new Gongkai.Domain.Reports.AnnualReport(side.Agency.Name, 2025)));
        }

        Assert.All(side.Ids, kind => Assert.All(kind.Value, id => Assert.Matches("^\\d+$", id)));
    }

    private sealed record StaffEndpoint(string Pattern, RoutePattern Route, string? Handler);

    /// <summary>Every endpoint of the back office and the API, and every GET handler of its pages.</summary>
    private static async Task<List<StaffEndpoint>> StaffEndpointsAsync(GongkaiApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var result = new List<StaffEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
            if (!pattern.StartsWith("staff", StringComparison.Ordinal) && !pattern.StartsWith("api", StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains("GET"))
            {
                continue;
            }

            result.Add(new StaffEndpoint(pattern, endpoint.RoutePattern, null));
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && h.Name is not null))
                {
                    result.Add(new StaffEndpoint(pattern, endpoint.RoutePattern, handler.Name));
                }
            }
        }

        return result.DistinctBy(e => (e.Pattern, e.Handler)).ToList();
    }

    /// <summary>
    /// The addresses to open for an endpoint: with the user's own ids, and with the other agency's (foreign: must be
    /// 404). A parameter is filled from the ids of the kind the address names; an unknown kind gets every id.
    /// </summary>
    private static IEnumerable<(string Url, bool Foreign)> Urls(StaffEndpoint endpoint, Side own, Side other)
    {
        var parameters = endpoint.Route.Parameters.Select(p => p.Name).ToList();
        var choices = new List<List<(string Value, bool Foreign)>>();
        foreach (var name in parameters)
        {
            if (name is "year")
            {
                choices.Add([("2025", false)]);
                continue;
            }

            var kind = KindOf(endpoint.Pattern, name);
            var ownIds = kind is null ? own.Ids.Values.SelectMany(v => v) : own.Ids[kind];
            var otherIds = kind is null ? other.Ids.Values.SelectMany(v => v) : other.Ids[kind];
            choices.Add([.. ownIds.Select(v => (v, false)), .. otherIds.Select(v => (v, kind is not null))]);
        }

        IEnumerable<List<(string Value, bool Foreign)>> combos = [[]];
        foreach (var choice in choices)
        {
            combos = combos.SelectMany(c => choice.Select(v => new List<(string, bool)>(c) { v }));
        }

        foreach (var combo in combos)
        {
            var values = parameters.Zip(combo).ToDictionary(p => p.First, p => p.Second.Value, StringComparer.Ordinal);
            var url = "/" + string.Join('/', endpoint.Route.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart p => values[p.Name],
                _ => throw new InvalidOperationException("unexpected route part"),
            }))));
            if (endpoint.Handler is { } handler)
            {
                url += "?handler=" + handler;
            }

            yield return (url, combo.Any(c => c.Foreign));
        }
    }

    private static string? KindOf(string pattern, string parameter) => (pattern, parameter) switch
    {
        (_, "fileId") => "file",
        (_, "noticeId") => "notice",
        _ when pattern.StartsWith("staff/cases/online/", StringComparison.Ordinal) => "online",
        _ when pattern.StartsWith("staff/cases/", StringComparison.Ordinal) => "case",
        _ when pattern.StartsWith("staff/catalog/", StringComparison.Ordinal) => "catalog",
        _ when pattern.StartsWith("staff/disclosure/documents/", StringComparison.Ordinal) => "document",
        _ => null,
    };

    /// <summary>What the response shows: its text, or the text of a Word document's body.</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(Regex.Replace(await reader.ReadToEndAsync(), "<[^>]+>", string.Empty));
            }

            return text.ToString();
        }

        return WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
    }
}
