using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Applications;

/// <summary>One rule an installation may set: its key, what it is in Chinese, where docs/legal.md discusses it, its values.</summary>
/// <param name="Key">Stable key (<c>working-days.start-day</c>).</param>
/// <param name="Label">What it decides, in Chinese.</param>
/// <param name="Source">The docs/legal.md section and its certainty.</param>
/// <param name="Default">The default value.</param>
/// <param name="Values">The values allowed, with what each means; empty for a number (see <see cref="ConfigurableRules.Problem"/>).</param>
public sealed record ConfigurableRule(string Key, string Label, string Source, string Default, IReadOnlyList<(string Value, string Meaning)> Values);

/// <summary>The rules in force: the case rules and how working days are counted.</summary>
public sealed record RulesInForce(CaseRules Cases, WorkingDayConvention Convention)
{
    public static RulesInForce Default { get; } = new(CaseRules.Default, WorkingDayConvention.StartDayNotCounted);
}

/// <summary>
/// The points of the statutory clock that docs/legal.md does not settle (U or P), which an installation sets for itself
/// (its legal office's reading) instead of waiting for a release: how working days are counted (§1.6), the date of
/// receipt of an e-mail (§1.4), whether fee time stops the clock and how long the applicant has to pay (§3).
/// Stored as key/value text; a missing key takes its default.
/// </summary>
public static class ConfigurableRules
{
    public const string StartDay = "working-days.start-day";
    public const string EmailReceipt = "email.receipt";
    public const string FeeStopsClock = "fee.stops-clock";
    public const string FeePaymentDays = "fee.payment-working-days";

    /// <summary>Every rule, in the order they are listed.</summary>
    public static IReadOnlyList<ConfigurableRule> All { get; } =
    [
        new(StartDay, "期限起算：收到申请（或其他起算事由）当日是否计入工作日", "legal.md §1.6（U，条例未规定）", "not-counted",
            [("not-counted", "当日不计入，自次日起算（通行做法，默认）"), ("counted", "当日为工作日的，计为第一日")]),
        new(EmailReceipt, "电子邮件申请的收到申请之日", "legal.md §1.4（P，第三十一条未列电子邮件）", "confirmation",
            [("confirmation", "与申请人双方确认之日（按互联网渠道，默认）"), ("mail-system", "电子邮件系统接收之日")]),
        new(FeeStopsClock, "收费通知至缴费期间是否不计入答复期限", "legal.md §3（U）", "true",
            [("true", "不计入（默认）"), ("false", "计入")]),
        new(FeePaymentDays, "申请人缴纳信息处理费的期限（工作日）", "legal.md §3（P）", "20", []),
    ];

    /// <summary>The rule of a key; null for an unknown key.</summary>
    public static ConfigurableRule? Find(string key) => All.FirstOrDefault(r => r.Key == key.Trim());

    /// <summary>Null when <paramref name="value"/> is allowed for <paramref name="key"/>, else why not, in Chinese.</summary>
    public static string? Problem(string key, string value)
    {
        if (Find(key) is not { } rule)
        {
            return $"没有名为“{key}”的规则；可设置：{string.Join("、", All.Select(r => r.Key))}";
        }

        var v = value.Trim();
        if (rule.Values.Count > 0)
        {
            return rule.Values.Any(x => x.Value == v) ? null : $"规则 {rule.Key} 的值“{value}”无效；可选：{string.Join("、", rule.Values.Select(x => $"{x.Value}（{x.Meaning}）"))}";
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 60
            ? null
            : $"规则 {rule.Key} 的值“{value}”无效：应为1至60的工作日数";
    }

    /// <summary>The rules in force from stored values (unknown keys and unusable values are ignored: they were checked when set).</summary>
    public static RulesInForce Apply(IReadOnlyDictionary<string, string> stored)
    {
        string Get(string key) => stored.TryGetValue(key, out var v) && Problem(key, v) is null ? v.Trim() : Find(key)!.Default;
        var cases = CaseRules.Default with
        {
            EmailReceipt = Get(EmailReceipt) == "mail-system" ? EmailReceiptRule.MailSystemReceipt : EmailReceiptRule.ConfirmationDate,
            FeeTimeStopsClock = Get(FeeStopsClock) == "true",
            FeePaymentWorkingDays = int.Parse(Get(FeePaymentDays), CultureInfo.InvariantCulture),
        };
        var convention = Get(StartDay) == "counted" ? WorkingDayConvention.StartDayCounted : WorkingDayConvention.StartDayNotCounted;
        return new RulesInForce(cases, convention);
    }
}
