using Gongkai.Data.Records;

namespace Gongkai.Application.Agencies;

/// <summary>
/// The text of an agency's 政府信息公开指南 (Art. 12) as the office enters it: the 公开工作机构 (required), its address,
/// hours, telephone and fax, the online channel, how information is classified and obtained, and where to seek remedy.
/// </summary>
public sealed class AgencyGuideText
{
    public string? OfficeName { get; set; }

    public string? Address { get; set; }

    public string? OfficeHours { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? OnlineChannel { get; set; }

    public string? Classification { get; set; }

    public string? HowToObtain { get; set; }

    /// <summary>复议机关 (Art. 51), named in replies.</summary>
    public string? ReviewBody { get; set; }

    /// <summary>人民法院 (Art. 51), named in replies.</summary>
    public string? Court { get; set; }

    /// <summary>The text of a stored guide.</summary>
    public static AgencyGuideText Of(AgencyGuideRecord g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new AgencyGuideText
        {
            OfficeName = g.OfficeName,
            Address = g.Address,
            OfficeHours = g.OfficeHours,
            Phone = g.Phone,
            Fax = g.Fax,
            OnlineChannel = g.OnlineChannel,
            Classification = g.Classification,
            HowToObtain = g.HowToObtain,
            ReviewBody = g.ReviewBody,
            Court = g.Court,
        };
    }
}
