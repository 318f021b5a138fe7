using Gongkai.Domain.Applications;

namespace Gongkai.Documents.Ledger;

/// <summary>
/// One validated case of an agency's ledger (台账) of 依申请公开 applications (Arts. 27–45).
/// </summary>
/// <param name="RowNumber">The row as Excel shows it: the header is row 1, the first data row is 2.</param>
/// <param name="Number">申请编号, when the ledger has one; unique in the file.</param>
/// <param name="ReceivedOn">收到日期 (收到申请之日, Art. 31).</param>
/// <param name="ApplicantType">申请人类型, the column of the annual report's section 三.</param>
/// <param name="ApplicantName">申请人.</param>
/// <param name="Channel">申请方式 (Art. 29), when the ledger records it.</param>
/// <param name="Request">申请内容, when the ledger records it.</param>
/// <param name="ClosedOn">办结日期; null while the case is open.</param>
/// <param name="Outcome">办理结果; null exactly when <paramref name="ClosedOn"/> is null.</param>
public sealed record LedgerRow(
    int RowNumber,
    string? Number,
    DateOnly ReceivedOn,
    ApplicantType ApplicantType,
    string ApplicantName,
    Channel? Channel,
    string? Request,
    DateOnly? ClosedOn,
    CaseOutcome? Outcome);
