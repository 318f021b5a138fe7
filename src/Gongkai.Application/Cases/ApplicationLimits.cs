using Gongkai.Documents.Rendering.Docx;

namespace Gongkai.Application.Cases;

/// <summary>
/// The bounds of an application's fields (Art. 29), in one place: the portal (/apply) and the office's registration form
/// check them on the server, whatever the browser sent, and the choices offered are the only ones accepted. The lengths
/// leave room for every real name, address and description and keep the stored case within its columns.
/// </summary>
public static class ApplicationLimits
{
    public const int ApplicantName = 100;
    public const int IdNumber = 40;
    public const int Phone = 30;
    public const int Address = 200;
    public const int Email = 254;
    public const int InfoName = 500;
    public const int DocumentNumber = 500;
    public const int Description = 4000;

    /// <summary>The kinds of identity document offered (身份证明类型).</summary>
    public static IReadOnlyList<string> IdTypes { get; } = ["居民身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "统一社会信用代码", "其他"];

    /// <summary>The forms of the information offered (获取信息的形式, Art. 29 (三)).</summary>
    public static IReadOnlyList<string> Forms { get; } = ["纸质", "电子数据"];

    /// <summary>The ways of obtaining it offered (获取信息的途径, Art. 29 (三)).</summary>
    public static IReadOnlyList<string> Deliveries { get; } = ["邮寄", "电子邮件", "当面领取", "网上查询下载"];

    /// <summary>
    /// True when a one-line text holds a character that no one types and no letter can print: a control character
    /// (including line breaks) or one XML cannot hold (<c>\uFFFE</c>, a lone surrogate). Such a name would break every
    /// notice of its case, so it is refused at the door.
    /// </summary>
    public static bool HasUnreadableCharacter(string text, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !XmlText.IsClean(text) || text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));
    }
}
