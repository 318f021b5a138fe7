using Gongkai.Domain.Applications;

namespace Gongkai.Data.Cases;

/// <summary>A step recorded on a case: its id, number, the case after the step and its new version.</summary>
public sealed record RecordedCase(long Id, string Number, ApplicationCase Case, int Version);

/// <summary>What an office registers when an application arrives (Art. 29 fields; Art. 31 dates).</summary>
public sealed record NewApplication(
    int AgencyId,
    ApplicantType ApplicantType,
    string ApplicantName,
    Channel Channel,
    DateOnly ArrivedOn,
    string Actor,
    DateOnly? ConfirmedOn = null,
    string? ApplicantIdNumber = null,
    string? ApplicantContact = null,
    string? Request = null,
    string? RequestedForm = null,
    string? Number = null,
    string? QueryCodeHash = null);
