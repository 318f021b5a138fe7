using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Disclosure;

public class RegisterAndFiguresTests
{
    [Theory]
    [InlineData("{机构代码}/{YYYY}-{NNNNN}", "GZPY-WJ", "GZPY-WJ/2025-00079", "GZPY-WJ/2025-#")]
    [InlineData("{机构代码}/{YYYY}{MM}-{NNNNN}", "11341702486344515H", "11341702486344515H/202510-00079", "11341702486344515H/202510-#")]
    [InlineData("{机构代码}-{NNN}", "A", "A-079", "A-#")]
    public void IndexNumberPattern_FormatsAndScopes(string pattern, string code, string expected, string scope)
    {
        var p = IndexNumberPattern.Parse(pattern, out _)!;

        Assert.Equal(expected, p.Format(code, new DateOnly(2025, 10, 9), 79));
        Assert.Equal(scope, p.Scope(code, new DateOnly(2025, 10, 9)));
    }

    [Theory]
    [InlineData("{机构代码}/{YYYY}", "须含流水号")]
    [InlineData("{机构代码}/{年}-{NNN}", "“{年}”无法识别")]
    [InlineData("{NN}-{NNN}", "只能有一个流水号")]
    public void IndexNumberPattern_Unusable_SaysWhy(string pattern, string message)
    {
        Assert.Null(IndexNumberPattern.Parse(pattern, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexNumberPattern_SerialOutgrowsItsWidth_WidensInsteadOfWrapping() =>
        Assert.Equal("A/2025-100000", IndexNumberPattern.Default.Format("A", new DateOnly(2025, 1, 1), 100000));

    [Fact]
    public void Register_Fills2021Block_IssuedRepealedInForce()
    {
        var table = new Article20Table(ReportTemplate.Format2021);
        NormativeDocumentKinds.FillArticle20(table, Register(), 2025);

        Assert.Equal([2m, 1m, 3m], new[] { "issued", "repealed", "inForce" }.Select(c => table["normativeDocuments", c]!.Number!.Value));
        Assert.Equal([0m, 0m, 1m], new[] { "issued", "repealed", "inForce" }.Select(c => table["regulations", c]!.Number!.Value));
    }

    [Fact]
    public void Register_Fills2019Block_MadePublishedTotalPublished()
    {
        var table = new Article20Table(ReportTemplate.Format2019);
        NormativeDocumentKinds.FillArticle20(table, Register(), 2025);

        // 今年文件二 was made in 2025 but published in 2026: made this year, not yet published.
        Assert.Equal([2m, 1m, 3m], new[] { "newlyMade", "newlyPublished", "totalPublished" }.Select(c => table["normativeDocuments", c]!.Number!.Value));
    }

    [Fact]
    public void Figures_2019_DeriveLastYearAndChange_2021_FeesInTenThousandYuan()
    {
        Article20Figure[] figures =
        [
            new("administrativeLicensing", 2019, Items: 11), new("administrativeLicensing", 2020, Items: 12, Decisions: 5825),
            new("administrativeFees", 2019, Items: 2), new("administrativeFees", 2020, Items: 1, AmountYuan: 12345.6m),
            new("centralizedProcurement", 2020, Projects: 39, AmountYuan: 3773631m),
        ];
        var t2019 = new Article20Table(ReportTemplate.Format2019);
        var t2021 = new Article20Table(ReportTemplate.Format2021);

        Article20FigureRows.Fill(t2019, figures, 2020);
        Article20FigureRows.Fill(t2021, figures, 2020, feeDecimals: 2);

        Assert.Equal(11m, t2019["administrativeLicensing", "previousYearItems"]!.Number);
        Assert.Equal(1m, t2019["administrativeLicensing", "change"]!.Number);
        Assert.Equal(-1m, t2019["administrativeFees", "change"]!.Number); // printed 减1
        Assert.Equal(3773631m, t2019["centralizedProcurement", "totalAmountYuan"]!.Number);
        Assert.Null(t2019["administrativePenalty", "decisions"]); // nothing entered: blank, not 0
        Assert.Equal(1.23m, t2021["administrativeFees", "amountTenThousandYuan"]!.Number);
        Assert.Equal(5825m, t2021["administrativeLicensing", "decisions"]!.Number);
    }

    [Fact]
    public void FigureRows_ComeFromTheLayouts() =>
        Assert.Equal(["行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购"], Article20FigureRows.All.Select(r => r.Label));

    [Fact]
    public void Sheet_RowsAlreadySplit_AreReadWithoutAnyFile()
    {
        IReadOnlyList<string?>[] rows = [["年度", "事项", "处理决定数量"], ["2020", "行政处罚", "257"], [null, null, null]];

        var (figures, errors) = Article20FiguresSheet.Read(rows);

        Assert.Empty(errors);
        Assert.Equal(new Article20Figure("administrativePenalty", 2020, Decisions: 257), Assert.Single(figures));
    }

    [Fact]
    public void Sheet_CellBeyondTheHeader_IsNamedByRowAndColumn()
    {
        IReadOnlyList<string?>[] rows = [["年度", "事项", "处理决定数量"], ["2020", "行政处罚", "257", "备注"]];

        var (figures, errors) = Article20FiguresSheet.Read(rows);

        Assert.Empty(figures);
        Assert.Equal(["第2行 D列：该列没有表头，无法识别“备注”；请填写列名或删除该列内容"], errors.Select(e => e.ToString()));
    }

    private static NormativeDocument[] Register() =>
    [
        new(NormativeDocumentKind.Regulation, "某规章", null, new DateOnly(2018, 5, 1), new DateOnly(2018, 5, 3), null),
        new(NormativeDocumentKind.NormativeDocument, "旧文件", null, new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2), new DateOnly(2025, 6, 30)),
        new(NormativeDocumentKind.NormativeDocument, "现行文件", null, new DateOnly(2023, 1, 1), new DateOnly(2023, 1, 2), null),
        new(NormativeDocumentKind.NormativeDocument, "今年文件一", null, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 5), null),
        new(NormativeDocumentKind.NormativeDocument, "今年文件二", null, new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 5), null),
    ];
}
