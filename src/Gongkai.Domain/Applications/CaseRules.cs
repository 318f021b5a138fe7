namespace Gongkai.Domain.Applications;

/// <summary>
/// The points of the statutory clock that docs/legal.md marks unverified (U) or interpretation (P), each with its
/// documented default. The verified numbers (20 working days, an extension of at most 20, 7 days for a 补正
/// notice, 15 days for consultations) are constants of <see cref="StatutoryPeriods"/>, not options.
/// </summary>
public sealed record CaseRules
{
    /// <summary>The defaults.</summary>
    public static CaseRules Default { get; } = new();

    /// <summary>
    /// 电子邮件 date of receipt (Art. 31 does not list e-mail; P/interpretation). Default
    /// <see cref="EmailReceiptRule.ConfirmationDate"/>; [I2015] used the day the mail system receives it.
    /// </summary>
    public EmailReceiptRule EmailReceipt { get; init; } = EmailReceiptRule.ConfirmationDate;

    /// <summary>
    /// Fees (国办函〔2020〕109号, docs/legal.md §3): whether the time from the fee notice to payment stops the Art. 33
    /// clock. U; default true (recalled, not verified, that the national text excludes it).
    /// </summary>
    public bool FeeTimeStopsClock { get; init; } = true;

    /// <summary>
    /// Fees (docs/legal.md §3): the working days the applicant has to pay, counted from the day after receiving the
    /// notice. P ([FEE-SC] restating the national rule); default 20.
    /// </summary>
    public int FeePaymentWorkingDays { get; init; } = 20;

    /// <summary>
    /// 按件计收 tiers (国办函〔2020〕109号 Art. 4, docs/legal.md §3): from the 31st application the steps are U, so the
    /// tier size and increment are the installation's setting (<see cref="ConfigurableRules"/>).
    /// </summary>
    public PerApplicationTiers FeeTiers { get; init; } = PerApplicationTiers.Default;

    /// <summary>Fees (docs/legal.md §3): the first day fee notices may be sent. P ([FEE-HLJ]); default 2021-01-01.</summary>
    public DateOnly FeeRulesEffectiveFrom { get; init; } = new(2021, 1, 1);
}

/// <summary>The verified periods of the Regulation, in working days (docs/legal.md §1.5–1.6, V).</summary>
public static class StatutoryPeriods
{
    /// <summary>Art. 33: reply within 20 working days of receipt.</summary>
    public const int Reply = 20;

    /// <summary>Art. 33: the extension is at most 20 working days.</summary>
    public const int MaxExtension = 20;

    /// <summary>Art. 30: the 补正 notice within 7 working days of receipt.</summary>
    public const int SupplementNotice = 7;

    /// <summary>Arts. 32, 34: the third party or co-author agency has 15 working days to answer.</summary>
    public const int ConsultationAnswer = 15;
}

/// <summary>How the annual report counts outcomes where docs/legal.md marks the mapping U.</summary>
public sealed record ReportingRules
{
    /// <summary>The defaults.</summary>
    public static ReportingRules Default { get; } = new();

    /// <summary>
    /// Art. 36(一) "already proactively disclosed" replies: counted as 三（一）予以公开 (U, docs/legal.md §2.4; default true)
    /// or else as 三（六）其他处理.
    /// </summary>
    public bool AlreadyPublicCountsAsGranted { get; init; } = true;
}
