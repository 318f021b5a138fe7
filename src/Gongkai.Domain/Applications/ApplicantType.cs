using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Applications;

/// <summary>
/// Who applied (Art. 27: any citizen, legal person or other organisation), in the six applicant columns of the
/// annual report's section 三 (docs/legal.md §2.4).
/// </summary>
public enum ApplicantType
{
    /// <summary>自然人.</summary>
    NaturalPerson,

    /// <summary>法人或其他组织 · 商业企业.</summary>
    CommercialEnterprise,

    /// <summary>法人或其他组织 · 科研机构.</summary>
    ResearchInstitution,

    /// <summary>法人或其他组织 · 社会公益组织.</summary>
    PublicInterestOrganization,

    /// <summary>法人或其他组织 · 法律服务机构.</summary>
    LegalServiceInstitution,

    /// <summary>法人或其他组织 · 其他.</summary>
    OtherOrganization,
}

/// <summary>The keys and labels of <see cref="ApplicantType"/>, which the report's columns use (<see cref="ApplicantColumns"/>).</summary>
public static class ApplicantTypes
{
    /// <summary>All six applicant types in the report's column order.</summary>
    public static IReadOnlyList<ApplicantType> All { get; } = Enum.GetValues<ApplicantType>();

    /// <summary>The column of section 三's table the applicant is counted in.</summary>
    public static ApplicantColumn Column(this ApplicantType type) => ApplicantColumns.Of(type);

    /// <summary>The JSON key of the applicant's column (docs/report-model.md).</summary>
    public static string Key(this ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "naturalPerson",
        ApplicantType.CommercialEnterprise => "commercialEnterprise",
        ApplicantType.ResearchInstitution => "researchInstitution",
        ApplicantType.PublicInterestOrganization => "publicInterestOrganization",
        ApplicantType.LegalServiceInstitution => "legalServiceInstitution",
        ApplicantType.OtherOrganization => "otherOrganization",
    };

    /// <summary>The label as the format prints the column.</summary>
    public static string Label(this ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.CommercialEnterprise => "商业企业",
        ApplicantType.ResearchInstitution => "科研机构",
        ApplicantType.PublicInterestOrganization => "社会公益组织",
        ApplicantType.LegalServiceInstitution => "法律服务机构",
        ApplicantType.OtherOrganization => "其他",
    };
}
