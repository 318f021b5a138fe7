using Gongkai.Documents.Ledger;
using Gongkai.Domain.Applications;
using static Gongkai.Documents.Tests.Ledger.LedgerBuilder;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>The header row: required, optional, unknown and repeated columns.</summary>
public class LedgerHeaderTests
{
    private const string Columns = "申请编号、收到日期、申请人类型、申请人、申请方式、申请内容、办结日期、办理结果";

    [Fact]
    public void Read_MissingRequiredColumn_RefusesWithoutRowNumber()
    {
        var result = WithHeader("申请编号", "申请人类型", "申请人", "办结日期", "办理结果")
            .Row("GK-1", "自然人", "张三", "2020-03-30", "予以公开")
            .ReadCsv();

        LedgerAssert.Refused(result, "表头：缺少必需的列“收到日期”");
        Assert.Null(result.Errors[0].RowNumber);
        Assert.Equal("收到日期", result.Errors[0].Column);
    }

    [Fact]
    public void Read_TypoInColumnName_NamesUnknownColumnAndTheMissingOne()
    {
        var header = (string[])[.. StandardHeader[..7], "办理结杲"];

        var result = WithHeader(header).Row(Case()).ReadCsv();

        LedgerAssert.Refused(
            result,
            $"表头：“办理结杲”不是台账的列，列名应为 {Columns} 之一",
            "表头：缺少必需的列“办理结果”");
    }

    [Fact]
    public void Read_UnknownOptionalLookingColumn_IsRefusedNotIgnored()
    {
        var result = WithHeader([.. StandardHeader, "备注"]).Row([.. Case(), "加急"]).ReadCsv();

        LedgerAssert.Refused(result, $"表头：“备注”不是台账的列，列名应为 {Columns} 之一");
    }

    [Fact]
    public void Read_DuplicateColumn_NamesBothColumnLetters()
    {
        var result = WithHeader([.. StandardHeader, "申请人"]).Row([.. Case(), "李四"]).ReadCsv();

        LedgerAssert.Refused(result, "表头：列“申请人”重复（D列和I列）");
    }

    [Fact]
    public void Read_HeaderWithSpacesAndFullWidthSpaces_IsMatchedAfterTrimming()
    {
        var header = StandardHeader.Select(h => $"　{h} ").ToArray();

        var rows = LedgerAssert.Accepted(WithHeader(header).Row(Case()).ReadCsv());

        Assert.Equal("张三", rows[0].ApplicantName);
    }

    [Fact]
    public void Read_OnlyRequiredColumnsInAnotherOrder_LeavesOptionalValuesNull()
    {
        var result = WithHeader("办理结果", "申请人", "收到日期", "办结日期", "申请人类型")
            .Row("重复申请", "王五", "2020/5/6", "2020/5/20", "科研机构")
            .ReadCsv();

        Assert.Equal(
            new LedgerRow(2, null, new DateOnly(2020, 5, 6), ApplicantType.ResearchInstitution, "王五", null, null, new DateOnly(2020, 5, 20), CaseOutcome.Duplicate),
            Assert.Single(LedgerAssert.Accepted(result)));
    }

    [Fact]
    public void Read_EmptyColumnWithoutHeader_IsIgnored()
    {
        var rows = LedgerAssert.Accepted(WithHeader([.. StandardHeader[..4], null, .. StandardHeader[4..]]).Row([.. Case()[..4], null, .. Case()[4..]]).ReadCsv());

        Assert.Equal(Channel.Online, rows[0].Channel);
    }

    [Fact]
    public void Read_HeaderOnly_RefusesWithNoDataRows() =>
        LedgerAssert.Refused(Standard().ReadCsv(), "表格中没有数据行");
}
