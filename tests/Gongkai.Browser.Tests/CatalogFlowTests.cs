using Gongkai.Browser.Tests.Pages;
using Gongkai.Data.Records;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
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
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True((await ReviewDuties.SetAsync(users, (await users.FindByIdAsync(reviewer.Id))!, ["保密审查员", "科室负责人", "分管领导", "主要负责人"])).Succeeded);
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
            await office.GetByRole(AriaRole.Navigation, new() { Name = "后台导航" }).GetByRole(AriaRole.Link, new() { Name = "主动公开" }).ClickAsync();
            await office.GetByRole(AriaRole.Link, new() { Name = "拟稿" }).ClickAsync();
            await office.GetByLabel("名称").FillAsync("冬季流感预防接种门诊开放时间调整的通告");
            await office.GetByLabel("内容概述").FillAsync("自12月起，全区预防接种门诊周六上午开放。");
            await office.GetByLabel("主题分类").SelectOptionAsync(new SelectOptionValue { Label = "扶贫、教育、医疗、社会保障、促进就业（第二十条第（十一）项）" });
            await office.GetByLabel("政务新媒体").CheckAsync();
            await office.GetByLabel("选择文件").SetInputFilesAsync(file);
            await Browser.StepAsync(office, "staff-catalog-draft");
            await office.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存草稿，索引号");
            await Assertions.Expect(office.GetByRole(AriaRole.Link, new() { Name = "预防接种门诊名单.pdf" })).ToBeVisibleAsync();
            await office.GetByRole(AriaRole.Button, new() { Name = "送审" }).ClickAsync();
            await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("下一步：保密审查（保密审查员）");
            var itemUrl = office.Url;

            var review = await reviewerContext.NewPageAsync();
            await new LoginPage(review).SignInAsync("shenhe", Staff.Password);
            await review.GotoAsync("/staff/catalog");
            await Assertions.Expect(review.GetByRole(AriaRole.Heading, new() { Name = "待我审核（1）" })).ToBeVisibleAsync();
            await review.GetByRole(AriaRole.Link, new() { Name = "冬季流感预防接种门诊开放时间调整的通告" }).First.ClickAsync();
            foreach (var step in new[] { "保密审查", "科室负责人审核", "分管领导审核", "主要负责人签发" })
            {
                await review.GetByRole(AriaRole.Button, new() { Name = $"同意（{step}）" }).ClickAsync();
                await Assertions.Expect(review.GetByRole(AriaRole.Status)).ToContainTextAsync("已同意");
            }

            await Assertions.Expect(review.Locator("dl.facts strong").First).ToHaveTextAsync("已审核待发布");
            await Browser.StepAsync(review, "staff-catalog-approved");

            await office.GotoAsync(itemUrl);
            await office.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
            await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("已发布");
            await Browser.StepAsync(office, "staff-catalog-published");

            var portal = await phone.NewPageAsync();
            await portal.GotoAsync("/catalog");
            await portal.GetByRole(AriaRole.Searchbox).FillAsync("接种门诊");
            await portal.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
            await portal.GetByRole(AriaRole.Link, new() { Name = "冬季流感预防接种门诊开放时间调整的通告" }).ClickAsync();
            await Assertions.Expect(portal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("冬季流感预防接种门诊开放时间调整的通告");
            await Assertions.Expect(portal.GetByRole(AriaRole.Link, new() { Name = "预防接种门诊名单.pdf" })).ToBeVisibleAsync();
            var overflow = await portal.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
            await Browser.StepAsync(portal, "phone-catalog-item");
        });
    }
}
