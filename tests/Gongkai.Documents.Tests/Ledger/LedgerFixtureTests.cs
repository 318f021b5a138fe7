using System.Text;
using Gongkai.Documents.Ledger;
using Gongkai.Domain.Applications;
using Gongkai.TestSupport;
using static Gongkai.Documents.Tests.Ledger.LedgerBuilder;

namespace Gongkai.Documents.Tests.Ledger;

/// <summary>
/// The checked-in sample ledgers under tests/fixtures/ledger: the same ledger as GB18030 CSV (Excel's "CSV (逗号分隔)"
/// on Chinese Windows), UTF-8 CSV with BOM (Excel's "CSV UTF-8") and XLSX. Set GONGKAI_WRITE_LEDGER_FIXTURES=1 to
/// rewrite them from <see cref="Sample"/>.
/// </summary>
public class LedgerFixtureTests
{
    static LedgerFixtureTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        if (Environment.GetEnvironmentVariable("GONGKAI_WRITE_LEDGER_FIXTURES") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(Path.Combine(Folder, "ledger-gb18030.csv"), Sample.ToCsv(Encoding.GetEncoding("GB18030")));
            File.WriteAllBytes(Path.Combine(Folder, "ledger-utf8-bom.csv"), Sample.ToCsv(Encoding.UTF8, bom: true));
            File.WriteAllBytes(Path.Combine(Folder, "ledger.xlsx"), Sample.ToXlsx());
        }
    }

    private static string Folder => Path.Combine(Paths.RepoRoot, "tests", "fixtures", "ledger");

    private static LedgerBuilder Sample => Standard()
        .Row("2020-001", "2020-01-06", "自然人", "张三", "当面", "某路段拆迁补偿方案", "2020-01-20", "予以公开")
        .Row("2020-002", "2020/2/3", "法人或其他组织-其他", "某某村民委员会", "邮寄", "土地征收批复,以及\"一书四方案\"", "2020/2/28", "（四）1.本机关不掌握相关政府信息")
        .Row()
        .Row("2020-003", "2020年3月9日", "商业企业", "某某科技有限公司", "网上", "政府采购合同\n（2019年）", "2020年3月16日", "重复申请")
        .Row("2020-004", new DateOnly(2020, 12, 25), "社会公益组织", "某某环保协会", "电子邮件", "排污许可证", null, null);

    public static TheoryData<string> Files => ["ledger-gb18030.csv", "ledger-utf8-bom.csv", "ledger.xlsx"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_SampleLedgerFile_GivesTheSameFourCases(string file)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, file));

        var rows = LedgerAssert.Accepted(LedgerReader.Read(stream, file, LedgerBuilder.Clock));

        Assert.Equal(
            [
                new LedgerRow(2, "2020-001", new DateOnly(2020, 1, 6), ApplicantType.NaturalPerson, "张三", Channel.InPerson, "某路段拆迁补偿方案", new DateOnly(2020, 1, 20), CaseOutcome.Granted),
                new LedgerRow(3, "2020-002", new DateOnly(2020, 2, 3), ApplicantType.OtherOrganization, "某某村民委员会", Channel.SignedPost, "土地征收批复,以及\"一书四方案\"", new DateOnly(2020, 2, 28), CaseOutcome.NotHeld),
                new LedgerRow(5, "2020-003", new DateOnly(2020, 3, 9), ApplicantType.CommercialEnterprise, "某某科技有限公司", Channel.Online, "政府采购合同\n（2019年）", new DateOnly(2020, 3, 16), CaseOutcome.Duplicate),
                new LedgerRow(6, "2020-004", new DateOnly(2020, 12, 25), ApplicantType.PublicInterestOrganization, "某某环保协会", Channel.Email, "排污许可证", null, null),
            ],
            rows);
    }

    [Fact]
    public void Gb18030Fixture_IsNotValidUtf8_SoItReallyTestsDetection()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "ledger-gb18030.csv"));

        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));
    }
}
