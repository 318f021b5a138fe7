namespace Gongkai.Domain.Calendar;

/// <summary>
/// How the working days of a statutory period are counted from its start day (docs/legal.md §1.6, U: the Regulation does
/// not say). Every period counts the same way: the Art. 33 reply, the Art. 30 补正 notice, the Arts. 32/34
/// consultations, the fee payment and the Art. 26 publication deadline.
/// </summary>
public enum WorkingDayConvention
{
    /// <summary>
    /// Default, common practice following the procedural laws: the start day (the day of receipt) is not counted;
    /// counting starts the next day. 2025-09-26 + 20 working days = 2025-10-30.
    /// </summary>
    StartDayNotCounted,

    /// <summary>The start day counts as the first day when it is a working day. 2025-09-26 + 20 working days = 2025-10-29.</summary>
    StartDayCounted,
}
