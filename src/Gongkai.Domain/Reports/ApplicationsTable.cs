using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The seven numeric columns of section 三's table, in print order (docs/legal.md §2.4): one per
/// <see cref="ApplicantType"/> — the same six, defined from it, so there is one list of who may apply (Art. 27) —
/// and 总计, which is no kind of applicant but the row's sum. A column is an applicant or the total, never both:
/// <see cref="ApplicantColumns.Applicant"/> says which.
/// </summary>
public enum ApplicantColumn
{
    /// <summary>自然人.</summary>
    NaturalPerson = ApplicantType.NaturalPerson,

    /// <summary>法人或其他组织 · 商业企业.</summary>
    CommercialEnterprise = ApplicantType.CommercialEnterprise,

    /// <summary>法人或其他组织 · 科研机构.</summary>
    ResearchInstitution = ApplicantType.ResearchInstitution,

    /// <summary>法人或其他组织 · 社会公益组织.</summary>
    PublicInterestOrganization = ApplicantType.PublicInterestOrganization,

    /// <summary>法人或其他组织 · 法律服务机构.</summary>
    LegalServiceInstitution = ApplicantType.LegalServiceInstitution,

    /// <summary>法人或其他组织 · 其他.</summary>
    OtherOrganization = ApplicantType.OtherOrganization,

    /// <summary>总计: the sum of the six applicant columns (derived rule, docs/legal.md §2.4).</summary>
    Total,
}

/// <summary>Keys and labels of <see cref="ApplicantColumn"/>: an applicant's are its <see cref="ApplicantType"/>'s.</summary>
public static class ApplicantColumns
{
    /// <summary>The number of cells in every row of section 三's table.</summary>
    public const int Count = 7;

    /// <summary>All seven columns in print order.</summary>
    public static IReadOnlyList<ApplicantColumn> All { get; } = Enum.GetValues<ApplicantColumn>();

    /// <summary>The six applicant columns that 总计 sums, in <see cref="ApplicantTypes.All"/>'s order.</summary>
    public static IReadOnlyList<ApplicantColumn> Applicants { get; } = [.. ApplicantTypes.All.Select(Of)];

    /// <summary>The column an applicant is counted in.</summary>
    public static ApplicantColumn Of(ApplicantType applicant) => (ApplicantColumn)applicant;

    /// <summary>The applicant a column counts; null for 总计.</summary>
    public static ApplicantType? Applicant(this ApplicantColumn column) =>
        column == ApplicantColumn.Total ? null : (ApplicantType)column;

    /// <summary>The JSON key of a column (docs/report-model.md).</summary>
    public static string Key(this ApplicantColumn column) => column.Applicant() is { } applicant ? applicant.Key() : "total";

    /// <summary>The column label the format prints.</summary>
    public static string Label(this ApplicantColumn column) => column.Applicant() is { } applicant ? applicant.Label() : "总计";

    /// <summary>The column as a person names it in a message (其他 is qualified so it is not mistaken for a row).</summary>
    public static string MessageLabel(this ApplicantColumn column) =>
        column == ApplicantColumn.OtherOrganization ? "法人或其他组织·其他" : column.Label();
}

/// <summary>The JSON keys of section 三's rows (docs/report-model.md), for code that fills the table.</summary>
public static class ApplicationRowKeys
{
    public const string Received = "received";
    public const string CarriedOver = "carriedOver";
    public const string Granted = "granted";
    public const string PartiallyGranted = "partiallyGranted";
    public const string WithheldStateSecret = "withheld.stateSecret";
    public const string WithheldProhibitedByLaw = "withheld.prohibitedByLaw";
    public const string WithheldEndangersSecurity = "withheld.endangersSecurity";
    public const string WithheldThirdPartyRights = "withheld.thirdPartyRights";
    public const string WithheldInternalAffairs = "withheld.internalAffairs";
    public const string WithheldProcessInformation = "withheld.processInformation";
    public const string WithheldEnforcementCaseFile = "withheld.enforcementCaseFile";
    public const string WithheldAdministrativeInquiry = "withheld.administrativeInquiry";
    public const string UnavailableNotHeld = "unavailable.notHeld";
    public const string UnavailableNeedsCreation = "unavailable.needsCreation";
    public const string UnavailableUnclearAfterSupplement = "unavailable.unclearAfterSupplement";
    public const string NotProcessedPetitionComplaint = "notProcessed.petitionComplaint";
    public const string NotProcessedDuplicate = "notProcessed.duplicate";
    public const string NotProcessedPublication = "notProcessed.publication";
    public const string NotProcessedExcessive = "notProcessed.excessive";
    public const string NotProcessedConfirmation = "notProcessed.confirmation";
    public const string OtherNoSupplement = "other.noSupplement";
    public const string OtherFeeUnpaid = "other.feeUnpaid";
    public const string OtherOther = "other.other";
    public const string TotalHandled = "totalHandled";
    public const string CarriedForward = "carriedForward";
}

