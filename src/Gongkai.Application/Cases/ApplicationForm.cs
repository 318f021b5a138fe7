using Gongkai.Data.Cases;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Identifiers;
using Gongkai.Domain.Results;

namespace Gongkai.Application.Cases;

/// <summary>
/// The Art. 29 fields of an application and the Art. 31 dates, as the portal and the office's registration form post
/// them. <see cref="Validate"/> checks them on the server against <see cref="ApplicationLimits"/>: each refusal names its
/// field (<see cref="Refused.Field"/> is the property's name) and says what is wrong, in Chinese, in one line. An online
/// application (the applicant types it) has its identifiers checked too: a 居民身份证 number by GB 11643's check digit,
/// a 统一社会信用代码 by GB 32100's, the telephone as a number that can be called back; the office registering a paper
/// application records what the applicant wrote.
/// </summary>
public sealed class ApplicationForm
{
    public ApplicantType ApplicantType { get; set; } = ApplicantType.NaturalPerson;

    public string? ApplicantName { get; set; }

    public string? IdType { get; set; } = "居民身份证";

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Email { get; set; }

    /// <summary>法定代表人 (or 负责人) of an organisation applying (Art. 29 (一)); required online for organisations.</summary>
    public string? LegalRepresentative { get; set; }

    /// <summary>联系人 of an organisation applying: whom the office calls.</summary>
    public string? ContactPerson { get; set; }

    public string? InfoName { get; set; }

    public string? DocumentNumber { get; set; }

    public string? Description { get; set; }

    public string? Form { get; set; } = "纸质";

    public string? Delivery { get; set; } = "邮寄";

    public Channel Channel { get; set; } = Channel.InPerson;

    public DateOnly? ArrivedOn { get; set; }

    public DateOnly? ConfirmedOn { get; set; }

