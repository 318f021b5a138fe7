using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

public class DemoDataTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FirstStart_SeedsAYearOfCasesWithRealHistories(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var client = app.NewClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var today = Today(app);

        // The health bureau (the first agency) carries the detailed demo; the other agencies of the demo government have ledgers.
        var bureau = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var cases = await db.Cases.AsNoTracking().Where(c => c.AgencyId == bureau).ToListAsync();
        var types = await db.CaseEvents.AsNoTracking().Where(e => db.Cases.Any(c => c.Id == e.CaseId && c.AgencyId == bureau)).Select(e => e.Type).ToListAsync();

        Assert.InRange(cases.Count, 140, 160);
        Assert.Contains(cases, c => c.ClosedOn is null && c.ReplyDue < today);
        Assert.Contains(cases, c => c.ClosedOn is null && c.ReplyDue >= today);
        Assert.True(cases.Min(c => c.ReceivedOn) <= today.AddMonths(-13));
        Assert.Contains(types, t => t == "supplementReceived");
        Assert.Contains(types, t => t == "extended");
        Assert.Contains(types, t => t == "consultationEnded");
        Assert.Equal(3, await db.ReviewLitigation.CountAsync(r => r.AgencyId == bureau));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FirstStart_SeedsACatalogueAtEveryStage_PortalShowsThePublishedOnes(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider);
        using var visitor = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);

        var work = await officer.GetTextAsync("/staff/catalog");
        var portal = await visitor.GetTextAsync("/catalog");
        var budget = await visitor.GetTextAsync("/catalog?q=" + Uri.EscapeDataString("部门预算"));
        var documents = await officer.GetTextAsync("/staff/disclosure/documents");

        Assert.Contains("共 12 条", work);
        Assert.Contains("审核通过、待发布（1）", work);
        Assert.Contains("审核中（科室负责人审核）", work);
        Assert.Contains("有 1 条信息超过第二十六条规定的期限", work);
        Assert.Contains("示范县卫生健康局机构职能", portal);
        Assert.DoesNotContain("基层医疗卫生机构绩效考核结果", portal);
        var id = System.Text.RegularExpressions.Regex.Match(budget, "<a href=\"/catalog/(\\d+)\">示范县卫生健康局部门预算</a>").Groups[1].Value;
        Assert.Contains("部门预算表.pdf", await visitor.GetTextAsync("/catalog/" + id));
        Assert.Contains("示范县公共场所卫生许可实施细则", documents);
    }

    [Fact]
    public async Task ReportPage_CountsSectionThreeFromRecords_NarrativeKept()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var year = Today(app).Year;
        var page = await RegisterAsync(officer, arrived: Today(app));
        await StepAsync(officer, page, "Reply", ("Step.Date", Iso(Today(app))), ("Step.Outcome", "Granted"));
        using (var save = await officer.PostFormAsync($"/staff/reports/{year}", $"/staff/reports/{year}?handler=Save", ("Sections.Overview", "本年度概述文字")))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, save.StatusCode);
        }

        using var scope = app.Services.CreateScope();
        var source = scope.ServiceProvider.GetRequiredService<Gongkai.Application.Reports.IReportSource>();
        var agency = await scope.ServiceProvider.GetRequiredService<Gongkai.Web.Infrastructure.CurrentAgency>().GetAsync();
        var report = await source.LoadAsync(agency, year);

        Assert.Equal(1, report.Applications[Gongkai.Domain.Reports.ApplicationRowKeys.Granted, Gongkai.Domain.Reports.ApplicantColumn.NaturalPerson]);
        Assert.Equal(1, report.Applications[Gongkai.Domain.Reports.ApplicationRowKeys.Received, Gongkai.Domain.Reports.ApplicantColumn.NaturalPerson]);
        Assert.Equal("本年度概述文字", report.Sections.Overview);
    }
}