/// <summary>Where a row of section 三 stands in the table.</summary>
public enum ApplicationRowKind
{
    /// <summary>一、本年新收 or 二、上年结转: what came in.</summary>
    Incoming,

    /// <summary>A result row under 三、本年度办理结果 (（一）…（六）): summed into （七）总计.</summary>
    Result,

    /// <summary>三（七）总计.</summary>
    TotalHandled,

    /// <summary>四、结转下年度继续办理.</summary>
    CarriedForward,
}

/// <summary>
/// A row of section 三's table. The three label levels nest as the format prints them: <see cref="Top"/>
/// (一–四), <see cref="Group"/> (（一）–（七）) and <see cref="Item"/> (numbered sub-rows).
/// </summary>
public sealed record ApplicationRowDefinition(string Key, ApplicationRowKind Kind, string Top, string? Group, string? Item)
{
    /// <summary>A short name for messages: <c>三（三）1.属于国家秘密</c>, <c>一、本年新收政府信息公开申请数量</c>.</summary>
    public string Name => Group is null ? Top
        : Item is null ? $"三{ShortGroup}"
        : $"三{Group[..(Group.IndexOf('）', StringComparison.Ordinal) + 1)]}{Item}";

    /// <summary>The group label without its parenthetical note: （二）部分公开.</summary>
    private string? ShortGroup => Group is { } g && g.IndexOf('（', 1) is var cut and > 0 ? g[..cut] : Group;

    /// <summary>The JSON path segments of the key (<c>withheld.stateSecret</c> → withheld, stateSecret).</summary>
    public string[] Path => Key.Split('.');
}

/// <summary>The rows of section 三's table for each template, in print order (docs/legal.md §2.4, §2.6).</summary>
public static class ApplicationsLayout
{
    /// <summary>The label of the result block, which spans 20 (2019) or 22 (2021) rows.</summary>
    public const string ResultsTop = "三、本年度办理结果";

