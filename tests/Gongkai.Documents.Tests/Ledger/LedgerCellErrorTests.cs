using Gongkai.Domain.Applications;
using static Gongkai.Documents.Tests.Ledger.LedgerBuilder;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>Every kind of bad cell, with the exact message the person fixing the ledger reads.</summary>
public class LedgerCellErrorTests
{
    public static TheoryData<object?[], string> BadRows => new()
    {
        { Case(number: "GK-2", applicantType: "个人"), "第3行 申请人类型：“个人”不是申请人类型，应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他 之一" },
        { Case(number: "GK-2", applicantType: "法人或其他组织"), "第3行 申请人类型：“法人或其他组织”不是申请人类型，应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他 之一" },
        { Case(number: "GK-2", applicantType: ""), "第3行 申请人类型：不能为空" },
        { Case(number: "GK-2", applicant: "  "), "第3行 申请人：不能为空" },
        { Case(number: "GK-2", received: ""), "第3行 收到日期：不能为空" },
        { Case(number: "GK-2", received: "2021-02-30", closed: "2021-03-30"), "第3行 收到日期：“2021-02-30”不是存在的日期" },
        { Case(number: "GK-2", received: "2020年13月1日"), "第3行 收到日期：“2020年13月1日”不是存在的日期" },
        { Case(number: "GK-2", received: "3/9/2020"), "第3行 收到日期：“3/9/2020”不是日期，应写作 2020-03-09、2020/3/9、2020.3.9 或 2020年3月9日" },
        { Case(number: "GK-2", received: "2020-3/9"), "第3行 收到日期：“2020-3/9”不是日期，应写作 2020-03-09、2020/3/9、2020.3.9 或 2020年3月9日" },
        { Case(number: "GK-2", received: "三月九日"), "第3行 收到日期：“三月九日”不是日期，应写作 2020-03-09、2020/3/9、2020.3.9 或 2020年3月9日" },
        { Case(number: "GK-2", closed: "2020-02-30"), "第3行 办结日期：“2020-02-30”不是存在的日期" },
        { Case(number: "GK-2", closed: "2020-03-01"), "第3行 办结日期：2020-03-01早于收到日期2020-03-09" },
        { Case(number: "GK-2", channel: "邮件"), "第3行 申请方式：“邮件”含义不明确，请写 邮寄 或 电子邮件" },
        { Case(number: "GK-2", channel: "飞鸽传书"), "第3行 申请方式：“飞鸽传书”不是申请方式，应为 当面、邮寄、平信、网络、传真、电子邮件、其他 之一" },
        { Case(number: "GK-2", outcome: "同意公开"), "第3行 办理结果：“同意公开”不是办理结果，应为年度报告表格中的结果，如 予以公开、部分公开、本机关不掌握相关政府信息、重复申请、逾期不补正、逾期未缴费、其他" },
        { Case(number: "GK-2", outcome: "不予公开"), "第3行 办理结果：“不予公开”不是办理结果，应为年度报告表格中的结果，如 予以公开、部分公开、本机关不掌握相关政府信息、重复申请、逾期不补正、逾期未缴费、其他" },
        { Case(number: "GK-2", outcome: ""), "第3行 办理结果：填写了办结日期，须同时填写办理结果（未办结的申请两项都不填）" },
        { Case(number: "GK-2", closed: ""), "第3行 办结日期：填写了办理结果，须同时填写办结日期（未办结的申请两项都不填）" },
        { Case(number: "GK-2020-001"), "第3行 申请编号：“GK-2020-001”与第2行的申请编号重复" },
        { Case(number: "GK-2", received: "0001-01-01"), "第3行 收到日期：0001-01-01早于《政府信息公开条例》施行之日（2008-05-01），请核对" },
        { Case(number: "GK-2", received: "2008-04-30", closed: "2008-05-06"), "第3行 收到日期：2008-04-30早于《政府信息公开条例》施行之日（2008-05-01），请核对" },
        { Case(number: "GK-2", closed: "9999-12-31"), "第3行 办结日期：9999-12-31晚于今天（2026-06-30），请核对" },
        { Case(number: "GK-2", received: "2026-07-01", closed: "", outcome: ""), "第3行 收到日期：2026-07-01晚于今天（2026-06-30），请核对" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Read_BadCellInCsv_RefusesFileNamingRowAndColumn(object?[] bad, string expected) =>
        LedgerAssert.Refused(Standard().Row(Case()).Row(bad).ReadCsv(), expected);

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Read_BadCellInXlsx_RefusesFileNamingRowAndColumn(object?[] bad, string expected) =>
        LedgerAssert.Refused(Standard().Row(Case()).Row(bad).ReadXlsx(), expected);

    [Fact]
    public void Read_SeveralBadRowsAndCells_ReportsEveryOneInFileOrder()
    {
        var result = Standard()
            .Row(Case(number: "A1"))
            .Row(Case(number: "A2", received: "2020-02-30", applicantType: "个人"))
            .Row(Case(number: "A3"))
            .Row(Case(number: "A1", applicant: "", outcome: "办结"))
            .Row(OpenCase(number: "A5", received: "昨天"))
            .ReadCsv();

        LedgerAssert.Refused(
            result,
            "第3行 收到日期：“2020-02-30”不是存在的日期",
            "第3行 申请人类型：“个人”不是申请人类型，应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他 之一",
            "第5行 申请编号：“A1”与第2行的申请编号重复",
            "第5行 申请人：不能为空",
            "第5行 办理结果：“办结”不是办理结果，应为年度报告表格中的结果，如 予以公开、部分公开、本机关不掌握相关政府信息、重复申请、逾期不补正、逾期未缴费、其他",
            "第6行 收到日期：“昨天”不是日期，应写作 2020-03-09、2020/3/9、2020.3.9 或 2020年3月9日");
    }

    [Fact]
    public void Read_OneBadRowAmongManyGood_ReturnsNoRowsAtAll()
    {
        var good = Enumerable.Range(1, 50).Select(i => Case(number: $"GK-{i}"));
        var result = Standard().Rows(good).Row(Case(number: "GK-bad", applicantType: "单位")).Rows(good.Select(r => (object?[])[$"{r[0]}b", .. r[1..]])).ReadCsv();

        Assert.Empty(result.Rows);
        Assert.Equal(["第52行 申请人类型：“单位”不是申请人类型，应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他 之一"], result.Messages());
    }

    [Fact]
    public void Read_PartlyFilledRow_ReportsEachMissingRequiredCell()
    {
        var result = Standard().Row(Case()).Row(null, null, null, null, null, "只填了申请内容", null, null).ReadCsv();

        LedgerAssert.Refused(result, "第3行 收到日期：不能为空", "第3行 申请人类型：不能为空", "第3行 申请人：不能为空");
    }

    [Fact]
    public void Read_DataInColumnWithoutHeader_RefusesNamingTheColumnLetter()
    {
        var result = Standard().Row([.. Case(), "请加急"]).ReadCsv();

        LedgerAssert.Refused(result, "第2行 I列：该列没有表头，无法识别“请加急”；请填写列名或删除该列内容");
    }

    [Fact]
    public void Read_MoreThanThousandErrors_ListsThousandAndSaysHowManyMore()
    {
        var bad = Enumerable.Range(1, 1200).Select(i => Case(number: $"GK-{i}", applicantType: "个人"));

        var result = Standard().Rows(bad).ReadCsv();

        Assert.Empty(result.Rows);
        Assert.Equal(1001, result.Errors.Count);
        Assert.StartsWith("第1001行 申请人类型：“个人”", result.Errors[999].ToString(), StringComparison.Ordinal);
        Assert.Equal("……另有200处错误未列出", result.Errors[1000].ToString());
    }

    [Fact]
    public void Read_OpenCase_HasNeitherClosedOnNorOutcome()
    {
        var rows = LedgerAssert.Accepted(Standard().Row(OpenCase()).ReadCsv());

        Assert.Equal(
            new LedgerRow(2, "GK-2020-002", new DateOnly(2020, 12, 28), ApplicantType.CommercialEnterprise, "某某科技有限公司", Channel.InPerson, "项目审批文件", null, null),
            Assert.Single(rows));
    }

    [Fact]
    public void Read_CaseClosedOnDayOfReceipt_IsAccepted()
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case(received: "2020-03-09", closed: "2020-03-09")).ReadCsv());

        Assert.Equal(new DateOnly(2020, 3, 9), rows[0].ClosedOn);
    }

    [Fact]
    public void Read_BlankNumbers_AreNotDuplicates()
    {
        var rows = LedgerAssert.Accepted(Standard().Row(Case(number: "")).Row(Case(number: null)).ReadCsv());

        Assert.All(rows, r => Assert.Null(r.Number));
    }

    [Fact]
    public void Read_DatesOnTheFirstDayOfTheRegulationAndToday_AreAccepted()
    {
        var row = Assert.Single(LedgerAssert.Accepted(Standard().Row(Case(received: "2008-05-01", closed: "2026-06-30")).ReadCsv()));

        Assert.Equal(new DateOnly(2008, 5, 1), row.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 6, 30), row.ClosedOn);
    }
}
