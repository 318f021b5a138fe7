using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests.Pages;

/// <summary>The sign-in page, as a person uses it: by its labels and buttons.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // The address is what a person checks; waiting for the page's load event as well timed out on a busy
        // machine although the back office was already shown.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/staff/?$"), new() { Timeout = 60_000 });
    }
}

/// <summary>修改密码: a person's own password, and the first sign-in that must change it.</summary>
public sealed class PasswordPage(IPage page)
{
    /// <summary>Signs in with a password set by somebody else: the browser lands on 修改密码, not the back office.</summary>
    public async Task SignInAndLandHereAsync(string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/password$"), new() { Timeout = 60_000 });
    }

    public ILocator Forced => page.Locator("#forced");

    public ILocator Errors => page.GetByRole(AriaRole.Alert);

    public async Task ChangeAsync(string current, string next, string? confirm = null)
    {
        await page.GetByLabel("当前密码").FillAsync(current);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync(next);
        await page.GetByLabel("再次输入新密码").FillAsync(confirm ?? next);
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
    }

    /// <summary>The name the header shows for the signed-in person.</summary>
    public ILocator Who => page.Locator(".signout .who");
}

/// <summary>The back office's navigation (后台导航).</summary>
public sealed class StaffNavigation(IPage page)
{
    public Task OpenAsync(string section) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "后台导航" }).GetByRole(AriaRole.Link, new() { Name = section }).ClickAsync();
}

/// <summary>The status message a back-office page shows after a step (role=status).</summary>
public static class StaffStatus
{
    public static ILocator Of(IPage page) => page.GetByRole(AriaRole.Status);

    public static Task ExpectAsync(IPage page, string text) => Assertions.Expect(Of(page)).ToContainTextAsync(text);
}

/// <summary>依申请公开's work list (/staff/cases).</summary>
public sealed class StaffCasesPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/staff/cases");

    public ILocator Text(string text) => page.GetByText(text);

    /// <summary>The link of an application or case, by its number.</summary>
    public ILocator CaseLink(string number) => page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });

    /// <summary>Opens an application or case by its number.</summary>
    public Task OpenAsync(string number) => page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).First.ClickAsync();

    public async Task FilterAsync(string status)
    {
        await page.GetByLabel("状态").SelectOptionAsync(status);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
    }

    public Task OpenFirstAsync() => page.Locator("table.cases a").First.ClickAsync();

    /// <summary>The list's rows (cases and online applications).</summary>
    public ILocator Rows => page.Locator("table.cases tbody tr");

    /// <summary>The rows that can be ticked for 分配给… (cases, not online applications awaiting confirmation).</summary>
    public ILocator AssignableRows => Rows.Filter(new() { Has = page.Locator("input[name='ids']") });

    /// <summary>A case's row by its number.</summary>
    public ILocator Row(string number) => Rows.Filter(new() { HasText = number });

    /// <summary>The number of a row (its first link).</summary>
    public static Task<string> NumberOfAsync(ILocator row) => row.Locator("a").First.InnerTextAsync();

    /// <summary>The 承办人 cell of a row.</summary>
    public static ILocator HandlerOf(ILocator row) => row.Locator("td.handler");

    /// <summary>Ticks the rows and assigns them with 分配给… to the person (by name).</summary>
    public async Task AssignAsync(string handler, params ILocator[] rows)
    {
        foreach (var row in rows)
        {
            await row.Locator("input[name='ids']").CheckAsync();
        }

        await page.GetByLabel("把勾选的案件分配给").SelectOptionAsync(new SelectOptionValue { Label = handler });
        await page.GetByRole(AriaRole.Button, new() { Name = "分配给…" }).ClickAsync();
    }

    public Task OnlyMineAsync() => page.GetByRole(AriaRole.Link, new() { Name = "只看我的" }).ClickAsync();

    /// <summary>The line that counts the list (共 N 件).</summary>
    public ILocator Count(string count) => page.GetByText($"共 {count} 件").First;

    /// <summary>A column header that sorts the list, or an export link, by its name.</summary>
    public ILocator Link(string name) => page.GetByRole(AriaRole.Link, new() { Name = name });
}

/// <summary>The back office's home page (/staff): the cards of counts and 我的提醒.</summary>
public sealed class StaffHomePage(IPage page)
{
    /// <summary>The 依申请公开 card's count of open cases (a link to the list).</summary>
    public ILocator OpenCases => page.Locator(".cards .counts a[href='/staff/cases?status=open']");

