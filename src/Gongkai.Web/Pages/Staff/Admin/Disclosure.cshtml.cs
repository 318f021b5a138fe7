using Gongkai.Application.Catalog;
using Gongkai.Application.Staff;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Records;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Catalog;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Admin;

/// <summary>
/// 目录与审核设置 (administrators): the 索引号 pattern of the catalogue (Art. 12), the number of its 主题分类 (edited on 法定主动公开内容分类), the review chain before
/// publication (Art. 17's 保密审查 and the agency's own levels), and who holds each step's 审核岗位.
/// </summary>
public sealed class DisclosureModel(CatalogWorkspace workspace, CurrentAgency agency, SetReviewDuties reviewers, ReviewDutyStore duties) : PageModel
{
    public sealed record StaffRow(string Id, string UserName, string DisplayName, IReadOnlySet<string> Duties);

    public DisclosureSettings Settings { get; private set; } = DisclosureSettings.Default;

    public IReadOnlyList<CatalogCategoryRecord> Categories { get; private set; } = [];

    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    /// <summary>The 审核岗位 to assign: the current chain's, those of items still in review under an older chain, and any held.</summary>
    public IReadOnlyList<string> DutyNames { get; private set; } = [];

    public List<string> Errors { get; } = [];

    [BindProperty]
    public string? IndexPattern { get; set; }

    /// <summary>One step of the chain as the form edits it.</summary>
    public sealed class StepInput
    {
        public string? Name { get; set; }

        public string? Role { get; set; }
    }

    /// <summary>The chain's steps, in order (indexed fields <c>Steps[i].Name</c>, <c>Steps[i].Role</c>).</summary>
    [BindProperty]
    public List<StepInput> Steps { get; set; } = [];

    /// <summary>What the settings form's button asks: <c>save</c> (or none), <c>add</c>, <c>up:i</c>, <c>down:i</c>, <c>remove:i</c>.</summary>
    [BindProperty]
    public string? Act { get; set; }

    /// <summary>Why the chain was not saved, shown beside the steps.</summary>
    public List<string> ChainErrors { get; } = [];

    /// <summary>The 审核岗位 a step may be given: the usual ones, then those the chain, items in review or staff use.</summary>
    public IReadOnlyList<string> RoleChoices => ReviewDuties.Standard.Concat(DutyNames).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>审核分离 (<see cref="SeparationOfDuties"/>): the drafter decides no step, one person at most one step of an item.</summary>
    [BindProperty]
    public bool SeparateDuties { get; set; }

    /// <summary>The settings' version the administrator saw; the save is checked against it by the database.</summary>
    [BindProperty]
    public int? SettingsVersion { get; set; }

    /// <summary>Posted duty check boxes: <c>{userId}|{duty}</c>.</summary>
    [BindProperty]
    public List<string> Duties { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        IndexPattern = Settings.IndexPattern.Text;
        Steps = Settings.ReviewChain.Steps.Select(x => new StepInput { Name = x.Name, Role = x.Role }).ToList();
        SeparateDuties = Settings.SeparateDuties;
        SettingsVersion = Settings.Version;
    }

    /// <summary>Saves the 索引号 pattern and the review chain; items already in review keep the chain they were submitted to.</summary>
    public async Task<IActionResult> OnPostSettingsAsync([FromServices] SaveDisclosureSettings save, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var pattern = IndexNumberPattern.Parse(IndexPattern ?? string.Empty, out var patternError);
        if (pattern is null)
        {
            Errors.Add("索引号格式：" + patternError);
        }

        if (Edit())
        {
            return Page();
        }

        var chain = ReviewChain.FromSteps(Steps.Select(x => (x.Name, x.Role)), out var chainError);
        if (chain is null)
        {
            ChainErrors.Add(chainError!);
        }
        else if (chain.Steps.FirstOrDefault(x => !RoleChoices.Contains(x.Role)) is { } unknown)
        {
            ChainErrors.Add($"步骤“{unknown.Name}”的审核岗位“{unknown.Role}”不在可选岗位中，请从列表中选择");
        }

        if (SettingsVersion is null)
        {
            Errors.Add("表单缺少所看到的设置版本，请刷新页面后重试");
        }

        if (Errors.Count > 0 || ChainErrors.Count > 0)
        {
            return Page();
        }

        var current = await agency.GetAsync(cancellationToken);
        var saved = await save.ExecuteAsync(new(current.Id, Settings with { IndexPattern = pattern!, ReviewChain = chain!, SeparateDuties = SeparateDuties },
            User.Identity!.Name!, SettingsVersion), cancellationToken);
        if (saved.Error is { } error)
        {
            Errors.Add(error.Message);
            await LoadAsync(cancellationToken);
            SettingsVersion = Settings.Version;
            return Page();
        }

        TempData["Message"] = "已保存索引号格式、审核流程和审核分离设置。已在审核中的信息仍按送审时的流程审核。";
        return RedirectToPage();
    }

    /// <summary>Gives each member of staff who acts in this agency exactly the 审核岗位 checked, in this agency only.</summary>
    public async Task<IActionResult> OnPostDutiesAsync([FromServices] SetReviewDuties setDuties, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var result = await setDuties.ExecuteAsync(new(current.Id, Duties), cancellationToken);
        if (result.Error is { } error)
        {
            Errors.Add(error.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = $"已保存{current.Name}的审核岗位";
        return RedirectToPage();
    }

    /// <summary>Applies an add/move/remove button to <see cref="Steps"/> (shown again, not saved); false for 保存.</summary>
    private bool Edit()
    {
        var parts = (Act ?? "save").Split(':', 2);
        var at = parts.Length == 2 && int.TryParse(parts[1], out var i) && i >= 0 && i < Steps.Count ? i : -1;
        switch (parts[0])
        {
            case "add":
                Steps.Add(new StepInput());
                return true;
            case "remove" when at >= 0:
                Steps.RemoveAt(at);
                return true;
            case "up" when at > 0:
                (Steps[at - 1], Steps[at]) = (Steps[at], Steps[at - 1]);
                return true;
            case "down" when at >= 0 && at < Steps.Count - 1:
                (Steps[at + 1], Steps[at]) = (Steps[at], Steps[at + 1]);
                return true;
            case "save":
                return false;
            default:
                return true;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        var store = await workspace.StoreAsync(cancellationToken);
        Settings = await store.SettingsAsync(current.Id, cancellationToken);
        Categories = await store.CategoriesAsync(current.Id, cancellationToken);
        // Those who may review: enabled accounts of this agency with a role that acts (not the read-only supervisor),
        // and the duties each holds here (review_duties: per agency).
        var people = await reviewers.ReviewersAsync(current.Id, cancellationToken);
        var held = await duties.OfAsync(people.Select(p => p.Id).ToList(), [current.Id], cancellationToken);
        Staff = people.Select(u => new StaffRow(u.Id, u.UserName, u.DisplayName,
            held.Where(d => d.UserId == u.Id).Select(d => d.Duty).ToHashSet(StringComparer.Ordinal))).ToList();
        var ahead = await store.RolesAheadAsync(current.Id, cancellationToken);
        DutyNames = Settings.ReviewChain.Steps.Select(s => s.Role)
            .Concat(ahead)
            .Concat(Staff.SelectMany(s => s.Duties))
            .Distinct(StringComparer.Ordinal).ToList();
    }
}
