using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Tests.Agencies;

public class AgencyKindTests
{
    [Theory]
    [InlineData("government", AgencyKind.Government, "人民政府")]
    [InlineData("department", AgencyKind.Department, "政府部门")]
    [InlineData("town", AgencyKind.Town, "乡镇街道")]
    [InlineData("其他", AgencyKind.Other, "其他")]
    [InlineData(" Town ", AgencyKind.Town, "乡镇街道")]
    public void Parse_KeyOrChineseName_GivesTheKindAndItsName(string given, AgencyKind kind, string label)
    {
        Assert.Equal(kind, AgencyKinds.Parse(given));
        Assert.Equal(label, kind.Label());
        Assert.Equal(kind, AgencyKinds.Parse(kind.Key()));
    }

    [Theory]
    [InlineData("bureau")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Unknown_IsNull(string? given) => Assert.Null(AgencyKinds.Parse(given));

    [Theory]
    [InlineData("wjj")]
    [InlineData("sfx-2")]
    [InlineData("a1")]
    [InlineData("abcdefghij0123456789")]
    public void Code_LowerCaseLettersDigitsHyphens_IsAccepted(string code) => Assert.Null(AgencyCode.Problem(code));

    [Theory]
    [InlineData("w", "机关代码“w”：应为2至20位，现为1位")]
    [InlineData("abcdefghij0123456789x", "应为2至20位，现为21位")]
    [InlineData("WJJ", "只能使用小写字母、数字和连字符（“W”不可用）")]
    [InlineData("卫健", "只能使用小写字母、数字和连字符（“卫”不可用）")]
    [InlineData("w jj", "（“ ”不可用）")]
    [InlineData("-wjj", "不能以连字符开头或结尾")]
    [InlineData("", "机关代码：必须填写")]
    public void Code_Bad_SaysWhatIsWrong(string code, string message) => Assert.Contains(message, AgencyCode.Problem(code), StringComparison.Ordinal);
}
