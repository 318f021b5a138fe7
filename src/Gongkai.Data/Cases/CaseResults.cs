using Gongkai.Domain.Applications;

namespace Gongkai.Data.Cases;

/// <summary>The outcome of a command on a case: done, refused by the Regulation's rules, not found, or a conflict.</summary>
public abstract record CaseCommandResult;

/// <summary>The step was recorded.</summary>
public sealed record CaseRecorded(long Id, string Number, ApplicationCase Case) : CaseCommandResult;

/// <summary>The step is not allowed now; <see cref="Reason"/> says why, in Chinese.</summary>
public sealed record CaseStepRefusal(string Reason) : CaseCommandResult;

/// <summary>No such case in this agency.</summary>
public sealed record CaseNotFound(long Id) : CaseCommandResult;

/// <summary>Someone else changed the case meanwhile; reload and try again.</summary>
public sealed record CaseConflict(long Id) : CaseCommandResult;

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