    /// <summary>Every problem of the form, each naming its field; empty when the form can be registered.</summary>
    public IReadOnlyList<Refused> Validate()
    {
        var errors = new List<Refused>();
        void Add(string field, string message) => errors.Add(new Refused(message, field));

        if (!Enum.IsDefined(ApplicantType))
        {
            Add(nameof(ApplicantType), "申请人类型：请选择");
        }

        if (string.IsNullOrWhiteSpace(ApplicantName))
        {
            Add(nameof(ApplicantName), "申请人姓名或名称：必填");
        }
        else if (ApplicationLimits.HasUnreadableCharacter(ApplicantName))
        {
            Add(nameof(ApplicantName), "申请人姓名或名称：申请人姓名含有无法识别的字符，请重新输入");
        }
        else
        {
            Length(nameof(ApplicantName), "申请人姓名或名称", ApplicantName, ApplicationLimits.ApplicantName, "字");
        }

        if (!ApplicationLimits.IdTypes.Contains(IdType ?? string.Empty))
        {
            Add(nameof(IdType), "身份证明类型：请从所列类型中选择");
        }

        var online = Channel == Channel.Online;
        var organisation = Enum.IsDefined(ApplicantType) && ApplicantType != ApplicantType.NaturalPerson;
        if (string.IsNullOrWhiteSpace(IdNumber))
        {
            Add(nameof(IdNumber), organisation ? "统一社会信用代码或身份证明号码：必填" : "身份证明号码：必填");
        }
        else if (online && IdType == "居民身份证" && ResidentIdentityNumber.Problem(IdNumber, ArrivedOn ?? DateOnly.MaxValue) is { } idProblem)
        {
            Add(nameof(IdNumber), "身份证明号码：" + idProblem.TrimEnd('。'));
        }
        else if (online && IdType == "统一社会信用代码" && UnifiedSocialCreditCode.Problem(IdNumber) is { } codeProblem)
        {
            Add(nameof(IdNumber), "统一社会信用代码：" + codeProblem.TrimEnd('。'));
        }
        else
        {
            Text(nameof(IdNumber), "身份证明号码", IdNumber, ApplicationLimits.IdNumber, "个字符");
        }

        if (online && organisation && string.IsNullOrWhiteSpace(LegalRepresentative))
        {
            Add(nameof(LegalRepresentative), "法定代表人或负责人：法人或者其他组织申请时必填");
        }

        Text(nameof(LegalRepresentative), "法定代表人或负责人", LegalRepresentative, ApplicationLimits.ApplicantName, "字");
        Text(nameof(ContactPerson), "联系人", ContactPerson, ApplicationLimits.ApplicantName, "字");

        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Address) && string.IsNullOrWhiteSpace(Email))
        {
            Add("Phone", "联系方式：请至少填写电话、地址或电子邮箱之一");
        }

        if (online && !string.IsNullOrWhiteSpace(Phone) && Phone.Length <= ApplicationLimits.Phone && PhoneNumber.Problem(Phone) is { } phoneProblem)
        {
            Add(nameof(Phone), "电话：" + phoneProblem.TrimEnd('。'));
        }
        else
        {
            Text(nameof(Phone), "电话", Phone, ApplicationLimits.Phone, "个字符");
        }

        Text(nameof(Address), "通信地址", Address, ApplicationLimits.Address, "字");
        if (!string.IsNullOrWhiteSpace(Email) && !Email.Contains('@', StringComparison.Ordinal))
        {
            Add(nameof(Email), "电子邮箱：格式不正确");
        }
        else
        {
            Text(nameof(Email), "电子邮箱", Email, ApplicationLimits.Email, "个字符");
        }

        if (string.IsNullOrWhiteSpace(InfoName) && string.IsNullOrWhiteSpace(DocumentNumber) && string.IsNullOrWhiteSpace(Description))
        {
            Add(nameof(Description), "所需政府信息：请至少填写信息名称、文号或特征性描述之一");
        }

        Text(nameof(InfoName), "信息名称", InfoName, ApplicationLimits.InfoName, "字");
        Text(nameof(DocumentNumber), "文号", DocumentNumber, ApplicationLimits.DocumentNumber, "字");
        Text(nameof(Description), "所需信息描述", Description, ApplicationLimits.Description, "字", multiline: true);

        if (string.IsNullOrWhiteSpace(Form))
        {
            Add(nameof(Form), "获取信息的形式：请选择");
        }
        else if (!ApplicationLimits.Forms.Contains(Form))
        {
            Add(nameof(Form), "获取信息的形式：请从所列形式中选择（" + string.Join("、", ApplicationLimits.Forms) + "）");
        }

        if (string.IsNullOrWhiteSpace(Delivery))
        {
            Add(nameof(Delivery), "获取信息的途径：请选择");
        }
        else if (!ApplicationLimits.Deliveries.Contains(Delivery))
        {
            Add(nameof(Delivery), "获取信息的途径：请从所列途径中选择（" + string.Join("、", ApplicationLimits.Deliveries) + "）");
        }

        if (!Enum.IsDefined(Channel))
        {
            Add(nameof(Channel), "申请方式：请选择");
        }

        if (ArrivedOn is null)
        {
            Add(nameof(ArrivedOn), "申请到达日期：必填");
        }

        return errors;

        void Length(string field, string label, string value, int max, string unit)
        {
            if (value.Trim().Length > max)
            {
                Add(field, $"{label}：不超过{max}{unit}");
            }
        }

        void Text(string field, string label, string? value, int max, string unit, bool multiline = false)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (ApplicationLimits.HasUnreadableCharacter(value, multiline))
            {
                Add(field, $"{label}：含有无法识别的字符，请重新输入");
            }
            else
            {
                Length(field, label, value, max, unit);
            }
        }
    }

    /// <summary>电话、地址、电子邮箱 as the case keeps them (<c>电话：…；地址：…</c>).</summary>
    public string Contact() => Join(("法定代表人", LegalRepresentative), ("联系人", ContactPerson), ("电话", Phone), ("地址", Address), ("电子邮箱", Email));

    /// <summary>名称、文号、描述 of the information asked for, as the case keeps them.</summary>
    public string Request() => Join(("名称", InfoName), ("文号", DocumentNumber), ("描述", Description));

    /// <summary>The form and the way of obtaining the information (<c>纸质，邮寄</c>).</summary>
    public string RequestedForm() => $"{Form}，{Delivery}";

    /// <summary>The identity document as the case keeps it (<c>居民身份证：440106…</c>).</summary>
    public string Identity() => $"{IdType}：{IdNumber?.Trim()}";

    /// <summary>The registration of this form by the office.</summary>
    public NewApplication ToApplication(int agencyId, string actor) => new(
        agencyId, ApplicantType, ApplicantName!.Trim(), Channel, ArrivedOn!.Value, actor, ConfirmedOn,
        Identity(), Contact(), Request(), RequestedForm());

    private static string Join(params (string Label, string? Value)[] parts) =>
        string.Join("；", parts.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Label}：{p.Value!.Trim()}"));
}
