using System.Globalization;
using System.Net;
using Gongkai.Data;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Agencies;

/// <summary>A link to a case of another agency the person works for (as the daily reminder sends): told which, switched in one step.</summary>
public partial class AgencyScopeTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CaseLinkOfAnotherOfTheirAgencies_SaysWhichAgency_SwitchesAndOpensIt_OthersStill404(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        var a = await app.AddAgencyAsync("jyj", "示范县教育局");
        var b = await app.AddAgencyAsync("mzj", "示范县民政局");
        using var officerB = await SignedInInAsync(app, "yi", b.Id, StaffRoles.DisclosureOfficer);
        var casePage = await RegisterAsync(officerB, "乙申请人", arrived: Today(app));
        var caseId = casePage[(casePage.LastIndexOf('/') + 1)..];

        var both = await Staff.CreateInAsync(app, "liang", a.Id, StaffRoles.DisclosureOfficer);
        await Staff.AddMembershipAsync(app, both, b.Id, StaffRoles.DisclosureOfficer);
        using var client = app.NewClient();
        await client.SignInOkAsync("liang", Staff.Password);

        // Working in 教育局, the link to 民政局's case says where it belongs instead of “not found”.
        using (var link = await client.GetAsync(casePage))
        {
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
            Assert.Equal("/staff/cases/elsewhere/" + caseId, link.Headers.Location?.OriginalString);
        }

        var elsewhere = await client.GetTextAsync("/staff/cases/elsewhere/" + caseId);
        Assert.Contains("属于示范县民政局", elsewhere);
        Assert.Contains("切换到示范县民政局并打开申请", elsewhere);
        Assert.DoesNotContain("乙申请人", elsewhere);

        // One button: 当前单位 becomes 民政局 and the case opens.
        using (var switched = await client.PostFormAsync("/staff/cases/elsewhere/" + caseId, "/staff/agency",
            ("agencyId", b.Id.ToString(CultureInfo.InvariantCulture)), ("returnUrl", casePage)))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Equal(casePage, switched.Headers.Location?.OriginalString);
        }

        var opened = await client.GetTextAsync(casePage);
        Assert.Contains("乙申请人", opened);
        Assert.Contains("当前单位已切换为：示范县民政局。", opened);

        // Now in 民政局, the page of its own case is the case itself, never the switch page.
        using (var own = await client.GetAsync("/staff/cases/elsewhere/" + caseId))
        {
            Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        }

        // A return address outside the back office is not followed.
        using (var outside = await client.PostFormAsync("/staff", "/staff/agency", ("agencyId", a.Id.ToString(CultureInfo.InvariantCulture)), ("returnUrl", "https://example.com/staff/")))
        {
            Assert.Equal("/staff", outside.Headers.Location?.OriginalString);
        }

        // Someone who does not work for 民政局 learns nothing of the case: 404 at both addresses.
        using var officerA = await SignedInInAsync(app, "jia", a.Id, StaffRoles.DisclosureOfficer);
        using (var foreign = await officerA.GetAsync(casePage))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var foreign = await officerA.GetAsync("/staff/cases/elsewhere/" + caseId))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }
    }
}
