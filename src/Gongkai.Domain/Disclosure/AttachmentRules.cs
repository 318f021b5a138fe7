namespace Gongkai.Domain.Disclosure;

/// <summary>
/// Which files may be attached to a catalogue item (附件) and published with it: the formats agencies publish
/// documents in (PDF, OFD, Word, WPS, Excel, images, ZIP), each checked by its first bytes as well as its name, so
/// that what the public downloads is what the name says. The size limit is the agency's setting.
/// </summary>
public static class AttachmentRules
{
    /// <summary>The default largest file: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The longest file name kept (the database column).</summary>
    public const int MaxNameLength = 255;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The accepted extensions, their content type and the signature their content starts with.</summary>
    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".ofd"] = ("application/ofd", Zip),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".zip"] = ("application/zip", Zip),
        [".doc"] = ("application/msword", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".wps"] = ("application/vnd.ms-works", Ole),
        [".et"] = ("application/vnd.ms-excel", Ole),
        [".png"] = ("image/png", Png),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
    };

    /// <summary>The accepted extensions for a form's <c>accept</c> attribute and for messages.</summary>
    public static string AcceptedExtensions { get; } = string.Join(",", Formats.Keys);

    /// <summary>
    /// The file name to keep: the last path segment (browsers on Windows may send <c>C:\…\名单.pdf</c>), without
    /// control characters, trimmed.
    /// </summary>
    public static string CleanName(string name)
    {
        var last = name.Replace('\\', '/').Split('/')[^1];
        return new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
    }

    /// <summary>The content type served for a file name that <see cref="Problem"/> accepted.</summary>
    public static string ContentType(string name) =>
        Formats.TryGetValue(Path.GetExtension(name), out var format) ? format.ContentType : "application/octet-stream";

    /// <summary>Null when the file may be attached, else the reason in Chinese, naming the file.</summary>
    public static string? Problem(string name, ReadOnlySpan<byte> content, long maxBytes = DefaultMaxBytes)
    {
        var clean = CleanName(name);
        if (clean.Length == 0)
        {
            return "附件没有文件名";
        }

        if (clean.Length > MaxNameLength)
        {
            return $"附件“{clean[..20]}…”的文件名超过{MaxNameLength}字";
        }

        if (!Formats.TryGetValue(Path.GetExtension(clean), out var format))
        {
            return $"附件“{clean}”的格式不能发布；可以上传：{string.Join("、", Formats.Keys.Select(k => k.TrimStart('.').ToUpperInvariant()))}";
        }

        if (content.Length == 0)
        {
            return $"附件“{clean}”是空文件";
        }

        if (content.Length > maxBytes)
        {
            return $"附件“{clean}”大小为{Megabytes(content.Length)}，超过{Megabytes(maxBytes)}的上限";
        }

        if (!content.StartsWith(format.Magic))
        {
            return $"附件“{clean}”的内容不是{Path.GetExtension(clean).TrimStart('.').ToUpperInvariant()}文件（文件可能损坏或扩展名有误）";
        }

        return null;
    }

    /// <summary>A size as people read it: "3.2 MB", "800 KB".</summary>
    public static string Megabytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, (bytes + 1023) / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
