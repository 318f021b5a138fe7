using Gongkai.Browser.Tests.Pages;
using Gongkai.Web.Security;
using Gongkai.Web.Tests.Support;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>The review chain edited as steps with a role picker (ReviewChain.FromSteps), and the 审核分离 check box, in a browser.</summary>
public class ReviewChainEditorTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Administrator_AddsMovesRemovesSteps_SavesAndSeesThemAfterReload_InvalidChainSaysWhyAtTheSteps()
    {
        var (app, baseUrl) = LiveApp.Start(settings: new Dictionary<string, string?> { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" });
        using var _ = app;
        await Staff.CreateAsync(app, "guanli", StaffRoles.Administrator);
        await using var desktop = await browser.DesktopAsync(baseUrl);

        await Browser.RunAsync([desktop], async () =>
        {
            var page = await desktop.NewPageAsync();
            await new LoginPage(page).SignInAsync("guanli", Staff.Password);
            var chain = new ReviewChainPage(page);
            await chain.OpenAsync();
            Assert.Equal(["保密审查", "科室负责人审核", "分管领导审核", "主要负责人签发"], await chain.NamesAsync());

            // Add a fifth step, pick its role, move it above the last, remove the second.
            await chain.AddStepAsync();
            await Assertions.Expect(chain.Rows).ToHaveCountAsync(5);
            await chain.FillStepAsync(5, "法制审核", "法制审核员");
            await chain.MoveUpAsync(5);
            Assert.Equal(["保密审查", "科室负责人审核", "分管领导审核", "法制审核", "主要负责人签发"], await chain.NamesAsync());
            await chain.RemoveAsync(2);
            Assert.Equal(["保密审查", "分管领导审核", "法制审核", "主要负责人签发"], await chain.NamesAsync());
            await Browser.StepAsync(page, "admin-review-chain-edited");

            // 审核分离: the label's words tick the box; the explanation sits under it.
            await chain.SeparateDutiesLabel.GetByText("审核分离", new() { Exact = true }).ClickAsync();
            await Assertions.Expect(chain.SeparateDuties).ToBeCheckedAsync();
            var box = (await chain.SeparateDuties.BoundingBoxAsync())!;
            var label = (await chain.SeparateDutiesLabel.BoundingBoxAsync())!;
            var help = (await chain.SeparateDutiesHelp.BoundingBoxAsync())!;
            Assert.True(label.Height < 2 * box.Height + 16, $"the check box and its label are not on one line (label {label.Height}px high)");
            Assert.True(box.Y >= label.Y && box.Y + box.Height <= label.Y + label.Height + 1, "the check box is not inside its label's line");
            Assert.True(help.Y >= label.Y + label.Height - 1, "the explanation is not under the check box");

            await chain.SaveAsync();
            await StaffStatus.ExpectAsync(page, "已保存索引号格式、审核流程和审核分离设置");
            await page.ReloadAsync();
            Assert.Equal(["保密审查", "分管领导审核", "法制审核", "主要负责人签发"], await chain.NamesAsync());
            Assert.Equal(["保密审查员", "分管领导", "法制审核员", "主要负责人"], await chain.RolesAsync());
            await Assertions.Expect(chain.SeparateDuties).ToBeCheckedAsync();
            await Browser.StepAsync(page, "admin-review-chain-saved");

            // Without a 保密审查 step (Art. 17) nothing is saved, and the reason is given at the steps.
            await chain.FillStepAsync(1, "初审", "保密审查员");
            await chain.SaveAsync();
            await Assertions.Expect(chain.ChainError).ToContainTextAsync("审核流程中应有保密审查步骤（第十七条");
            await Browser.StepAsync(page, "admin-review-chain-refused");
            await chain.OpenAsync();
            Assert.Equal("保密审查", (await chain.NamesAsync())[0]);

            // A step with a name and no role: the message names the step.
            await chain.AddStepAsync();
            await page.GetByLabel("第5步 步骤名称").FillAsync("办公室复核");
            await chain.SaveAsync();
            await Assertions.Expect(chain.ChainError).ToContainTextAsync("第5步“办公室复核”：请选择审核岗位");
        });
    }
}
