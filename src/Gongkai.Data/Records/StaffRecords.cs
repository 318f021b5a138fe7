namespace Gongkai.Data.Records;

/// <summary>One ASP.NET Core Data Protection key (XML), kept in the database so every instance shares the key ring.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}

/// <summary>
/// 政府信息公开指南 (Art. 12): what the portal publishes about how to obtain information and how to reach the
/// disclosure office (名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式). One per agency.
/// </summary>
public sealed class AgencyGuideRecord
{
    public int AgencyId { get; set; }

    /// <summary>信息分类、编排体系.</summary>
    public string? Classification { get; set; }

    /// <summary>获取方式: how to apply and how information is provided.</summary>
    public string? HowToObtain { get; set; }

    /// <summary>The disclosure office's name (名称).</summary>
    public required string OfficeName { get; set; }

    public string? Address { get; set; }

    public string? OfficeHours { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    /// <summary>互联网联系方式: the online channel (web address or e-mail).</summary>
    public string? OnlineChannel { get; set; }

    /// <summary>复议机关: where the applicant may apply for 行政复议 against a reply (Art. 51), named in every reply.</summary>
    public string? ReviewBody { get; set; }

    /// <summary>人民法院: where the applicant may bring 行政诉讼 against a reply (Art. 51), named in every reply.</summary>
    public string? Court { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A staff member's names as the rest of Gongkai shows them (history, conflict messages): a read-only view of the
/// staff accounts' table, whose accounts the web application's Identity store manages.
/// </summary>
public sealed class StaffNameRecord
{
    public required string Id { get; init; }

    public string? UserName { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The e-mail address the daily reminder digest goes to (none: no digest).</summary>
    public string? Email { get; init; }

    /// <summary>A disabled account gets no reminders and cannot be assigned cases.</summary>
    public bool Disabled { get; init; }
}

/// <summary>
/// A 审核岗位 a member of staff holds in one agency (table <c>review_duties</c>, schema 0020): the role a step of that
/// agency's review chain names (保密审查员, 科室负责人, …; Art. 17 and the agency's own rules). A duty held in one agency
/// decides nothing in another.
/// </summary>
public sealed class ReviewDutyRecord
{
    public required string UserId { get; init; }

    public int AgencyId { get; init; }

    public required string Duty { get; init; }
}
