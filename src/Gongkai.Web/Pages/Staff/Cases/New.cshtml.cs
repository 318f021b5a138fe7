using Gongkai.Data.Cases;
using Gongkai.Domain.Applications;
using Gongkai.Web.Cases;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Cases;

/// <summary>登记申请 (Arts. 29, 31): 公开办 registers an application that arrived by any channel.</summary>
public sealed class NewModel(CurrentAgency agency, CaseWorkspace workspace) : PageModel
{
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!User.IsInRole(StaffRoles.DisclosureOfficer))
        {
            return Forbid();
        }

        Input.ArrivedOn = workspace.Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(StaffRoles.DisclosureOfficer))
        {
            return Forbid();
        }

        var errors = Input.Validate();
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var current = await agency.GetAsync(cancellationToken);
        var store = await workspace.StoreAsync(cancellationToken);
        var result = await store.RegisterAsync(Input.ToApplication(current.Id, User.Identity!.Name!), cancellationToken);
        switch (result)
        {
            case CaseRecorded recorded:
                TempData["Message"] = $"已登记，申请编号 {recorded.Number}。";
                return Redirect($"/staff/cases/{recorded.Id}");
            case CaseStepRefusal refusal:
                Errors = [refusal.Reason];
                return Page();
            default:
                Errors = ["登记未完成，请重试"];
                return Page();
        }
    }
}

/// <summary>The Art. 29 fields of an application and the Art. 31 dates, as the office registers them.</summary>
public sealed class ApplicationInput
{
    public ApplicantType ApplicantType { get; set; } = ApplicantType.NaturalPerson;

    public string? ApplicantName { get; set; }

    public string? IdType { get; set; } = "居民身份证";

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Email { get; set; }

    public string? InfoName { get; set; }

    public string? DocumentNumber { get; set; }

    public string? Description { get; set; }

    public string? Form { get; set; } = "纸质";

    public string? Delivery { get; set; } = "邮寄";

    public Channel Channel { get; set; } = Channel.InPerson;

    public DateOnly? ArrivedOn { get; set; }

    public DateOnly? ConfirmedOn { get; set; }

    /// <summary>Chinese messages, each naming its field.</summary>
    public List<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(ApplicantType))
        {
            errors.Add("申请人类型：请选择");
        }

        if (string.IsNullOrWhiteSpace(ApplicantName))
        {
            errors.Add("申请人姓名或名称：必填（第二十九条）");
        }
        else if (ApplicantName.Length > 200)
        {
            errors.Add("申请人姓名或名称：不超过200字");
        }

        if (string.IsNullOrWhiteSpace(IdNumber))
        {
            errors.Add("身份证明号码：必填（第二十九条）");
        }
        else if (IdNumber.Length > 64)
        {
            errors.Add("身份证明号码：不超过64个字符");
        }

        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Address) && string.IsNullOrWhiteSpace(Email))
        {
            errors.Add("联系方式：请至少填写电话、地址或电子邮箱之一（第二十九条）");
        }

        if (!string.IsNullOrWhiteSpace(Email) && !Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("电子邮箱：格式不正确");
        }

        if (string.IsNullOrWhiteSpace(InfoName) && string.IsNullOrWhiteSpace(DocumentNumber) && string.IsNullOrWhiteSpace(Description))
        {
            errors.Add("所需政府信息：请填写名称、文号或便于查询的其他特征性描述（第二十九条）");
        }

        if (Description?.Length > 4000)
        {
            errors.Add("所需信息描述：不超过4000字");
        }

        if (string.IsNullOrWhiteSpace(Form))
        {
            errors.Add("获取信息的形式：请选择（第二十九条）");
        }

        if (string.IsNullOrWhiteSpace(Delivery))
        {
            errors.Add("获取信息的途径：请选择（第二十九条）");
        }

        if (!Enum.IsDefined(Channel))
        {
            errors.Add("申请方式：请选择");
        }

        if (ArrivedOn is null)
        {
            errors.Add("申请到达日期：必填（第三十一条）");
        }

        return errors;
    }

    public string Contact() => string.Join("；", new[] { ("电话", Phone), ("地址", Address), ("电子邮箱", Email) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}：{p.Item2!.Trim()}"));

    public string Request() => string.Join("；", new[] { ("名称", InfoName), ("文号", DocumentNumber), ("描述", Description) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}：{p.Item2!.Trim()}"));

    public string RequestedForm() => $"{Form}，{Delivery}";

    public NewApplication ToApplication(int agencyId, string actor, string? number = null, string? queryCodeHash = null) => new(
        agencyId, ApplicantType, ApplicantName!.Trim(), Channel, ArrivedOn!.Value, actor, ConfirmedOn,
        $"{IdType}：{IdNumber!.Trim()}", Contact(), Request(), RequestedForm(), number, queryCodeHash);
}
