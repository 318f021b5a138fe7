using System.Globalization;
using Gongkai.Domain.Applications;

namespace Gongkai.Data.Cases;

/// <summary>A case step in Chinese with its particulars (department, outcome, days…), as the history and messages show it.</summary>
public static class CaseStepText
{
    /// <summary>The step's name and particulars; <paramref name="department"/> turns a department id into its name.</summary>
    public static string Describe(CaseEvent step, Func<string?, string> department)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(department);
        return step switch
        {
            Registered r => $"{r.Name}（{r.Channel.Label()}{(r.ConfirmedOn is { } c ? "，确认日期 " + Date(c) : string.Empty)}）",
            SupplementRequested r => $"{r.Name}（补正期限 {Date(r.RespondBy)}）",
            ConsultationStarted r => $"{r.Name}（{(r.Party == ConsultationParty.ThirdParty ? "第三方" : "其他机关")}）",
            Extended r => $"{r.Name}（{r.WorkingDays}个工作日，批准人 {r.ApproverId}）",
            FeeNoticeSent r => $"{r.Name}（{FeeQuote.Yuan(r.AmountYuan)}元{(r.Basis is null ? string.Empty : "；" + r.Basis)}）",
            Assigned r => $"{r.Name}（{department(r.DepartmentId)}）",
            Transferred r => $"{r.Name}（转至 {department(r.ToDepartmentId)}）",
            Replied r => $"{r.Name}（{r.Outcome.Label()}）",
            Delivered r => $"{r.Name}（{r.Method}）",
            ReasonableDeadlineSet r => $"{r.Name}（第三十五条，答复期限改为 {Date(r.ReplyBy)}）：{r.Reason}",
            DepartmentOpinion r => $"{r.Name}（{department(r.DepartmentId)}{(r.Proposed is { } p ? "，建议" + p.Label() : string.Empty)}）：{r.Opinion}",
            HandlerAssigned { HandlerId: not null } r => $"{r.Name}（{r.HandlerName ?? r.HandlerId}）",
            ClosedFromLedger r => $"{r.Name}（{r.Outcome.Label()}，{r.Source}）",
            _ => step.Name,
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