    /// <summary>The 勾稽关系 note the format prints in the top-left header cell (docs/legal.md §2.4, V).</summary>
    public const string BalanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    private static readonly ApplicationRowDefinition[] Head =
    [
        new(ApplicationRowKeys.Received, ApplicationRowKind.Incoming, "一、本年新收政府信息公开申请数量", null, null),
        new(ApplicationRowKeys.CarriedOver, ApplicationRowKind.Incoming, "二、上年结转政府信息公开申请数量", null, null),
        R(ApplicationRowKeys.Granted, "（一）予以公开", null),
        R(ApplicationRowKeys.PartiallyGranted, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", null),
        R(ApplicationRowKeys.WithheldStateSecret, "（三）不予公开", "1.属于国家秘密"),
        R(ApplicationRowKeys.WithheldProhibitedByLaw, "（三）不予公开", "2.其他法律行政法规禁止公开"),
        R(ApplicationRowKeys.WithheldEndangersSecurity, "（三）不予公开", "3.危及“三安全一稳定”"),
        R(ApplicationRowKeys.WithheldThirdPartyRights, "（三）不予公开", "4.保护第三方合法权益"),
        R(ApplicationRowKeys.WithheldInternalAffairs, "（三）不予公开", "5.属于三类内部事务信息"),
        R(ApplicationRowKeys.WithheldProcessInformation, "（三）不予公开", "6.属于四类过程性信息"),
        R(ApplicationRowKeys.WithheldEnforcementCaseFile, "（三）不予公开", "7.属于行政执法案卷"),
        R(ApplicationRowKeys.WithheldAdministrativeInquiry, "（三）不予公开", "8.属于行政查询事项"),
        R(ApplicationRowKeys.UnavailableNotHeld, "（四）无法提供", "1.本机关不掌握相关政府信息"),
        R(ApplicationRowKeys.UnavailableNeedsCreation, "（四）无法提供", "2.没有现成信息需要另行制作"),
        R(ApplicationRowKeys.UnavailableUnclearAfterSupplement, "（四）无法提供", "3.补正后申请内容仍不明确"),
        R(ApplicationRowKeys.NotProcessedPetitionComplaint, "（五）不予处理", "1.信访举报投诉类申请"),
        R(ApplicationRowKeys.NotProcessedDuplicate, "（五）不予处理", "2.重复申请"),
        R(ApplicationRowKeys.NotProcessedPublication, "（五）不予处理", "3.要求提供公开出版物"),
        R(ApplicationRowKeys.NotProcessedExcessive, "（五）不予处理", "4.无正当理由大量反复申请"),
        R(ApplicationRowKeys.NotProcessedConfirmation, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    ];

    private static readonly ApplicationRowDefinition[] Tail =
    [
        new(ApplicationRowKeys.TotalHandled, ApplicationRowKind.TotalHandled, ResultsTop, "（七）总计", null),
        new(ApplicationRowKeys.CarriedForward, ApplicationRowKind.CarriedForward, "四、结转下年度继续办理", null, null),
    ];

    /// <summary>2019 format: （六）其他处理 is one row (docs/legal.md §2.4).</summary>
    public static IReadOnlyList<ApplicationRowDefinition> Format2019 { get; } =
        [.. Head, R(ApplicationRowKeys.OtherOther, "（六）其他处理", null), .. Tail];

    /// <summary>2021 format: （六）其他处理 has three sub-rows (docs/legal.md §2.6).</summary>
    public static IReadOnlyList<ApplicationRowDefinition> Format2021 { get; } =
    [
        .. Head,
        R(ApplicationRowKeys.OtherNoSupplement, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        R(ApplicationRowKeys.OtherFeeUnpaid, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        R(ApplicationRowKeys.OtherOther, "（六）其他处理", "3.其他"),
        .. Tail,
    ];

    /// <summary>Every row key of either template, in JSON order (the 2021 order; 2019 writes null for the rows it lacks).</summary>
    public static IReadOnlyList<string> AllKeys { get; } = Format2021.Select(r => r.Key).ToArray();

    /// <summary>The rows a template prints, in print order.</summary>
    public static IReadOnlyList<ApplicationRowDefinition> For(ReportTemplate template) => template switch
    {
        ReportTemplate.Format2019 => Format2019,
        ReportTemplate.Format2021 => Format2021,
    };

    /// <summary>A row of a template by key, or null when the template has no such row.</summary>
    public static ApplicationRowDefinition? Find(ReportTemplate template, string key) =>
        For(template).FirstOrDefault(r => r.Key == key);

    private static ApplicationRowDefinition R(string key, string group, string? item) =>
        new(key, ApplicationRowKind.Result, ResultsTop, group, item);
}

/// <summary>
/// Section 三's table: for each row of the template, seven cells (null = blank as printed). Rows the
/// template does not have (2019: 三（六）1 and 2) are absent.
/// </summary>
public sealed class ApplicationsTable
{
    private readonly Dictionary<string, int?[]> _rows = [];

    /// <summary>An empty table (every cell blank) for a template.</summary>
    public ApplicationsTable(ReportTemplate template)
    {
        Template = template;
        foreach (var row in ApplicationsLayout.For(template))
        {
            _rows[row.Key] = new int?[ApplicantColumns.Count];
        }
    }

    /// <summary>The template whose rows this table has.</summary>
    public ReportTemplate Template { get; }

    /// <summary>The rows of the template in print order.</summary>
    public IReadOnlyList<ApplicationRowDefinition> Rows => ApplicationsLayout.For(Template);

    /// <summary>The seven cells of a row (mutable); unknown keys are a programming error.</summary>
    public int?[] this[string rowKey] =>
        _rows.TryGetValue(rowKey, out var cells)
            ? cells
            : throw new ArgumentException($"The {Template.Code()} template has no applications row {rowKey}.", nameof(rowKey));

    /// <summary>One cell.</summary>
    public int? this[string rowKey, ApplicantColumn column]
    {
        get => this[rowKey][(int)column];
        set => this[rowKey][(int)column] = value;
    }

    /// <summary>One applicant's cell.</summary>
    public int? this[string rowKey, ApplicantType applicant]
    {
        get => this[rowKey, ApplicantColumns.Of(applicant)];
        set => this[rowKey, ApplicantColumns.Of(applicant)] = value;
    }

    /// <summary>Whether the template has this row.</summary>
    public bool HasRow(string rowKey) => _rows.ContainsKey(rowKey);
}