    public ILocator OpenCasesCount => OpenCases.Locator("strong");

    public ILocator RemindersHeading => page.Locator("#reminders-heading");
}

/// <summary>One case (or an online application awaiting confirmation) in the back office: its steps by their buttons.</summary>
public sealed class CasePage(IPage page)
{
    public string Url => page.Url;

    public Task OpenAsync(string url) => page.GotoAsync(url);

    /// <summary>登记申请 (/staff/cases/new): an application handed in today at the counter; ends on the new case's page.</summary>
    public async Task RegisterInPersonAsync(string applicant, string idNumber, string phone, string description, DateOnly arrived)
    {
        await page.GotoAsync("/staff/cases/new");
        await page.GetByLabel("姓名或名称").FillAsync(applicant);
        await page.GetByLabel("身份证明号码").FillAsync(idNumber);
        await page.GetByLabel("电话").FillAsync(phone);
        await page.GetByLabel("特征性描述").FillAsync(description);
        await page.GetByLabel("申请方式").SelectOptionAsync("InPerson");
        await page.GetByLabel("申请到达日期").FillAsync(arrived.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await StaffStatus.ExpectAsync(page, "已登记");
    }

    public ILocator Text(string text) => page.GetByText(text);

    /// <summary>The line that says what the deadline clock is doing (剩余N个工作日, 计时暂停…, 待申请人补正…).</summary>
    public ILocator ClockLine => page.Locator("#clock-line");

    /// <summary>The actions offered now, in order (each a 展开 box headed by the step's name).</summary>
    public ILocator Actions => page.Locator("details.step-box:not(#action-Notice) > summary");

    /// <summary>申请内容: the applicant, the channel and the request, as the case's page lists them.</summary>
    public ILocator Details => page.GetByRole(AriaRole.Region, new() { Name = "申请内容" });

    /// <summary>The name of the case's 承办人.</summary>
    public ILocator HandlerName => page.Locator("#handler-name");

    /// <summary>The case's history (办理记录).</summary>
    public ILocator History => page.Locator(".case-history");

    /// <summary>The action marked as the expected next step.</summary>
    public ILocator ExpectedAction => page.Locator("details.step-box.expected > summary");

    /// <summary>An action's box by its heading (e.g. 告知补正（第三十条）).</summary>
    public ILocator Action(string heading) =>
        page.Locator("details.step-box", new() { Has = page.Locator("summary", new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(heading)) }) });

    /// <summary>Opens an action's form in place (a person clicks its heading), unless it is open already.</summary>
    public async Task OpenActionAsync(string heading)
    {
        var box = Action(heading);
        if (await box.GetAttributeAsync("open") is null)
        {
            await box.Locator("summary").ClickAsync();
        }
    }

    /// <summary>Presses a step's button (opening its form first if it is folded) and waits for the page to confirm it with <paramref name="expected"/>.</summary>
    public async Task StepAsync(string button, string expected)
    {
        // A folded step's button is hidden (not in the accessibility tree) until its heading is clicked.
        var any = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true, IncludeHidden = true });
        await any.First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var press = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
        if (await press.CountAsync() == 0)
        {
            await page.Locator("details.step-box", new() { Has = any }).Locator("summary").ClickAsync();
        }

        await press.ClickAsync();
        await StaffStatus.ExpectAsync(page, expected);
    }

    /// <summary>告知补正 with the given period; returns nothing — the caller checks the outcome (recorded, or the error beside the field).</summary>
    public async Task RequestSupplementAsync(DateOnly respondBy)
    {
        await OpenActionAsync("告知补正");
        var form = Action("告知补正");
        await form.GetByLabel("补正期限").FillAsync(respondBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "告知补正" }).ClickAsync();
    }

    public async Task RequestExtensionAsync(string reason)
    {
        await OpenActionAsync("申请延期");
        await Action("申请延期").GetByLabel("理由", new() { Exact = true }).FillAsync(reason);
        await StepAsync("提交领导审批", "待领导审批");
    }

    public async Task AssignAsync(string department)
    {
        await OpenActionAsync("分办");
        await Action("分办").GetByLabel("承办科室").SelectOptionAsync(new SelectOptionValue { Label = department });
        await StepAsync("分办", "已记录：分办");
    }

    public async Task ReplyAsync(string outcome)
    {
        await OpenActionAsync("答复");
        await Action("答复").Locator("select[name='Step.Outcome']").SelectOptionAsync(outcome);
        await StepAsync("记录答复", "已记录：答复");
    }

    public async Task DeliverAsync(string method)
    {
        await OpenActionAsync("送达");
        await page.GetByLabel("送达方式").SelectOptionAsync(new SelectOptionValue { Label = method });
        await StepAsync("记录送达", "已记录：送达");
    }

    public async Task GenerateNoticeAsync(string kind, string? route = null)
    {
        await OpenActionAsync("生成告知书");
        await page.GetByLabel("种类").SelectOptionAsync(kind);
        if (route is not null)
        {
            await page.GetByLabel("获取方式和途径").FillAsync(route);
        }

        await StepAsync("生成告知书（DOCX）", "已生成");
    }
}

