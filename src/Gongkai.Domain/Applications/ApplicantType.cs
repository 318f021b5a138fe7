using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Applications;

/// <summary>
/// Who applied (Art. 27: any citizen, legal person or other organisation), in the six applicant columns of the
/// annual report's section 三 (legal.md §2.4).
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

/// <summary>Mapping of <see cref="ApplicantType"/> to the report's columns.</summary>
public static class ApplicantTypes
{
    /// <summary>All six applicant types in the report's column order.</summary>
    public static IReadOnlyList<ApplicantType> All { get; } = Enum.GetValues<ApplicantType>();

    /// <summary>The column of section 三's table the applicant is counted in.</summary>
    public static ApplicantColumn Column(this ApplicantType type) => type switch
    {
        ApplicantType.NaturalPerson => ApplicantColumn.NaturalPerson,
        ApplicantType.CommercialEnterprise => ApplicantColumn.CommercialEnterprise,
        ApplicantType.ResearchInstitution => ApplicantColumn.ResearchInstitution,
        ApplicantType.PublicInterestOrganization => ApplicantColumn.PublicInterestOrganization,
        ApplicantType.LegalServiceInstitution => ApplicantColumn.LegalServiceInstitution,
        ApplicantType.OtherOrganization => ApplicantColumn.OtherOrganization,
    };

    /// <summary>The label as the format prints the column.</summary>
    public static string Label(this ApplicantType type) => type.Column().Label();
}
