namespace Gongkai.Domain.Reports;

/// <summary>The five columns of each group of section 四's table (docs/legal.md §2.5).</summary>
public enum ReviewOutcome
{
    /// <summary>结果维持.</summary>
    Upheld,

    /// <summary>结果纠正.</summary>
    Corrected,

    /// <summary>其他结果.</summary>
    Other,

    /// <summary>尚未审结.</summary>
    Pending,

    /// <summary>总计 = 维持 + 纠正 + 其他 + 尚未审结 (derived rule, docs/legal.md §2.5).</summary>
    Total,
}

/// <summary>The three groups of section 四's table.</summary>
public enum ReviewLitigationGroup
{
    /// <summary>行政复议.</summary>
    Review,

    /// <summary>行政诉讼 · 未经复议直接起诉.</summary>
    LitigationDirect,

    /// <summary>行政诉讼 · 复议后起诉.</summary>
    LitigationAfterReview,
}

/// <summary>Keys and labels of section 四's columns and groups.</summary>
public static class ReviewLitigationLabels
{
    /// <summary>Cells in each group.</summary>
    public const int Count = 5;

    public static IReadOnlyList<ReviewOutcome> Outcomes { get; } = Enum.GetValues<ReviewOutcome>();

    public static IReadOnlyList<ReviewLitigationGroup> Groups { get; } = Enum.GetValues<ReviewLitigationGroup>();

    public static string Key(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Upheld => "upheld",
        ReviewOutcome.Corrected => "corrected",
        ReviewOutcome.Other => "other",
        ReviewOutcome.Pending => "pending",
        ReviewOutcome.Total => "total",
    };

    public static string Label(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Upheld => "结果维持",
        ReviewOutcome.Corrected => "结果纠正",
        ReviewOutcome.Other => "其他结果",
        ReviewOutcome.Pending => "尚未审结",
        ReviewOutcome.Total => "总计",
    };

    public static string Key(this ReviewLitigationGroup group) => group switch
    {
        ReviewLitigationGroup.Review => "review",
        ReviewLitigationGroup.LitigationDirect => "litigationDirect",
        ReviewLitigationGroup.LitigationAfterReview => "litigationAfterReview",
    };

    /// <summary>The group as a person names it.</summary>
    public static string Label(this ReviewLitigationGroup group) => group switch
    {
        ReviewLitigationGroup.Review => "行政复议",
        ReviewLitigationGroup.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        ReviewLitigationGroup.LitigationAfterReview => "行政诉讼（复议后起诉）",
    };

    /// <summary>The checker rule id for the group's total.</summary>
    public static string TotalRule(this ReviewLitigationGroup group) => group switch
    {
        ReviewLitigationGroup.Review => "review-total",
        ReviewLitigationGroup.LitigationDirect => "litigation-direct-total",
        ReviewLitigationGroup.LitigationAfterReview => "litigation-after-review-total",
    };
}

/// <summary>Section 四's table: three groups of five cells (null = blank as printed).</summary>
public sealed class ReviewLitigationTable
{
    private readonly int?[][] _groups =
        [new int?[ReviewLitigationLabels.Count], new int?[ReviewLitigationLabels.Count], new int?[ReviewLitigationLabels.Count]];

    /// <summary>The five cells of a group (mutable).</summary>
    public int?[] this[ReviewLitigationGroup group] => _groups[(int)group];

    /// <summary>One cell.</summary>
    public int? this[ReviewLitigationGroup group, ReviewOutcome outcome]
    {
        get => _groups[(int)group][(int)outcome];
        set => _groups[(int)group][(int)outcome] = value;
    }
}
