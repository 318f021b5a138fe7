using System.Globalization;

namespace Gongkai.Domain.Applications;

/// <summary>The two ways of charging 信息处理费 (国办函〔2020〕109号 Art. 3, docs/legal.md §3): one per application, never both.</summary>
public enum FeeMethod
{
    /// <summary>按件计收 (Art. 4): by the application's place among the applicant's applications in a calendar month.</summary>
    PerApplication,

    /// <summary>按量计收 (Art. 5): by the pages provided (paper copies, e-mail or copied electronic data).</summary>
    PerPage,
}

/// <summary>
/// One band of a progressive (超额累进) fee: the band's range (<paramref name="From"/>–<paramref name="To"/>, null for
/// an open top band), how many units of the quantity fall in it, and its rate in 元 per unit.
/// </summary>
public sealed record FeeBand(int From, int? To, int Count, decimal Rate, string Unit)
{
    /// <summary>The band's part of the fee, 元.</summary>
    public decimal Amount => Count * Rate;

    /// <summary>The band in words: <c>31–100页：70页×10元＝700元</c>, or <c>1–30页：免收</c>.</summary>
    public string Text
    {
        get
        {
            var range = To is { } to ? (From == to ? $"第{From}{Unit}" : $"{From}–{to}{Unit}") : $"{From}{Unit}以上";
            return Rate == 0m ? $"{range}：免收" : $"{range}：{Count}{Unit}×{FeeQuote.Yuan(Rate)}元＝{FeeQuote.Yuan(Amount)}元";
        }
    }
}

/// <summary>
/// A fee as computed (国办函〔2020〕109号 Arts. 3–5): the method, the quantity (pages, or the application's place in
/// the applicant's month), the bands it falls in and the total — what the officer confirms and the notice states.
/// </summary>
public sealed record FeeQuote(FeeMethod Method, int Quantity, IReadOnlyList<FeeBand> Bands)
{
    /// <summary>The fee, 元.</summary>
    public decimal Total => Bands.Sum(b => b.Amount);

    /// <summary>The method in words (按件计收 / 按量计收).</summary>
    public string MethodName => Name(Method);

    /// <summary>
    /// The basis in one line, for the notice and the applicant: <c>按量计收，共120页：1–30页：免收；31–100页：70页×10元＝700元；
    /// 101–200页：20页×20元＝400元</c>, or <c>按件计收，本月第12件申请：11–30件：1件×100元＝100元</c>.
    /// </summary>
    public string Basis => Method switch
    {
        FeeMethod.PerPage => $"按量计收，共{Quantity}页：{string.Join("；", Bands.Select(b => b.Text))}",
        FeeMethod.PerApplication => $"按件计收，本申请是申请人本月第{Quantity}件申请：{string.Join("；", Bands.Select(b => b.Text))}",
    };

    /// <summary>The method's Chinese name.</summary>
    public static string Name(FeeMethod method) => method switch
    {
        FeeMethod.PerApplication => "按件计收",
        FeeMethod.PerPage => "按量计收",
    };

    /// <summary>An amount of 元 as written in notices: <c>700</c>, <c>12.5</c>.</summary>
    public static string Yuan(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
