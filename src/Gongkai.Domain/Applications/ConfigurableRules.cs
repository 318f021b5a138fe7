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
/// <param name="NumberName">For a number: what it counts, as the field's label (工作日数).</param>
/// <param name="Unit">For a number: its unit in words (个工作日, 件, 元).</param>
/// <param name="Min">For a number: the smallest allowed.</param>
/// <param name="Max">For a number: the largest allowed.</param>
public sealed record ConfigurableRule(string Key, string Label, string Explanation, string Article, string Uncertainty, string Default, IReadOnlyList<(string Value, string Meaning)> Values,
    string NumberName = "工作日数", string Unit = "个工作日", int Min = 1, int Max = 60)
{
    /// <summary>What the value means in words (the number with its unit for a number rule).</summary>
    public string MeaningOf(string value) =>
        Values.Count == 0 ? $"{value}{Unit}" : Values.FirstOrDefault(v => v.Value == value).Meaning ?? value;

    /// <summary>For a number rule: null when <paramref name="value"/> is a whole number in range, else why not (in words).</summary>
    public string? NumberProblem(string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= Min && n <= Max
            ? null
            : Unit == "个工作日" ? $"应为{Min}至{Max}的工作日数" : $"应为{Min}至{Max}的整数（单位：{Unit}）";
}

/// <summary>The rules in force: the case rules and how working days are counted.</summary>
public sealed record RulesInForce(CaseRules Cases, WorkingDayConvention Convention)
{
    public static RulesInForce Default { get; } = new(CaseRules.Default, WorkingDayConvention.StartDayNotCounted);
}

/// <summary>
/// The points of the statutory clock that docs/legal.md does not settle (U or P), which an installation sets for itself
/// (its legal office's reading) instead of waiting for a release: how working days are counted (§1.6), the date of
/// receipt of an e-mail (§1.4), whether fee time stops the clock, how long the applicant has to pay and the 按件 tiers
/// from the 31st application (§3).
/// Stored as key/value text; a missing key takes its default.
/// </summary>
public static class ConfigurableRules
{
    public const string StartDay = "working-days.start-day";
    public const string EmailReceipt = "email.receipt";
    public const string FeeStopsClock = "fee.stops-clock";
    public const string FeePaymentDays = "fee.payment-working-days";
    public const string FeeTierSize = "fee.tier-size";
    public const string FeeTierIncrement = "fee.tier-increment";

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
        new(FeeTierSize, "按件收费：超过30件后，每档包含多少件",
            "同一申请人在一个自然月内提出的申请超过30件后，每多少件提高一档收费标准。例如填10：第31至40件为一档，第41至50件为下一档。",
            "《政府信息公开信息处理费管理办法》第四条",
            "收费办法规定10件以内免费、第11至30件每件100元；超过30件的部分如何分档，本系统未能核实原文，通行理解为“每10件为一档”。请按上级政府信息公开工作主管部门或本地财政、价格部门的口径填写1至100之间的件数。",
            "10",
            [], "件数", "件", 1, 100),
        new(FeeTierIncrement, "按件收费：每提高一档，每件增加多少元",
            "超过30件后，每进入下一档，每件的收费标准增加的金额。例如填100：第31至40件每件200元，第41至50件每件300元。",
            "《政府信息公开信息处理费管理办法》第四条",
            "收费办法对超过30件的部分规定了逐档提高的收费标准，本系统未能核实原文，通行理解为“每档提高100元/件”。请按上级政府信息公开工作主管部门或本地财政、价格部门的口径填写0至10000之间的金额。",
            "100",
            [], "金额（元）", "元", 0, 10000),
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

        return rule.NumberProblem(v) is { } problem ? $"规则 {rule.Key} 的值“{value}”无效：{problem}" : null;
    }

    /// <summary>Null when <paramref name="value"/> is allowed for <paramref name="rule"/>, else why not, in words for the office (no keys).</summary>
    public static string? PlainProblem(ConfigurableRule rule, string value)
    {
        var v = value.Trim();
        if (rule.Values.Count > 0)
        {
            return rule.Values.Any(x => x.Value == v) ? null : $"所选的项无效，请在{string.Join("、", rule.Values.Select(x => $"“{x.Meaning}”"))}中选择一项";
        }

        return rule.NumberProblem(v) is { } problem ? $"“{value}”无效：{problem}" : null;
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
            FeeTiers = PerApplicationTiers.Default with
            {
                TierSize = int.Parse(Get(FeeTierSize), CultureInfo.InvariantCulture),
                TierIncrement = int.Parse(Get(FeeTierIncrement), CultureInfo.InvariantCulture),
            },
        };
        var convention = Get(StartDay) == "counted" ? WorkingDayConvention.StartDayCounted : WorkingDayConvention.StartDayNotCounted;
        return new RulesInForce(cases, convention);
    }
}
