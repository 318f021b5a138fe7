using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Applications;

/// <summary>How a case ended: one per case, each counted in one row of the annual report's section 三 (docs/legal.md §2.4).</summary>
public enum CaseOutcome
{
    /// <summary>予以公开 (Art. 36(二)) → 三（一）.</summary>
    Granted,

    /// <summary>已主动公开 (Art. 36(一)) → 三（一） by default (U, <see cref="ReportingRules.AlreadyPublicCountsAsGranted"/>).</summary>
    AlreadyPublic,

    /// <summary>部分公开 (Art. 37) → 三（二）.</summary>
    PartiallyGranted,

    /// <summary>不予公开·属于国家秘密 (Art. 14) → 三（三）1.</summary>
    WithheldStateSecret,

    /// <summary>不予公开·其他法律行政法规禁止公开 (Art. 14) → 三（三）2.</summary>
    WithheldProhibitedByLaw,

    /// <summary>不予公开·危及“三安全一稳定” (Art. 14) → 三（三）3.</summary>
    WithheldEndangersSecurity,

    /// <summary>不予公开·保护第三方合法权益 (Arts. 15, 32) → 三（三）4.</summary>
    WithheldThirdPartyRights,

    /// <summary>不予公开·属于三类内部事务信息 (Art. 16 ¶1) → 三（三）5.</summary>
    WithheldInternalAffairs,

    /// <summary>不予公开·属于四类过程性信息 (Art. 16 ¶2) → 三（三）6.</summary>
    WithheldProcessInformation,

    /// <summary>不予公开·属于行政执法案卷 (Art. 16 ¶2) → 三（三）7.</summary>
    WithheldEnforcementCaseFile,

    /// <summary>不予公开·属于行政查询事项 (Art. 36(七)) → 三（三）8.</summary>
    WithheldAdministrativeInquiry,

    /// <summary>本机关不掌握相关政府信息 (Art. 36(四), (五)) → 三（四）1.</summary>
    NotHeld,

    /// <summary>没有现成信息需要另行制作 (Art. 38) → 三（四）2.</summary>
    NeedsCreation,

    /// <summary>补正后申请内容仍不明确 (Art. 30) → 三（四）3.</summary>
    UnclearAfterSupplement,

    /// <summary>信访举报投诉类申请 (Art. 39 ¶1) → 三（五）1.</summary>
    PetitionComplaint,

    /// <summary>重复申请 (Art. 36(六)) → 三（五）2.</summary>
    Duplicate,

    /// <summary>要求提供公开出版物 (Art. 39 ¶2) → 三（五）3.</summary>
    Publication,

    /// <summary>无正当理由大量反复申请 (Art. 35) → 三（五）4.</summary>
    Excessive,

    /// <summary>要求行政机关确认或重新出具已获取信息 → 三（五）5.</summary>
    Confirmation,

    /// <summary>逾期不补正 (Art. 30: deemed abandoned) → 三（六）1 (2021), 三（六） (2019).</summary>
    NoSupplement,

    /// <summary>逾期未缴费 (fees, docs/legal.md §3: deemed abandoned) → 三（六）2 (2021), 三（六） (2019).</summary>
    FeeUnpaid,

    /// <summary>其他 (including withdrawal by the applicant) → 三（六）3 (2021), 三（六） (2019).</summary>
    Other,
}

/// <summary>The reply types of Art. 36 (what the reply letter must say, docs/legal.md §1.7).</summary>
public enum Art36Reply
{
    /// <summary>(一) already proactively disclosed: tell the means and route.</summary>
    AlreadyDisclosed,

    /// <summary>(二) can be disclosed: provide it, or tell the means, route and time.</summary>
    Disclosable,

    /// <summary>(三) not disclosed under the Regulation: say so and give reasons.</summary>
    NotDisclosed,

    /// <summary>(四) not found after a search: the information does not exist.</summary>
    DoesNotExist,

    /// <summary>(五) not this agency's to disclose: say so; name the responsible agency and its contact if known.</summary>
    NotResponsible,

    /// <summary>(六) a repeat application: not processed again.</summary>
    Repeat,

    /// <summary>(七) 工商、不动产登记资料 etc.: proceed under the special laws.</summary>
    SpecialAccessRules,
}

/// <summary>
/// One entry of the outcome catalog: the Chinese short label as the format prints it (the key a ledger import
/// looks up), the article(s) the outcome rests on, its row in the 2021 format, and its Art. 36 reply types.
/// </summary>
public sealed record CaseOutcomeInfo(
    CaseOutcome Outcome,
    string Label,
    string Articles,
    string RowKey2021,
    IReadOnlyList<Art36Reply> ReplyTypes,
    IReadOnlyList<string> Aliases)
{
    /// <summary>The report row for a template: the 2019 format collapses 三（六）1–3 into its single （六） row (docs/legal.md §2.6).</summary>
    public string RowKey(ReportTemplate template) => template switch
    {
        ReportTemplate.Format2019 when RowKey2021.StartsWith("other.", StringComparison.Ordinal) => ApplicationRowKeys.OtherOther,
        ReportTemplate.Format2019 => RowKey2021,
        ReportTemplate.Format2021 => RowKey2021,
    };
}

