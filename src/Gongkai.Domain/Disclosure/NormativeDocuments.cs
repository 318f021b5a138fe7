using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Disclosure;

/// <summary>The two kinds of document section 二's first block counts (Art. 20(一)).</summary>
public enum NormativeDocumentKind
{
    /// <summary>规章.</summary>
    Regulation,

    /// <summary>规范性文件 (2019 format) / 行政规范性文件 (2021 format).</summary>
    NormativeDocument,
}

/// <summary>
/// An entry of the register of rules and normative documents (Art. 20(一)): made (制发) on a day, published (公开)
/// on a day, possibly repealed (废止) later.
/// </summary>
public sealed record NormativeDocument(NormativeDocumentKind Kind, string Title, string? DocumentNumber, DateOnly IssuedOn, DateOnly? PublishedOn, DateOnly? RepealedOn)
{
    /// <summary>The dates in order: published and repealed not before issued. Null when fine, else the reason in Chinese.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(Title) ? "请填写文件名称"
        : PublishedOn < IssuedOn ? "公开日期早于制发日期"
        : RepealedOn < IssuedOn ? "废止日期早于制发日期"
        : null;

    /// <summary>Whether it is in force at the end of <paramref name="day"/>: issued by then and not repealed by then.</summary>
    public bool InForceOn(DateOnly day) => IssuedOn <= day && (RepealedOn is null || RepealedOn > day);

    /// <summary>Its state on <paramref name="day"/> as the register shows it: 现行有效, 已废止, or 尚未制发 (dated later).</summary>
    public string StatusOn(DateOnly day) => InForceOn(day) ? "现行有效" : RepealedOn <= day ? "已废止" : "尚未制发";
}

/// <summary>Codes and names of <see cref="NormativeDocumentKind"/>, and the table row each fills.</summary>
public static class NormativeDocumentKinds
{
    /// <summary>The <c>article20</c> row key (docs/report-model.md).</summary>
    public static string RowKey(this NormativeDocumentKind kind) => kind switch
    {
        NormativeDocumentKind.Regulation => "regulations",
        NormativeDocumentKind.NormativeDocument => "normativeDocuments",
    };

    /// <summary>The stored and command-line code.</summary>
    public static string Key(this NormativeDocumentKind kind) => kind switch
    {
        NormativeDocumentKind.Regulation => "regulation",
        NormativeDocumentKind.NormativeDocument => "normative",
    };

    /// <summary>The Chinese name people use: 规章 or 规范性文件 (the 2021 format prints 行政规范性文件).</summary>
    public static string Label(this NormativeDocumentKind kind) => kind switch
    {
        NormativeDocumentKind.Regulation => "规章",
        NormativeDocumentKind.NormativeDocument => "规范性文件",
    };

    /// <summary>The kind from its code or Chinese name (规章, 规范性文件, 行政规范性文件).</summary>
    public static NormativeDocumentKind? Parse(string text) => text.Trim() switch
    {
        "regulation" or "规章" => NormativeDocumentKind.Regulation,
        "normative" or "规范性文件" or "行政规范性文件" => NormativeDocumentKind.NormativeDocument,
        _ => null,
    };

    /// <summary>
    /// Fills block 第二十条第（一）项 of <paramref name="table"/> for <paramref name="year"/> from the register, in the table's format.
    /// 2021: 本年制发件数 = issued in the year, 本年废止件数 = repealed in the year, 现行有效件数 = in force on 31 December.
    /// 2019: 本年新制作数量 = issued in the year, 本年新公开数量 = published in the year, 对外公开总数量 = published by
    /// 31 December, in total (a cumulative count, as the seeds print it: 下城区 2019 gives 2, 2, 6; whether documents
    /// repealed since are still counted is not stated in the format — U — Gongkai counts them, being "ever published").
    /// </summary>
    public static void FillArticle20(Article20Table table, IReadOnlyCollection<NormativeDocument> register, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        foreach (var kind in Enum.GetValues<NormativeDocumentKind>())
        {
            var docs = register.Where(d => d.Kind == kind).ToList();
            var row = kind.RowKey();
            foreach (var column in table.Layout.ColumnsOf(row) ?? [])
            {
                var count = column.Key switch
                {
                    "issued" or "newlyMade" => docs.Count(d => d.IssuedOn >= start && d.IssuedOn <= end),
                    "repealed" => docs.Count(d => d.RepealedOn >= start && d.RepealedOn <= end),
                    "inForce" => docs.Count(d => d.InForceOn(end)),
                    "newlyPublished" => docs.Count(d => d.PublishedOn >= start && d.PublishedOn <= end),
                    "totalPublished" => docs.Count(d => d.PublishedOn <= end),
                    _ => throw new InvalidOperationException($"No rule fills article20.{row}.{column.Key}."),
                };
                table[row, column.Key] = Article20Value.Of(count);
            }
        }
    }
}
