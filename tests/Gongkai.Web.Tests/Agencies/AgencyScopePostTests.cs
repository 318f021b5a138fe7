using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>
/// The sibling walk for every state-changing endpoint (issue #12 item 3): every <c>OnPost*</c> handler of the back office
/// and every API POST/PUT/DELETE, found from the app's endpoints, posted by each user of one agency with the ids of its
/// sibling — answered 404 or 403, and the sibling's records unchanged afterwards. A handler missing from
/// <see cref="HowToPost"/> fails the walk, so a new one is covered when it is added. The same table drives the archive
/// walk: in an archived agency every form is refused with one message and nothing of the agency changes.
/// </summary>
public partial class AgencyScopeTests
{
    /// <summary>One post: where, with which fields, and whether it names the other agency's records (must be 404/403).</summary>
    private sealed record PostAttempt(string Url, (string Name, string Value)[] Fields, bool Foreign);

    /// <summary>The values a post may name: the target side's ids and versions.</summary>
    private sealed record Target(Side Side, IReadOnlyDictionary<string, string> Versions, string Today)
    {
        public string Id(string kind) => Side.Ids[kind][0];

        public string Version(string kind) => Versions.TryGetValue(kind + ":" + Id(kind), out var v) ? v : "1";
    }

    /// <summary>
    /// How to post to each state-changing handler (<c>pattern#Handler</c>): the attempts for a user of one agency against
    /// the target (the sibling in the scope walk, the agency itself in the archive walk). Foreign attempts
    /// carry realistic fields (the record's version, dates, reasons) so that a missing scope check would change the record.
    /// </summary>
    private static readonly Dictionary<string, Func<Target, bool, IEnumerable<PostAttempt>>> HowToPost = new(StringComparer.Ordinal)
    {
        // Choosing the agency to work in: refused for an agency not on offer (Switcher_… test); open when archived.
        ["staff/agency#"] = (t, f) => [new("/staff/agency", [("agencyId", t.Side.Agency.Id.ToString(CultureInfo.InvariantCulture))], false)],

        // Cases: counter registration and ledger import act on the current agency only; every step names the case.
        ["staff/cases/new#"] = (t, f) => [new("/staff/cases/new", [("Input.ApplicantType", "NaturalPerson"), ("Input.ApplicantName", "走查申请人"), ("Input.Description", "走查"), ("Input.ReceivedOn", t.Today)], false)],
        ["staff/cases/import#"] = (t, f) => [new("/staff/cases/import", [], false)],
        ["staff/cases/online/{id:long}#Confirm"] = (t, f) => [new($"/staff/cases/online/{t.Id("online")}?handler=Confirm", [("Version", "1")], f)],
        // 分配给… on the list: ids the agency does not hold are reported in the list's message ("未找到"), not 404; the other
        // agency's rows are still checked to be unchanged.
        ["staff/cases#Assign"] = (t, f) => [new("/staff/cases?handler=Assign", [("ids", $"{t.Id("case")}:{t.Version("case")}"), ("assignTo", t.Side.Ids["user"][0]), ("back", "")], false)],
        ["staff/cases/{id:long}/handler#"] = (t, f) => [new($"/staff/cases/{t.Id("case")}/handler", [("HandlerId", t.Side.Ids["user"][0]), ("Version", t.Version("case"))], f)],
        ["staff/cases/{id:long}#FeeQuote"] = (t, f) => CaseStep(t, f, "FeeQuote", ("Step.Date", t.Today), ("Step.Method", "PerPage"), ("Step.Pages", "40")),
        ["staff/cases/{id:long}#SupplementRequest"] = (t, f) => CaseStep(t, f, "SupplementRequest", ("Step.Date", t.Today), ("Step.Reason", "走查补正"), ("Step.Days", "15")),
        ["staff/cases/{id:long}#SupplementReceived"] = (t, f) => CaseStep(t, f, "SupplementReceived", ("Step.Date", t.Today)),
        ["staff/cases/{id:long}#SupplementLapsed"] = (t, f) => CaseStep(t, f, "SupplementLapsed", ("Step.Date", t.Today)),
        ["staff/cases/{id:long}#Assign"] = (t, f) => CaseStep(t, f, "Assign", ("Step.DepartmentId", "1"), ("Step.Date", t.Today)),
        ["staff/cases/{id:long}#ConsultStart"] = (t, f) => CaseStep(t, f, "ConsultStart", ("Step.Date", t.Today), ("Step.Party", "第三方")),
        ["staff/cases/{id:long}#ConsultEnd"] = (t, f) => CaseStep(t, f, "ConsultEnd", ("Step.Date", t.Today)),
        ["staff/cases/{id:long}#FeeNotice"] = (t, f) => CaseStep(t, f, "FeeNotice", ("Step.Date", t.Today), ("Step.Amount", "100")),
        ["staff/cases/{id:long}#FeePaid"] = (t, f) => CaseStep(t, f, "FeePaid", ("Step.Date", t.Today)),
        ["staff/cases/{id:long}#FeeLapsed"] = (t, f) => CaseStep(t, f, "FeeLapsed", ("Step.Date", t.Today)),
        ["staff/cases/{id:long}#Reply"] = (t, f) => CaseStep(t, f, "Reply", ("Step.Date", t.Today), ("Step.Outcome", "NotHeld")),
        ["staff/cases/{id:long}#Deliver"] = (t, f) => CaseStep(t, f, "Deliver", ("Step.Date", t.Today), ("Step.Method", "在线")),
        ["staff/cases/{id:long}#Withdraw"] = (t, f) => CaseStep(t, f, "Withdraw", ("Step.Date", t.Today)),
        ["staff/cases/{id:long}#ReasonableDeadline"] = (t, f) => CaseStep(t, f, "ReasonableDeadline", ("Step.Date", t.Today), ("Step.Reason", "走查")),
        ["staff/cases/{id:long}#Opinion"] = (t, f) => CaseStep(t, f, "Opinion", ("Step.Date", t.Today), ("Step.Outcome", "NotHeld")),
        ["staff/cases/{id:long}#ExtensionRequest"] = (t, f) => CaseStep(t, f, "ExtensionRequest", ("Step.Date", t.Today), ("Step.Reason", "走查延期"), ("Step.WorkingDays", "10")),
        ["staff/cases/{id:long}#ExtensionApprove"] = (t, f) => CaseStep(t, f, "ExtensionApprove&requestId=1"),
        ["staff/cases/{id:long}#ExtensionRefuse"] = (t, f) => CaseStep(t, f, "ExtensionRefuse&requestId=1"),
        ["staff/cases/{id:long}#Notice"] = (t, f) => CaseStep(t, f, "Notice", ("kind", "art36-4")),

        // The catalogue: drafting acts on the current agency; every step names the item (and a file).
        ["staff/catalog/new#"] = (t, f) => [new("/staff/catalog/new", [("Input.Title", "走查草稿"), ("Input.Summary", "走查"), ("Input.GeneratedOn", t.Today), ("Input.CategoryCode", "art20-01")], false)],
        ["staff/catalog/{id:long}/edit#"] = (t, f) => [new($"/staff/catalog/{t.Id("catalog")}/edit", [("Input.Title", "走查改名"), ("Input.Summary", "走查"), ("Input.GeneratedOn", t.Today), ("Input.CategoryCode", "art20-01"), ("Version", t.Version("catalog"))], f)],
        ["staff/catalog/{id:long}#Submit"] = (t, f) => ItemStep(t, f, "Submit"),
        ["staff/catalog/{id:long}#Approve"] = (t, f) => ItemStep(t, f, "Approve", ("Reason", "走查")),
        ["staff/catalog/{id:long}#Refuse"] = (t, f) => ItemStep(t, f, "Refuse", ("Reason", "走查")),
        ["staff/catalog/{id:long}#Publish"] = (t, f) => ItemStep(t, f, "Publish"),
        ["staff/catalog/{id:long}#Withdraw"] = (t, f) => ItemStep(t, f, "Withdraw", ("Reason", "走查")),
        ["staff/catalog/{id:long}#Validity"] = (t, f) => ItemStep(t, f, "Validity", ("NewValidity", "Repealed")),
        ["staff/catalog/{id:long}#Upload"] = (t, f) => ItemStep(t, f, "Upload"),
        ["staff/catalog/{id:long}#RemoveFile"] = (t, f) => ItemStep(t, f, "RemoveFile&fileId=" + t.Id("file")),

        // The register, Art. 20 figures, the agency's own rules, the annual report.
        ["staff/disclosure/documents#"] = (t, f) => [new("/staff/disclosure/documents", [("Input.Kind", "规范性文件"), ("Input.Title", "走查文件"), ("Input.IssuedOn", "2025-01-02")], false)],
        ["staff/disclosure/documents/{id:long}#Update"] = (t, f) => [new($"/staff/disclosure/documents/{t.Id("document")}?handler=Update", [("Input.Kind", "规范性文件"), ("Input.Title", "走查改名"), ("Input.IssuedOn", "2025-03-01"), ("Version", t.Version("document"))], f)],
        ["staff/disclosure/documents/{id:long}#Repeal"] = (t, f) => [new($"/staff/disclosure/documents/{t.Id("document")}?handler=Repeal", [("RepealedOn", t.Today), ("Version", t.Version("document"))], f)],
        ["staff/disclosure/documents/{id:long}#Remove"] = (t, f) => [new($"/staff/disclosure/documents/{t.Id("document")}?handler=Remove", [("Version", t.Version("document"))], f)],
        ["staff/disclosure/article20#Save"] = (t, f) => [new("/staff/disclosure/article20?handler=Save&year=2025", [], false)],
        ["staff/disclosure/article20#Import"] = (t, f) => [new("/staff/disclosure/article20?handler=Import&year=2025", [], false)],
        // 添加分类 names a parent in a form field: another agency's is refused at that field ("所选的上级分类不存在").
        ["staff/disclosure/categories#Add"] = (t, f) => [new("/staff/disclosure/categories?handler=Add", [("ParentId", t.Id("category")), ("Code", "walk"), ("Name", "走查分类")], false)],
        ["staff/disclosure/categories#Rename"] = (t, f) => [new($"/staff/disclosure/categories?handler=Rename&id={t.Id("category")}", [("Name", "走查改名"), ("Version", t.Version("category"))], f)],
        ["staff/disclosure/categories#Move"] = (t, f) => [new($"/staff/disclosure/categories?handler=Move&id={t.Id("category")}", [("ParentId", ""), ("Version", t.Version("category"))], f)],
        ["staff/disclosure/categories#Remove"] = (t, f) => [new($"/staff/disclosure/categories?handler=Remove&id={t.Id("category")}", [("Version", t.Version("category"))], f)],
        ["staff/disclosure/policies#"] = (t, f) => [new("/staff/disclosure/policies?edit=" + t.Id("policy"), [("Input.Title", "走查改名"), ("Input.IssuedOn", "2025-01-02"), ("Input.Body", "走查")], f)],
        ["staff/disclosure/policies#Remove"] = (t, f) => [new($"/staff/disclosure/policies?handler=Remove&id={t.Id("policy")}", [], f)],
        ["staff/reports/{year:int?}#Save"] = (t, f) => [new("/staff/reports/2025?handler=Save", [], false)],
        ["staff/reports/{year:int?}#Publish"] = (t, f) => [new("/staff/reports/2025?handler=Publish", [("confirmed", "true")], false)],
        ["staff/reports/{year:int?}#Withdraw"] = (t, f) => [new("/staff/reports/2025?handler=Withdraw", [], false)],
        ["staff/reports/{year:int?}#Import"] = (t, f) => [new("/staff/reports/2025?handler=Import", [], false)],

        // Settings of the current agency; the installation's (rules, site) are the root's administrators' only.
        ["staff/admin/disclosure#Settings"] = (t, f) => [new("/staff/admin/disclosure?handler=Settings", [("IndexPattern", "{机关代码}-{年}-{序号:4}"), ("Steps[0].Name", "走查"), ("Steps[0].Role", "保密审查员"), ("SettingsVersion", "1")], false)],
        ["staff/admin/disclosure#Duties"] = (t, f) => [new("/staff/admin/disclosure?handler=Duties", [.. t.Side.Users.Select((_, i) => ("Duties", $"{t.Side.Ids["user"][i]}|保密审查员"))], false)],
        ["staff/admin/settings#"] = (t, f) => [new("/staff/admin/settings", [("Input.OfficeName", "走查办公室")], false)],
        ["staff/admin/settings#Reminders"] = (t, f) => [new("/staff/admin/settings?handler=Reminders", [("ReminderDays", "7")], false)],
        ["staff/admin/notices#"] = (t, f) => [new("/staff/admin/notices", [("kind", "art36-4"), ("title", "走查"), ("body", "走查"), ("version", "0")], false)],
        ["staff/admin/rules#"] = (t, f) => [new("/staff/admin/rules", [], false)],
        ["staff/admin/site#"] = (t, f) => [new("/staff/admin/site", [("Input.HostName", "走查主办单位")], false)],

        // The agency tree and staff accounts: every form names the agency or the account.
        ["staff/admin/agencies#Add"] = (t, f) => [new("/staff/admin/agencies?handler=Add", [("Input.Code", "walk"), ("Input.Name", "走查单位"), ("Input.Kind", "department"), ("Input.ParentId", t.Side.Agency.Id.ToString(CultureInfo.InvariantCulture))], f)],
        ["staff/admin/agencies#Edit"] = (t, f) => [new("/staff/admin/agencies?handler=Edit", [("Input.Id", t.Side.Agency.Id.ToString(CultureInfo.InvariantCulture)), ("Input.Name", "走查改名"), ("Input.Kind", "department"), ("Input.Version", t.Versions["agency"])], f)],
        ["staff/admin/agencies#Move"] = (t, f) => [new("/staff/admin/agencies?handler=Move", [("Input.Id", t.Side.Agency.Id.ToString(CultureInfo.InvariantCulture)), ("Input.ParentId", t.Side.Agency.ParentId!.Value.ToString(CultureInfo.InvariantCulture)), ("Input.Version", t.Versions["agency"])], f)],
        ["staff/admin/agencies#Archive"] = (t, f) => [new($"/staff/admin/agencies?handler=Archive&id={t.Side.Agency.Id}&version={t.Versions["agency"]}", [], f)],
        ["staff/admin/agencies#Remove"] = (t, f) => [new($"/staff/admin/agencies?handler=Remove&id={t.Side.Agency.Id}&version={t.Versions["agency"]}", [], f)],
        ["staff/admin/users#Create"] = (t, f) => [new("/staff/admin/users?handler=Create", [("Input.UserName", "walk-" + t.Side.Agency.Code), ("Input.DisplayName", "走查"), ("Input.Roles", StaffRoles.DisclosureOfficer), ("Input.AgencyId", t.Side.Agency.Id.ToString(CultureInfo.InvariantCulture))], f)],
        ["staff/admin/users#Reset"] = (t, f) => UserStep(t, f, "Reset"),
        ["staff/admin/users#Disable"] = (t, f) => UserStep(t, f, "Disable"),
        ["staff/admin/users#Enable"] = (t, f) => UserStep(t, f, "Enable"),
        ["staff/admin/users#Unlock"] = (t, f) => UserStep(t, f, "Unlock"),
        ["staff/admin/users#Roles"] = (t, f) => UserStep(t, f, "Roles", ("roles", $"{t.Side.Agency.Id}:{StaffRoles.Supervisor}")),

        // The supervising office's uploads of reports: stored for the current agency.
        ["staff/supervision/uploads#"] = (t, f) => [new("/staff/supervision/uploads", [], false)],
        ["staff/supervision/uploads/{batch}#"] = (t, f) => [new("/staff/supervision/uploads/walk", [], false)],
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryStateChangingEndpoint_PostedWithTheSiblingsIds_Is404Or403_AndChangesNothingThere(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var a = new Side(await app.AddAgencyAsync("jyj", "示范县教育局"), "甲");
        var b = new Side(await app.AddAgencyAsync("mzj", "示范县民政局"), "乙");
        foreach (var side in new[] { a, b })
        {
            await FillAsync(app, side);
            await FillMoreAsync(app, side);
        }

        var handlers = await StateChangingEndpointsAsync(app);
        Assert.Contains("staff/cases/{id:long}#Reply", handlers);
        Assert.Contains("staff/admin/users#Roles", handlers);
        Assert.Empty(handlers.Where(h => !HowToPost.ContainsKey(h)).Select(h => "no entry in HowToPost for " + h));
        Assert.Empty(HowToPost.Keys.Where(k => !handlers.Contains(k)).Select(k => "HowToPost names a handler that is gone: " + k));

        // Every leak is collected, then all are reported at once.
        var leaks = new List<string>();
        foreach (var (own, other) in new[] { (a, b), (b, a) })
        {
            var target = new Target(other, await VersionsAsync(app, other), Iso(Today(app)));
            var before = await SnapshotAsync(app, other.Agency.Id);
            foreach (var handler in handlers)
            {
                foreach (var attempt in HowToPost[handler](target, true))
                {
                    foreach (var user in own.Users)
                    {
                        using var response = await PostAsync(user, attempt);
                        var where = $"{handler}: {attempt.Url} by a user of {own.Agency.Name}";
                        if (response.StatusCode == HttpStatusCode.InternalServerError
                            || (attempt.Foreign && !(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || IsAccessDenied(response))))
                        {
                            leaks.Add($"{where} (naming {other.Agency.Name}'s record) answered {(int)response.StatusCode} {response.Headers.Location}");
                        }
                    }
                }

                var after = await SnapshotAsync(app, other.Agency.Id);
                if (before != after)
                {
                    leaks.Add($"{handler} posted by users of {own.Agency.Name} changed {other.Agency.Name}: {FirstDifference(before, after)}");
                    before = after;
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ArchivedAgency_EveryFormIsRefusedWithOneMessage_NothingChanges_ItsPagesAndColumnStayReadable(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var a = new Side(await app.AddAgencyAsync("jyj", "示范县教育局"), "甲");
        await FillAsync(app, a);
        await FillMoreAsync(app, a);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await db.Agencies.Where(x => x.Id == a.Agency.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, app.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
        }

        var handlers = await StateChangingEndpointsAsync(app);
        var target = new Target(a, await VersionsAsync(app, a), Iso(Today(app)));
        var before = await SnapshotAsync(app, a.Agency.Id);
        var message = ArchivedAgencyGuard.Message("示范县教育局");
        foreach (var handler in handlers)
        {
            // The forms left open (choosing the agency, the tree, accounts) are not posted: they would sign the walk's users out.
            if (ArchivedAgencyGuard.Open.Any(p => handler.StartsWith(p.TrimStart('/').ToLowerInvariant() + "#", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var attempt in HowToPost[handler](target, false))
            {
                foreach (var user in a.Users)
                {
                    using var response = await PostAsync(user, attempt);
                    Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                    if (IsAccessDenied(response))
                    {
                        continue;
                    }

                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} in an archived agency answered {(int)response.StatusCode}");
                    var back = response.Headers.Location!.OriginalString;
                    Assert.Equal(new Uri("http://x" + attempt.Url).AbsolutePath, back);
                    // The message waits for the next page of the back office (the page posted from, as a browser follows the
                    // redirect; read here on the plainest page, since some addresses of the table exist only to be posted to).
                    var shown = await user.GetTextAsync("/staff/agency");
                    Assert.True(shown.Contains(message, StringComparison.Ordinal), $"{handler}: the refusal is not shown");
                }
            }

            var after = await SnapshotAsync(app, a.Agency.Id);
            Assert.True(before == after, $"{handler} changed the archived agency: {FirstDifference(before, after)}");
        }

        // Its pages and its portal column stay readable.
        Assert.Contains("甲申请人", await a.Users[0].GetTextAsync("/staff/cases?status=all"));
        Assert.Contains("甲目录草稿标题", await a.Users[0].GetTextAsync("/staff/catalog/" + a.Ids["catalog"][0]));
        using var visitor = app.NewClient();
        using var column = await visitor.GetAsync("/agencies/jyj/");
        Assert.Equal(HttpStatusCode.OK, column.StatusCode);
        Assert.Contains("示范县教育局", await column.Content.ReadAsStringAsync());
    }

    private static IEnumerable<PostAttempt> CaseStep(Target t, bool foreign, string handler, params (string, string)[] fields) =>
        [new($"/staff/cases/{t.Id("case")}?handler={handler}", [.. fields, ("Version", t.Version("case"))], foreign)];

    private static IEnumerable<PostAttempt> ItemStep(Target t, bool foreign, string handler, params (string, string)[] fields) =>
        [new($"/staff/catalog/{t.Id("catalog")}?handler={handler}", [.. fields, ("Version", t.Version("catalog"))], foreign)];

    private static IEnumerable<PostAttempt> UserStep(Target t, bool foreign, string handler, params (string, string)[] fields) =>
        t.Side.Ids["user"].Select(id => new PostAttempt($"/staff/admin/users?handler={handler}&id={id}", fields, foreign));

    private static bool IsAccessDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith("/account/access-denied", StringComparison.Ordinal);

    /// <summary>Posts the form as the signed-in user (the antiforgery token of their own back office).</summary>
    private static async Task<HttpResponseMessage> PostAsync(StaffClient user, PostAttempt attempt)
    {
        var token = StaffClient.Token(await user.GetHtmlAsync("/staff/agency"));
        var content = new FormUrlEncodedContent(attempt.Fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token)));
        return await user.Http.PostAsync(attempt.Url, content);
    }

    /// <summary>Ids the GET walk does not need: the agency's rule (制度) and its staff accounts.</summary>
    private static async Task FillMoreAsync(GongkaiApp app, Side side)
    {
        side.Ids["policy"] = [];
        side.Ids["user"] = [];
        using (var added = await side.Users[0].PostFormAsync("/staff/disclosure/policies", "/staff/disclosure/policies",
            ("Input.Title", $"{side.Tag}公开制度"), ("Input.IssuedOn", "2025-01-02"), ("Input.Body", $"{side.Tag}制度正文")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        side.Ids["category"] = [(await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == side.Agency.Id).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture)];
        side.Ids["policy"].Add((await db.DisclosureRules.AsNoTracking().Where(r => r.AgencyId == side.Agency.Id).Select(r => r.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture));
        var staff = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        var names = new[] { "-officer", "-leader", "-admin" }.Select(s => side.Agency.Code + s).ToList();
        side.Ids["user"].AddRange(await staff.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync());
    }

    /// <summary>The versions a post carries: the first case's and item's, and the agency's (register documents carry none).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> VersionsAsync(GongkaiApp app, Side side)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var caseId = long.Parse(side.Ids["case"][0], CultureInfo.InvariantCulture);
        var itemId = long.Parse(side.Ids["catalog"][0], CultureInfo.InvariantCulture);
        var categoryId = int.Parse(side.Ids["category"][0], CultureInfo.InvariantCulture);
        string S(int v) => v.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case:" + caseId] = S(await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync()),
            ["catalog:" + itemId] = S(await db.CatalogItems.Where(c => c.Id == itemId).Select(c => c.Version).SingleAsync()),
            ["category:" + categoryId] = S(await db.CatalogCategories.Where(c => c.Id == categoryId).Select(c => c.Version).SingleAsync()),
            ["agency"] = S(await db.Agencies.Where(x => x.Id == side.Agency.Id).Select(x => x.Version).SingleAsync()),
        };
    }

    /// <summary>
    /// Every stored row of the agency, as text: each table of the model with an agency column, the rows below its cases
    /// and catalogue items, its staff's accounts (password, stamp, lockout, disabled) and memberships.
    /// </summary>
    private static async Task<string> SnapshotAsync(GongkaiApp app, int agencyId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => (Table: e.GetTableName()!, Columns: e.GetProperties().Select(p => p.GetColumnName()).ToList()))
            .Where(t => !t.Table.StartsWith("staff_", StringComparison.Ordinal)).DistinctBy(t => t.Table).OrderBy(t => t.Table, StringComparer.Ordinal).ToList();
        var id = agencyId.ToString(CultureInfo.InvariantCulture);
        var queries = new List<string>();
        foreach (var (table, columns) in tables)
        {
            var where = table == "agencies" ? $"id = {id}"
                : columns.Contains("agency_id") ? $"agency_id = {id}"
                : columns.Contains("supervising_agency_id") ? $"supervising_agency_id = {id}"
                : columns.Contains("case_id") ? $"case_id IN (SELECT id FROM cases WHERE agency_id = {id})"
                : columns.Contains("item_id") ? $"item_id IN (SELECT id FROM catalog_items WHERE agency_id = {id})"
                : columns.Contains("supplement_id") ? $"supplement_id IN (SELECT s.id FROM case_supplements s JOIN cases c ON c.id = s.case_id WHERE c.agency_id = {id})"
                : null;
            if (where is not null)
            {
                queries.Add($"SELECT * FROM {table} WHERE {where} ORDER BY 1");
            }
        }

        var members = $"SELECT user_id FROM staff_memberships WHERE agency_id = {id}";
        queries.Add($"SELECT id, user_name, password_hash, security_stamp, disabled, lockout_end, must_change_password, agency_id, department_id FROM staff_users WHERE id IN ({members}) ORDER BY id");
        queries.Add($"SELECT * FROM staff_memberships WHERE user_id IN ({members}) ORDER BY 1, 2, 3");
        var text = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var sql in queries)
        {
            text.Append("## ").AppendLine(sql);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                    text.Append(reader.GetName(i)).Append('=').Append(value).Append('|');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    private static string FirstDifference(string before, string after)
    {
        var b = before.Split('\n');
        var a = after.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < b.Length ? b[i] : "(none)";
            var y = i < a.Length ? a[i] : "(none)";
            if (x != y)
            {
                return $"before: {x[..Math.Min(x.Length, 400)]} / after: {y[..Math.Min(y.Length, 400)]}";
            }
        }

        return "(same)";
    }

    /// <summary>Every state-changing endpoint of the back office and the API: <c>pattern#Handler</c> of each page's POST handler, <c>METHOD pattern</c> of others.</summary>
    private static async Task<SortedSet<string>> StateChangingEndpointsAsync(GongkaiApp app)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
            if (!pattern.StartsWith("staff", StringComparison.Ordinal) && !pattern.StartsWith("api", StringComparison.Ordinal))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    result.Add($"{pattern}#{handler.Name}");
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods.Where(m => m is not ("GET" or "HEAD" or "OPTIONS")))
            {
                result.Add($"{method} {pattern}");
            }
        }

        return result;
    }
}
