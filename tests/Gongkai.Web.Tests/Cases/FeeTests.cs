using Gongkai.Application.Cases;
using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Results;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Web.Tests.Cases.CaseFlow;

namespace Gongkai.Web.Tests.Cases;

/// <summary>信息处理费 (Art. 42; 国办函〔2020〕109号 Arts. 3–5): 按量 bands, 按件 from the records, the form, the notice, /status.</summary>
public class FeeTests
{
    private const string Free30 = "1–30页：免收";

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SendFeeNotice_PerPage_EveryBandBoundary(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        (int Pages, decimal Total, string Basis)[] expected =
        [
            (31, 10m, $"按量计收，共31页：{Free30}；31–100页：1页×10元＝10元"),
            (100, 700m, $"按量计收，共100页：{Free30}；31–100页：70页×10元＝700元"),
            (101, 720m, $"按量计收，共101页：{Free30}；31–100页：70页×10元＝700元；101–200页：1页×20元＝20元"),
            (200, 2700m, $"按量计收，共200页：{Free30}；31–100页：70页×10元＝700元；101–200页：100页×20元＝2000元"),
            (201, 2740m, $"按量计收，共201页：{Free30}；31–100页：70页×10元＝700元；101–200页：100页×20元＝2000元；201页以上：1页×40元＝40元"),
        ];

        var free = await SendAsync(app, await RegisterAsync(officer, arrived: Today(app)), FeeMethod.PerPage, 30);
        var refused = Assert.IsType<Refused>(free.Error);
        Assert.Equal("按量计收：30页以内免收，30页不收费，不必发出收费通知", refused.Message);
        Assert.Equal("Pages", refused.Field);

        foreach (var (pages, total, basis) in expected)
        {
            var result = await SendAsync(app, await RegisterAsync(officer, arrived: Today(app)), FeeMethod.PerPage, pages);

            Assert.Null(result.Error);
            Assert.Equal(total, result.Value!.Case.Fee!.AmountYuan);
            var sent = result.Value.Case.Events.OfType<FeeNoticeSent>().Single();
            Assert.Equal((FeeMethod.PerPage, pages, basis), (sent.Method!.Value, sent.Quantity!.Value, sent.Basis));
        }

        // What was recorded is what the office's history shows.
        Assert.Contains("发出收费通知（2740元；按量计收，共201页", await officer.GetTextAsync(await LastCaseAsync(app)));
    }

    [Fact]
    public async Task SendFeeNotice_PerApplication_CountsTheSameApplicantsApplicationsThisMonth()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var pages = new List<string>();
        for (var n = 1; n <= 11; n++)
        {
            pages.Add(await RegisterAsync(officer, "王某", arrived: Today(app)));
            if (n == 5)
            {
                await RegisterAsync(officer, "李某", arrived: Today(app)); // another applicant: not counted
            }
        }

        var tenth = await SendAsync(app, pages[9], FeeMethod.PerApplication, null);
        var eleventh = await SendAsync(app, pages[10], FeeMethod.PerApplication, null);

        Assert.Equal("按件计收：本申请是申请人本月第10件申请，在免收范围内，不必发出收费通知", tenth.Error?.Message);
        Assert.Equal(100m, eleventh.Value!.Case.Fee!.AmountYuan);
        Assert.Equal("按件计收，本申请是申请人本月第11件申请：11–30件：1件×100元＝100元", eleventh.Value.Case.Events.OfType<FeeNoticeSent>().Single().Basis);
    }

    [Fact]
    public async Task FeeForm_PerPage_ShowsTheBandsBeforeConfirming_NoticeAndStatusStateTheBasis()
    {
        using var app = new GongkaiApp(DatabaseProvider.Sqlite, NoDemoCases);
        using var applicant = app.NewClient();
        using var officer = await Staff.SignedInAsync(app, "officer1", StaffRoles.DisclosureOfficer);
        var (number, code, casePage) = await ApplicantSideTests.ApplyAndConfirmAsync(app, applicant, officer);
        var today = Iso(Today(app));

        // 按件 is computed from the records as the page opens: the applicant's first application this month is free.
        var html = await officer.GetTextAsync(casePage + "?action=SendFeeNotice");
        Assert.Contains("按件计收：应收 0 元（本申请是申请人本月第1件申请）", html);
        Assert.Contains("1–10件：免收", html);

        // 按量: the officer enters the pages and sees every band before confirming.
        var missing = await StepAsync(officer, casePage, "FeeQuote", ("Step.Date", today), ("Step.Method", "PerPage"), ("Step.Pages", ""));
        Assert.Contains("页数：按量计收须填写提供的页数", missing);
        html = await StepAsync(officer, casePage, "FeeQuote", ("Step.Date", today), ("Step.Method", "PerPage"), ("Step.Pages", "120"));
        Assert.Contains("按量计收：应收 1100 元（共120页）", html);
        Assert.Contains("31–100页：70页×10元＝700元", html);
        Assert.Contains("101–200页：20页×20元＝400元", html);
        Assert.DoesNotContain("发出收费通知（", html);

        // Confirming an amount that is no longer the fee is refused, with the fee as computed now.
        html = await StepAsync(officer, casePage, "FeeNotice", ("Step.Date", today), ("Step.Method", "PerPage"), ("Step.Pages", "120"), ("Step.Amount", "700"));
        Assert.Contains("按现在的记录计算，信息处理费为1100元（按量计收，共120页", html);
        Assert.Contains("与页面上显示的700元不同", html);

        html = await StepAsync(officer, casePage, "FeeNotice", ("Step.Date", today), ("Step.Method", "PerPage"), ("Step.Pages", "120"), ("Step.Amount", "1100"));
        Assert.Contains("已记录：发出收费通知（1100元）", html);
        Assert.Contains("待缴费", html);

        // The notice states the basis and the amount; /status shows them to the applicant.
        html = await StepAsync(officer, casePage, "Notice", ("kind", "fee"));
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/staff/cases/\\d+/notices/\\d+)\">政府信息公开信息处理费缴费通知书").Groups[1].Value;
        using var docx = await officer.GetAsync(link);
        var text = CaseStepTests.DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("您的申请应缴纳信息处理费1100元。计收依据和标准：按量计收，共120页：1–30页：免收；31–100页：70页×10元＝700元；101–200页：20页×20元＝400元。请自收到本通知之日起20个工作日内缴纳", text);
        var status = await ApplicantSideTests.StatusAsync(applicant, number, code);
        Assert.Contains("信息处理费1100元（按量计收，共120页：1–30页：免收；31–100页：70页×10元＝700元；101–200页：20页×20元＝400元），请于", status);
    }

    private static long Id(string casePage) => long.Parse(casePage[(casePage.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> LastCaseAsync(GongkaiApp app)
    {
        await using var db = app.Database.Open();
        return "/staff/cases/" + db.Cases.Max(c => c.Id).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Result<Gongkai.Data.Cases.RecordedCase>> SendAsync(GongkaiApp app, string casePage, FeeMethod method, int? pages)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var id = Id(casePage);
        var agencyId = db.Cases.Single(c => c.Id == id).AgencyId;
        return await scope.ServiceProvider.GetRequiredService<SendFeeNotice>()
            .ExecuteAsync(new SendFeeNoticeRequest(agencyId, id, null, Today(app), "officer1", method, pages));
    }
}
