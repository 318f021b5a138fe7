using Gongkai.Web.Cases;

namespace Gongkai.Web.Tests.Cases;

/// <summary>Masking of phones and identity numbers for roles that must not see them, on normalised text.</summary>
public class MaskingTests
{
    [Theory]
    [InlineData("电话：13812345678", "电话：138****5678")]
    [InlineData("电话：138-1234-5678", "电话：138****5678")]
    [InlineData("电话：138 1234 5678", "电话：138****5678")]
    [InlineData("电话：１３８１２３４５６７８", "电话：138****5678")]
    [InlineData("电话：１３８－１２３４－５６７８", "电话：138****5678")]
    [InlineData("电话：138.1234.5678；地址：幸福路8号", "电话：138****5678；地址：幸福路8号")]
    public void MaskPhones_AnyWayOfWritingTheNumber_Masked(string contact, string expected)
    {
        var masked = CaseText.MaskPhones(contact);

        Assert.Equal(expected, masked);
        Assert.DoesNotContain("1234", masked);
    }

    [Fact]
    public void MaskPhones_LandlineWithArea_KeepsFirstThreeAndLastFour()
    {
        Assert.Equal("电话：(010****6666", CaseText.MaskPhones("电话：(010) 8888 6666"));
    }

    [Fact]
    public void MaskPhones_ShortNumbersInAnAddress_Kept()
    {
        Assert.Equal("地址：幸福路88号3栋1201室", CaseText.MaskPhones("地址：幸福路88号3栋1201室"));
    }

    [Theory]
    [InlineData("居民身份证：440106199001011234", "居民身份证：4401**********1234")]
    [InlineData("居民身份证：４４０１０６１９９００１０１１２３４", "居民身份证：4401**********1234")]
    [InlineData("居民身份证:440106199001011234", "居民身份证:4401**********1234")]
    [InlineData("居民身份证：4401：06199001011234", "居民身份证：4401**********1234")]
    [InlineData("居民身份证：4401 0619 9001 0112 34", "居民身份证：4401**********1234")]
    [InlineData("居民身份证：440106-19900101-1234", "居民身份证：4401**********1234")]
    [InlineData("身份证：１１０１０５１９９００１０１１２３Ｘ", "身份证：1101**********123X")]
    [InlineData("440106199001011234", "4401**********1234")]
    public void MaskId_AnyWayOfWritingTheNumber_Masked(string id, string expected)
    {
        var masked = CaseText.MaskId(id);

        Assert.Equal(expected, masked);
        Assert.DoesNotContain("19900101", CaseText.Normalize(masked));
    }
}
