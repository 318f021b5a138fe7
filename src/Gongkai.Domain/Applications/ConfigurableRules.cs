using System.Globalization;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Applications;

/// <summary>
/// One rule an installation may set: its key, and what the 计算规则 page tells the office in plain Chinese — what it
/// decides, what it changes, the article it concerns, why the Regulation leaves it open, and what each choice means.
/// </summary>
/// <param name="Key">Stable key (<c>working-days.start-day</c>), used in form fields and on the command line only.</param>
/// <param name="Label">Its Chinese title.</param>
/// <param name="Explanation">What it changes, in plain words.</param>
/// <param name="Article">The article it concerns (《政府信息公开条例》第三十三条).</param>
/// <param name="Uncertainty">What the law does not settle, in plain words, and what the office should do.</param>
/// <param name="Default">The default value.</param>
/// <param name="Values">The values allowed, with what each means; empty for a number (see <see cref="ConfigurableRules.Problem"/>).</param>
public sealed record ConfigurableRule(string Key, string Label, string Explanation, string Article, string Uncertainty, string Default, IReadOnlyList<(string Value, string Meaning)> Values)
{
    /// <summary>What the value means in words (the number of working days for a number rule).</summary>
    public string MeaningOf(string value) =>
        Values.Count == 0 ? $"{value}个工作日" : Values.FirstOrDefault(v => v.Value == value).Meaning ?? value;
}

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

    /// <summary>
    /// Every rule, in the order they are listed: the start day (docs/legal.md §1.6, U), the receipt of an e-mail
    /// (§1.4, P: Art. 31 does not list e-mail), fee time and the payment period (§3, U/P).
    /// </summary>
    public static IReadOnlyList<ConfigurableRule> All { get; } =
    [
        new(StartDay, "答复期限从哪一天开始数",
            "决定收到申请的当天算不算答复期限的第一个工作日。选“算”，所有答复期限都提前一个工作日到期。",
            "《政府信息公开条例》第三十三条",
            "《条例》只说“自收到申请之日起20个工作日内”答复，没有规定收到的当天算不算在内。请按本地的通行做法或上级政府信息公开工作主管部门的要求选择。",
            "not-counted",
            [("not-counted", "当天不算，从第二天开始数（多数地方的做法，默认）"), ("counted", "当天是工作日的，算作第一天")]),
        new(EmailReceipt, "通过电子邮件提出的申请，哪一天算收到",
            "决定电子邮件申请的答复期限从哪一天开始计算。",
            "《政府信息公开条例》第三十一条",
            "第三十一条只规定了当面、邮寄和互联网渠道等方式哪天算收到，没有单独提到电子邮件。请按本地的通行做法选择。",
            "confirmation",
            [("confirmation", "与申请人双方确认的那一天（与网上申请相同，默认）"), ("mail-system", "邮件系统收到邮件的那一天")]),
        new(FeeStopsClock, "等待申请人缴费的时间是否算在答复期限内",
            "决定从发出收费通知到申请人缴费之间的日子，是否从答复期限中扣除。",
            "《政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》",
            "《条例》和收费办法没有明确说明这段时间是否计入答复期限。请按本地的通行做法选择。",
            "true",
            [("true", "不算在内，答复期限相应顺延（默认）"), ("false", "算在内，答复期限不变")]),
        new(FeePaymentDays, "申请人缴纳信息处理费的期限",
            "收费通知书上写明申请人应在多少个工作日内缴费；逾期未缴的，视为放弃申请。",
            "《政府信息公开信息处理费管理办法》",
            "收费办法的全文本系统未能逐条核实，通行做法是20个工作日。请按本地的做法填写1至60之间的工作日数。",
            "20",
            []),
    ];

    /// <summary>The rule of a key; null for an unknown key.</summary>
    public static ConfigurableRule? Find(string key) => All.FirstOrDefault(r => r.Key == key.Trim());

    /// <summary>Null when <paramref name="value"/> is allowed for <paramref name="key"/>, else why not, in Chinese (with the keys: for the command line).</summary>
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

        return IsDays(v) ? null : $"规则 {rule.Key} 的值“{value}”无效：应为1至60的工作日数";
    }

    /// <summary>Null when <paramref name="value"/> is allowed for <paramref name="rule"/>, else why not, in words for the office (no keys).</summary>
    public static string? PlainProblem(ConfigurableRule rule, string value)
    {
        var v = value.Trim();
        if (rule.Values.Count > 0)
        {
            return rule.Values.Any(x => x.Value == v) ? null : $"所选的项无效，请在{string.Join("、", rule.Values.Select(x => $"“{x.Meaning}”"))}中选择一项";
        }

        return IsDays(v) ? null : $"“{value}”无效：应为1至60的工作日数";
    }

    private static bool IsDays(string v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 60;

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
