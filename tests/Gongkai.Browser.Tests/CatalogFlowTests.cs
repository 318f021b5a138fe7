using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

public class CatalogFlowTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Officer_DraftsWithAFile_ReviewerApprovesEveryStep_OfficerPublishes_PhoneFindsItByAFewCharacters()
    {
        var (app, baseUrl) = LiveApp.Start(settings: new Dictionary<string, string?> { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" });
        using var _ = app;
        await Staff.CreateAsync(app, "gongkaiban", StaffRoles.DisclosureOfficer);
        var reviewer = await Staff.CreateAsync(app, "shenhe", StaffRoles.ApprovingLeader);
        using (var scope = app.Services.CreateScope())
        {
            var root = await Staff.RootIdAsync(app);
            await scope.ServiceProvider.GetRequiredService<Gongkai.Application.Staff.ReviewDutyStore>()
                .ReplaceAsync(reviewer.Id, [root], new[] { "保密审查员", "科室负责人", "分管领导", "主要负责人" }.Select(d => (root, d)));
        }

        var file = Path.Combine(Path.GetTempPath(), $"gongkai-{Guid.NewGuid():N}", "预防接种门诊名单.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        await using var officerContext = await browser.DesktopAsync(baseUrl);
        await using var reviewerContext = await browser.DesktopAsync(baseUrl);
        await using var phone = await browser.PhoneAsync(baseUrl);

        await Browser.RunAsync([officerContext, reviewerContext, phone], async () =>
        {
            var office = await officerContext.NewPageAsync();
            await new LoginPage(office).SignInAsync("gongkaiban", Staff.Password);
            var draft = new StaffCatalogPage(office);
            await draft.DraftAsync("冬季流感预防接种门诊开放时间调整的通告", "自12月起，全区预防接种门诊周六上午开放。",
                "扶贫、教育、医疗、社会保障、促进就业（第二十条第（十一）项）", "政务新媒体", file);
            await Browser.StepAsync(office, "staff-catalog-draft");
            await draft.SaveDraftAsync();
            await Assertions.Expect(draft.File("预防接种门诊名单.pdf")).ToBeVisibleAsync();
            await draft.SubmitAsync("下一步：保密审查（保密审查员）");
            var itemUrl = draft.Url;

            var review = await reviewerContext.NewPageAsync();
            await new LoginPage(review).SignInAsync("shenhe", Staff.Password);
            var reviewing = new StaffCatalogPage(review);
            await reviewing.OpenWorkListAsync();
            await Assertions.Expect(reviewing.Heading("待我审核（1）")).ToBeVisibleAsync();
            await reviewing.OpenWorkListItemAsync("冬季流感预防接种门诊开放时间调整的通告");
            foreach (var step in new[] { "保密审查", "科室负责人审核", "分管领导审核", "主要负责人签发" })
            {
                await reviewing.ApproveAsync(step);
            }

            await Assertions.Expect(reviewing.Stage).ToHaveTextAsync("已审核待发布");
            await Browser.StepAsync(review, "staff-catalog-approved");

            await draft.OpenAsync(itemUrl);
            await draft.PublishAsync();
            await Browser.StepAsync(office, "staff-catalog-published");

            var portal = await phone.NewPageAsync();
            var catalog = new PortalCatalogPage(portal);
            await catalog.SearchAsync("接种门诊");
            await catalog.OpenItemAsync("冬季流感预防接种门诊开放时间调整的通告");
            await Assertions.Expect(catalog.Heading).ToHaveTextAsync("冬季流感预防接种门诊开放时间调整的通告");
            await Assertions.Expect(catalog.Attachment("预防接种门诊名单.pdf")).ToBeVisibleAsync();
            await Layout.AssertFitsAsync(portal);
            await Browser.StepAsync(portal, "phone-catalog-item");
        });
    }
}