/// <summary>The back office's annual report page.</summary>
public sealed class ReportPage(IPage page)
{
    public async Task OpenYearAsync(int year)
    {
        await new StaffNavigation(page).OpenAsync("年度报告");
        await page.GetByLabel("年度").SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await page.WaitForURLAsync($"**/staff/reports?year={year}");
    }

    /// <summary>Opens the year's report by its address (the year's draft counted from the records).</summary>
    public Task GoToYearAsync(int year) => page.GotoAsync(string.Create(CultureInfo.InvariantCulture, $"/staff/reports/{year}"));

    public Task WriteSectionAsync(string heading, string text) => page.GetByLabel(heading + " 正文").FillAsync(text);

    /// <summary>Presses 发布到门户…: the text is saved and the confirmation (or the reasons it cannot be) is shown.</summary>
    public async Task RequestPublicationAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "发布到门户" }).ClickAsync();
        await Confirmation.WaitForAsync();
    }

    /// <summary>The confirmation panel: what would be published, or why not.</summary>
    public ILocator Confirmation => page.Locator("#publish-confirmation");

    public async Task ConfirmPublicationAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发布" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已发布到门户网站" }).WaitForAsync();
    }

    public async Task PublishAsync()
    {
        await RequestPublicationAsync();
        await ConfirmPublicationAsync();
    }

    public ILocator Status => page.Locator(".status .badge");

    /// <summary>A cell of the report's tables by its key in the report model (e.g. <c>applications.granted.naturalPerson</c>).</summary>
    public ILocator Cell(string key) => page.Locator($"[data-cell='{key}']").First;
}

/// <summary>主动公开 in the back office: the work list, drafting an item, its review steps and publication.</summary>
public sealed class StaffCatalogPage(IPage page)
{
    public string Url => page.Url;

    public async Task DraftAsync(string title, string summary, string category, string channel, string file)
    {
        await new StaffNavigation(page).OpenAsync("主动公开");
        await page.GetByRole(AriaRole.Link, new() { Name = "拟稿" }).ClickAsync();
        await page.GetByLabel("名称").FillAsync(title);
        await page.GetByLabel("内容概述").FillAsync(summary);
        await page.GetByLabel("主题分类").SelectOptionAsync(new SelectOptionValue { Label = category });
        await page.GetByLabel(channel).CheckAsync();
        await page.GetByLabel("选择文件").SetInputFilesAsync(file);
    }

    public Task SaveDraftAsync() => StepAsync("保存草稿", "已保存草稿，索引号");

    public Task SubmitAsync(string expected) => StepAsync("送审", expected);

    public Task ApproveAsync(string step) => StepAsync($"同意（{step}）", "已同意");

    public Task PublishAsync() => StepAsync("发布", "已发布");

    public Task OpenAsync(string url) => page.GotoAsync(url);

    public async Task OpenWorkListItemAsync(string title)
    {
        await page.GotoAsync("/staff/catalog");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
    }

    public Task OpenWorkListAsync() => page.GotoAsync("/staff/catalog");

    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name });

    public ILocator File(string name) => page.GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>The item's stage (the first fact of its page).</summary>
    public ILocator Stage => page.Locator("dl.facts strong").First;

    private async Task StepAsync(string button, string expected)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await StaffStatus.ExpectAsync(page, expected);
    }
}

/// <summary>The page a link to a case of another of the person's agencies opens: which agency, and one button to switch and open it.</summary>
public sealed class CaseElsewherePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Presses 切换到…并打开申请 and waits for the case's page.</summary>
    public async Task SwitchAndOpenAsync(string agency)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"切换到{agency}并打开申请" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/staff/cases/\\d+$"));
    }
}
