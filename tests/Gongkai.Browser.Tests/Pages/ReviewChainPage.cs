using Microsoft.Playwright;

namespace Gongkai.Browser.Tests.Pages;

/// <summary>目录与审核设置 (/staff/admin/disclosure): the review chain edited as steps with a role picker, as an administrator uses it.</summary>
public sealed class ReviewChainPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/staff/admin/disclosure");

    /// <summary>The steps' rows, in order.</summary>
    public ILocator Rows => page.Locator("ol.steps > li.step-row");

    /// <summary>The step names as the fields show them, in order.</summary>
    public Task<string[]> NamesAsync() => Rows.Locator("input[name$='.Name']").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");

    /// <summary>The 审核岗位 chosen for each step (the picker's visible choice), in order.</summary>
    public Task<string[]> RolesAsync() => Rows.Locator("select").EvaluateAllAsync<string[]>("els => els.map(e => e.options[e.selectedIndex].text)");

    public Task AddStepAsync() => page.GetByRole(AriaRole.Button, new() { Name = "增加一个步骤" }).ClickAsync();

    /// <summary>Fills step <paramref name="number"/> (1-based): its name, and its 审核岗位 picked from the list.</summary>
    public async Task FillStepAsync(int number, string name, string role)
    {
        await page.GetByLabel($"第{number}步 步骤名称").FillAsync(name);
        await Rows.Nth(number - 1).GetByLabel("审核岗位").SelectOptionAsync(new SelectOptionValue { Label = role });
    }

    /// <summary>上移 of step <paramref name="number"/> (its button's name also says which step, for screen readers).</summary>
    public Task MoveUpAsync(int number) => Rows.Nth(number - 1).GetByRole(AriaRole.Button, new() { Name = "上移" }).ClickAsync();

    public Task RemoveAsync(int number) => Rows.Nth(number - 1).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

    /// <summary>Why the chain was not saved, shown inside the steps' own fieldset.</summary>
    public ILocator ChainError => page.Locator("fieldset.chain-steps #chain-errors");

    /// <summary>审核分离: the check box, found by its label.</summary>
    public ILocator SeparateDuties => page.GetByLabel("审核分离", new() { Exact = true });

    /// <summary>The words of the 审核分离 label (clicking them ticks the box).</summary>
    public ILocator SeparateDutiesLabel => page.Locator("label.check", new() { HasText = "审核分离" });

    /// <summary>The plain-Chinese explanation under the 审核分离 check box.</summary>
    public ILocator SeparateDutiesHelp => page.Locator("#separate-duties-help");
}
