using Gongkai.Domain.Identifiers;

namespace Gongkai.Domain.Tests.Identifiers;

/// <summary>The identifier checks an applicant's form and the agency tree use (GB 11643, GB 32100, call-back numbers).</summary>
public class IdentifierTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999's own example
    [InlineData("440524188001010014")] // GB 11643-1999's own example (born 1880)
    [InlineData(" １１０１０５１９４９１２３１００２ｘ ")] // full-width, lower-case x, spaces
    public void ResidentIdentityNumber_StandardExamples_AreValid(string number) =>
        Assert.Null(ResidentIdentityNumber.Problem(number, Today));

    [Theory]
    [InlineData("12345", "居民身份证号码应为18位，现为5位。")]
    [InlineData("110105194912310021", "居民身份证号码的校验位不符，请核对是否抄错。")]
    [InlineData("11010519491331002X", "居民身份证号码第7至14位应为有效的出生日期。")]
    [InlineData("11010520301231002X", "居民身份证号码第7至14位应为有效的出生日期。")]
    [InlineData("1101051949123100XX", "居民身份证号码前17位应为数字。")]
    public void ResidentIdentityNumber_Wrong_SaysWhat(string number, string message) =>
        Assert.Equal(message, ResidentIdentityNumber.Problem(number, Today));

    [Fact]
    public void ResidentIdentityNumber_EveryOtherCheckCharacter_IsRefused()
    {
        foreach (var check in "0123456789")
        {
            Assert.NotNull(ResidentIdentityNumber.Problem("11010519491231002" + check, Today));
        }
    }

    [Theory]
    [InlineData("91350100M000100Y43")] // the example published with GB 32100
    [InlineData("91110108MA01ABCD0")] // first 17 characters; the check character is computed independently below
    [InlineData("12100000400000628")]
    public void UnifiedSocialCreditCode_ValidCodes_AreValid(string code)
    {
        if (code.Length == 17)
        {
            code += CheckFor(code);
        }

        Assert.Null(UnifiedSocialCreditCode.Problem(code));
        Assert.Null(UnifiedSocialCreditCode.Problem(" " + code.ToLowerInvariant() + " "));
    }

    [Theory]
    [InlineData("91350100M000100Y4", "统一社会信用代码应为18位，现为17位。")]
    [InlineData("91350100M000100Y44", "统一社会信用代码的校验位不符，请核对是否抄错。")]
    [InlineData("91350100M000I00Y43", "统一社会信用代码第13位“I”不是有效字符（不使用 I、O、S、V、Z）。")]
    [InlineData("913A0100M000100Y43", "统一社会信用代码第3至8位应为登记管理机关的行政区划码（数字）。")]
    public void UnifiedSocialCreditCode_Wrong_SaysWhat(string code, string message) =>
        Assert.Equal(message, UnifiedSocialCreditCode.Problem(code));

    [Theory]
    [InlineData("13812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("0571-87654321")]
    [InlineData("010－12345678")]
    [InlineData("057187654321")]
    [InlineData("0571-87654321-123")]
    public void PhoneNumber_MobileOrFixedLine_IsValid(string phone) => Assert.Null(PhoneNumber.Problem(phone));

    [Theory]
    [InlineData("abc123")]
    [InlineData("12345")]
    [InlineData("12812345678")]
    [InlineData("87654321")]
    public void PhoneNumber_Other_IsRefusedWithExample(string phone) =>
        Assert.Equal("请填写11位手机号码，或带区号的固定电话（如 0571-87654321）。", PhoneNumber.Problem(phone));

    /// <summary>An independent computation of GB 32100's check character (the standard's table of weights).</summary>
    private static char CheckFor(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            sum += alphabet.IndexOf(first17[i], StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        return alphabet[(31 - sum % 31) % 31];
    }
}
