using System.IO.Compression;

namespace Gongkai.Documents.Uploads;

/// <summary>A file taken from an upload (a file as sent, or an entry of a ZIP).</summary>
public sealed record UploadedFile(string Name, byte[] Content);

/// <summary>The limits of a bulk upload; a ZIP beyond them is refused whole, with a message that says which.</summary>
public sealed record UploadLimits
{
    /// <summary>The largest file (or ZIP entry, uncompressed).</summary>
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>The most files in one upload, ZIP entries included.</summary>
    public int MaxFiles { get; init; } = 200;

    /// <summary>The most bytes all files may hold once unpacked.</summary>
    public long MaxTotalBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>The largest ratio of unpacked to packed size of an entry (a higher one is a ZIP bomb).</summary>
    public int MaxRatio { get; init; } = 100;
}

/// <summary>
/// Unpacks the files of a bulk upload: ZIPs are opened (one level), every other file is taken as it is. Hostile ZIPs
/// are refused whole: an entry name that climbs out of the archive or is absolute (<c>../x</c>, <c>/etc/x</c>,
/// <c>C:\x</c>), too many entries, an entry or a total larger than the limits, or a compression ratio of a ZIP bomb —
/// measured while unpacking, never trusting the sizes the archive declares. Nothing is written to disk.
/// </summary>
public static class UploadBundle
{
    /// <summary>The files, or the reason (Chinese, naming the file or entry) why the whole upload is refused.</summary>
    public static (IReadOnlyList<UploadedFile> Files, string? Refusal) Unpack(IEnumerable<UploadedFile> uploads, UploadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        limits ??= new UploadLimits();
        var files = new List<UploadedFile>();
        long total = 0;
        foreach (var upload in uploads)
        {
            if (!IsZip(upload))
            {
                if (upload.Content.LongLength > limits.MaxFileBytes)
                {
                    return ([], $"文件“{upload.Name}”超过{limits.MaxFileBytes / 1024 / 1024} MB");
                }

                files.Add(upload with { Name = Path.GetFileName(upload.Name.Replace('\\', '/')) });
                total += upload.Content.LongLength;
            }
            else
            {
                ZipArchive archive;
                try
                {
                    archive = new ZipArchive(new MemoryStream(upload.Content), ZipArchiveMode.Read);
                }
                catch (InvalidDataException)
                {
                    return ([], $"压缩包“{upload.Name}”已损坏或不是ZIP文件");
                }

                using (archive)
                {
                    if (archive.Entries.Count > limits.MaxFiles)
                    {
                        return ([], $"压缩包“{upload.Name}”中的文件过多（{archive.Entries.Count}个，最多{limits.MaxFiles}个）");
                    }

                    foreach (var entry in archive.Entries)
                    {
                        var name = entry.FullName;
                        if (IsUnsafe(name))
                        {
                            return ([], $"压缩包“{upload.Name}”中的文件名“{name}”不安全（含上级目录或绝对路径），已拒绝整个压缩包");
                        }

                        if (name.EndsWith('/') || name.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(name).StartsWith('.'))
                        {
                            continue;
                        }

                        var (content, problem) = ReadBounded(entry, limits);
                        if (problem is not null)
                        {
                            return ([], $"压缩包“{upload.Name}”中的“{name}”{problem}");
                        }

                        total += content!.LongLength;
                        if (total > limits.MaxTotalBytes)
                        {
                            return ([], $"解压后的文件总计超过{limits.MaxTotalBytes / 1024 / 1024} MB，已拒绝");
                        }

                        files.Add(new UploadedFile(Path.GetFileName(name), content));
                    }
                }
            }

            if (files.Count > limits.MaxFiles)
            {
                return ([], $"文件过多（最多{limits.MaxFiles}个）");
            }

            if (total > limits.MaxTotalBytes)
            {
                return ([], $"文件总计超过{limits.MaxTotalBytes / 1024 / 1024} MB，已拒绝");
            }
        }

        return files.Count == 0 ? ([], "没有可读取的报告文件") : (files, null);
    }

    private static bool IsZip(UploadedFile file) =>
        file.Content.Length >= 4 && file.Content[0] == 'P' && file.Content[1] == 'K' && file.Content[2] == 3 && file.Content[3] == 4
        && !file.Name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);

    private static bool IsUnsafe(string name)
    {
        var n = name.Replace('\\', '/');
        return n.StartsWith('/') || (n.Length > 1 && n[1] == ':') || n.Split('/').Any(part => part == "..") || n.Contains('\0', StringComparison.Ordinal);
    }

    private static (byte[]? Content, string? Problem) ReadBounded(ZipArchiveEntry entry, UploadLimits limits)
    {
        var cap = Math.Min(limits.MaxFileBytes, Math.Max(1024 * 1024, entry.CompressedLength * limits.MaxRatio));
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > cap)
                {
                    return (null, buffer.Length > limits.MaxFileBytes
                        ? $"解压后超过{limits.MaxFileBytes / 1024 / 1024} MB，已拒绝整个压缩包"
                        : "压缩比异常（疑似压缩炸弹），已拒绝整个压缩包");
                }
            }
        }
        catch (InvalidDataException)
        {
            return (null, "已损坏，无法解压");
        }

        return (buffer.ToArray(), null);
    }
}
