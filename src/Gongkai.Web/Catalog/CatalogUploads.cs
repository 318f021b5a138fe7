using Gongkai.Domain.Disclosure;

namespace Gongkai.Web.Catalog;

/// <summary>Reading attachment uploads from a form: every file checked before anything is saved.</summary>
public static class CatalogUploads
{
    /// <summary>The largest form with files the catalogue pages accept (several attachments at once).</summary>
    public const long MaxRequestBytes = 110L * 1024 * 1024;

    /// <summary>
    /// The files' names and bytes; each unusable file (format, size, empty, a name given twice) adds a Chinese problem
    /// to <paramref name="problems"/> naming it.
    /// </summary>
    public static async Task<IReadOnlyList<(string Name, byte[] Content)>> ReadAsync(IEnumerable<IFormFile> files, long maxBytes, List<string> problems,
        CancellationToken cancellationToken)
    {
        var read = new List<(string, byte[])>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                continue; // the empty file input of a form sent without a file
            }

            if (file.Length > maxBytes)
            {
                problems.Add($"附件“{AttachmentRules.CleanName(file.FileName)}”大小为{AttachmentRules.Megabytes(file.Length)}，超过{AttachmentRules.Megabytes(maxBytes)}的上限");
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            if (AttachmentRules.Problem(file.FileName, content, maxBytes) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            var name = AttachmentRules.CleanName(file.FileName);
            if (!names.Add(name))
            {
                problems.Add($"附件“{name}”选择了两次");
                continue;
            }

            read.Add((name, content));
        }

        return read;
    }
}
