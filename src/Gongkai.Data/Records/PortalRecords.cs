namespace Gongkai.Data.Records;

/// <summary>
/// The footer of every public page (《政府网站发展指引》): one row for the installation (<see cref="Id"/> = 1), edited by
/// the administrator.
/// </summary>
public sealed class SiteSettingsRecord
{
    public int Id { get; set; }

    /// <summary>主办单位.</summary>
    public string? HostName { get; set; }

    /// <summary>联系方式 (telephone, e-mail or address).</summary>
    public string? Contact { get; set; }

    /// <summary>网站标识码 (issued with the site's registration in the national list of government websites).</summary>
    public string? SiteCode { get; set; }

    /// <summary>ICP备案号, e.g. 京ICP备12345678号.</summary>
    public string? IcpNumber { get; set; }

    /// <summary>Where the ICP number links (the MIIT filing system).</summary>
    public string? IcpUrl { get; set; }

    /// <summary>公安机关备案号, e.g. 京公网安备11010502000001号.</summary>
    public string? PoliceNumber { get; set; }

    /// <summary>Where the 公安 number links.</summary>
    public string? PoliceUrl { get; set; }

    /// <summary>The link of the 党政机关网站标识 (the site's entry at the identification service); no mark without it.</summary>
    public string? PartyMarkUrl { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One of the agency's own rules on its disclosure work (政府信息公开制度): a document the portal's column lists.</summary>
public sealed class DisclosureRuleRecord
{
    public long Id { get; set; }

    public int AgencyId { get; set; }

    public required string Title { get; set; }

    /// <summary>文号, when the rule was issued as a numbered document.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>印发日期.</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>The text, paragraphs separated by blank lines.</summary>
    public required string Body { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