/// <summary>The outcome catalog (docs/legal.md §1.7, §2.4 "Mapping from Regulation articles to rows", U as a mapping).</summary>
public static class CaseOutcomes
{
    private static readonly Dictionary<CaseOutcome, CaseOutcomeInfo> Catalog = new CaseOutcomeInfo[]
    {
        new(CaseOutcome.Granted, "予以公开", "第三十六条第（二）项", ApplicationRowKeys.Granted, [Art36Reply.Disclosable], []),
        new(CaseOutcome.AlreadyPublic, "已主动公开", "第三十六条第（一）项", ApplicationRowKeys.Granted, [Art36Reply.AlreadyDisclosed], ["已经主动公开"]),
        new(CaseOutcome.PartiallyGranted, "部分公开", "第三十七条", ApplicationRowKeys.PartiallyGranted,
            [Art36Reply.Disclosable, Art36Reply.NotDisclosed], ["部分公开（区分处理的，只计这一情形，不计其他情形）"]),
        new(CaseOutcome.WithheldStateSecret, "属于国家秘密", "第十四条", ApplicationRowKeys.WithheldStateSecret, [Art36Reply.NotDisclosed], []),
        new(CaseOutcome.WithheldProhibitedByLaw, "其他法律行政法规禁止公开", "第十四条", ApplicationRowKeys.WithheldProhibitedByLaw,
            [Art36Reply.NotDisclosed], ["其他法律法规禁止公开"]),
        new(CaseOutcome.WithheldEndangersSecurity, "危及“三安全一稳定”", "第十四条", ApplicationRowKeys.WithheldEndangersSecurity, [Art36Reply.NotDisclosed], []),
        new(CaseOutcome.WithheldThirdPartyRights, "保护第三方合法权益", "第十五条、第三十二条", ApplicationRowKeys.WithheldThirdPartyRights, [Art36Reply.NotDisclosed], []),
        new(CaseOutcome.WithheldInternalAffairs, "属于三类内部事务信息", "第十六条第一款", ApplicationRowKeys.WithheldInternalAffairs, [Art36Reply.NotDisclosed], []),
        new(CaseOutcome.WithheldProcessInformation, "属于四类过程性信息", "第十六条第二款", ApplicationRowKeys.WithheldProcessInformation, [Art36Reply.NotDisclosed], []),
        new(CaseOutcome.WithheldEnforcementCaseFile, "属于行政执法案卷", "第十六条第二款", ApplicationRowKeys.WithheldEnforcementCaseFile, [Art36Reply.NotDisclosed], []),
        new(CaseOutcome.WithheldAdministrativeInquiry, "属于行政查询事项", "第三十六条第（七）项", ApplicationRowKeys.WithheldAdministrativeInquiry,
            [Art36Reply.SpecialAccessRules], []),
        new(CaseOutcome.NotHeld, "本机关不掌握相关政府信息", "第三十六条第（四）项、第（五）项", ApplicationRowKeys.UnavailableNotHeld,
            [Art36Reply.DoesNotExist, Art36Reply.NotResponsible], []),
        new(CaseOutcome.NeedsCreation, "没有现成信息需要另行制作", "第三十八条", ApplicationRowKeys.UnavailableNeedsCreation, [], []),
        new(CaseOutcome.UnclearAfterSupplement, "补正后申请内容仍不明确", "第三十条", ApplicationRowKeys.UnavailableUnclearAfterSupplement, [], []),
        new(CaseOutcome.PetitionComplaint, "信访举报投诉类申请", "第三十九条第一款", ApplicationRowKeys.NotProcessedPetitionComplaint, [], []),
        new(CaseOutcome.Duplicate, "重复申请", "第三十六条第（六）项", ApplicationRowKeys.NotProcessedDuplicate, [Art36Reply.Repeat], []),
        new(CaseOutcome.Publication, "要求提供公开出版物", "第三十九条第二款", ApplicationRowKeys.NotProcessedPublication, [], []),
        new(CaseOutcome.Excessive, "无正当理由大量反复申请", "第三十五条", ApplicationRowKeys.NotProcessedExcessive, [], []),
        new(CaseOutcome.Confirmation, "要求行政机关确认或重新出具已获取信息", "（年度报告格式）", ApplicationRowKeys.NotProcessedConfirmation, [], []),
        new(CaseOutcome.NoSupplement, "逾期不补正", "第三十条", ApplicationRowKeys.OtherNoSupplement, [],
            ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
        new(CaseOutcome.FeeUnpaid, "逾期未缴费", "《政府信息公开信息处理费管理办法》", ApplicationRowKeys.OtherFeeUnpaid, [],
            ["申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
        new(CaseOutcome.Other, "其他", "—", ApplicationRowKeys.OtherOther, [], ["其他处理", "撤回", "撤回申请", "申请人撤回", "申请人撤回申请"]),
    }.ToDictionary(i => i.Outcome);

    private static readonly Dictionary<string, CaseOutcome> ByLabel = BuildLabelIndex();

    /// <summary>Every outcome in catalog order.</summary>
    public static IReadOnlyList<CaseOutcomeInfo> All { get; } = [.. Enum.GetValues<CaseOutcome>().Select(o => Catalog[o])];

    /// <summary>The catalog entry of an outcome.</summary>
    public static CaseOutcomeInfo Info(this CaseOutcome outcome) =>
        Catalog.TryGetValue(outcome, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);

    /// <summary>The Chinese short label (予以公开, 重复申请, 逾期不补正, …).</summary>
    public static string Label(this CaseOutcome outcome) => outcome.Info().Label;

    /// <summary>The report row the outcome is counted in, for a template and the reporting rules.</summary>
    public static string RowKey(this CaseOutcome outcome, ReportTemplate template, ReportingRules? rules = null)
    {
        if (outcome == CaseOutcome.AlreadyPublic && !(rules ?? ReportingRules.Default).AlreadyPublicCountsAsGranted)
        {
            return ApplicationRowKeys.OtherOther;
        }

        return outcome.Info().RowKey(template);
    }

    /// <summary>
    /// Finds an outcome by its label as people write it in a ledger: the short label (重复申请), the format's
    /// row label with or without its numbering (<c>三（五）2.重复申请</c>, <c>（一）予以公开</c>), the long 2021
    /// labels of 三（六）, ignoring spaces and the kind of quotes.
    /// </summary>
    /// <remarks>
    /// Ledgers often write the format's group before the item — <c>不予公开-属于国家秘密</c>, <c>无法提供：本机关不掌握相关政府信息</c>,
    /// <c>不予处理/重复申请</c>, <c>其他处理—逾期不补正</c>: the item is taken when it belongs to the group named. A withdrawal
    /// (撤回, 申请人撤回) is counted as 其他, as a case closed by 撤回 is.
    /// </remarks>
    public static bool TryParseLabel(string? label, out CaseOutcome outcome)
    {
        outcome = default;
        if (label is null)
        {
            return false;
        }

        if (ByLabel.TryGetValue(Normalize(label), out outcome))
        {
            return true;
        }

        var parts = label.Split(GroupSeparators, 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && Groups.TryGetValue(Normalize(parts[0]), out var prefix)
            && ByLabel.TryGetValue(Normalize(parts[1]), out var item) && item.Info().RowKey2021.StartsWith(prefix, StringComparison.Ordinal))
        {
            outcome = item;
            return true;
        }

        outcome = default;
        return false;
    }

    private static readonly char[] GroupSeparators = ['-', '－', '—', '–', ':', '：', '/', '／', '·', '|', '>'];

    /// <summary>The groups of section 三 as ledgers name them, and the row keys of their items.</summary>
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["不予公开"] = "withheld.",
        ["无法提供"] = "unavailable.",
        ["不予处理"] = "notProcessed.",
        ["其他处理"] = "other.",
    };

    private static Dictionary<string, CaseOutcome> BuildLabelIndex()
    {
        var index = new Dictionary<string, CaseOutcome>(StringComparer.Ordinal);
        foreach (var info in Catalog.Values)
        {
            foreach (var label in info.Aliases.Prepend(info.Label))
            {
                index.Add(Normalize(label), info.Outcome);
            }
        }

        return index;
    }

    /// <summary>Drops whitespace, quotes and the leading numbering (三、 （三） (3) 1. 1、 1．).</summary>
    private static string Normalize(string label)
    {
        var sb = new StringBuilder();
        foreach (var c in label)
        {
            if (!char.IsWhiteSpace(c) && c is not ('"' or '“' or '”' or '\'' or '‘' or '’' or '「' or '」'))
            {
                sb.Append(c);
            }
        }

        var text = sb.ToString();
        while (true)
        {
            var stripped = StripNumbering(text);
            if (stripped == text)
            {
                return text;
            }

            text = stripped;
        }
    }

    private static string StripNumbering(string text)
    {
        const string numerals = "一二三四五六七八九十";
        if (text.Length > 1 && numerals.Contains(text[0], StringComparison.Ordinal) && text[1] is '、' or '.' or '．')
        {
            return text[2..];
        }

        if (text.Length > 0 && numerals.Contains(text[0], StringComparison.Ordinal) && text.Length > 1 && text[1] is '（' or '(')
        {
            return text[1..];
        }

        if (text.Length > 2 && text[0] is '（' or '(')
        {
            var close = text.IndexOfAny(['）', ')']);
            if (close > 1 && close <= 4 && text[1..close].All(c => numerals.Contains(c, StringComparison.Ordinal) || char.IsAsciiDigit(c)))
            {
                return text[(close + 1)..];
            }
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length - 1 && text[digits] is '.' or '、' or '．' ? text[(digits + 1)..] : text;
    }
}
