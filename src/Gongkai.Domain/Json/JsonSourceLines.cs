using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gongkai.Domain.Json;

/// <summary>
/// The 1-based source line of every JSON path (<c>applications.granted[3]</c>, <c>years.2019.days[3].date</c>) in a
/// document, so that a message about a value can say where a person finds it. Shared by every strict JSON reader.
/// </summary>
internal sealed class JsonSourceLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonSourceLines()
    {
    }

    /// <summary>Indexes the document; a syntax error throws <see cref="JsonException"/> with its line, as the parser's.</summary>
    public static JsonSourceLines Index(byte[] utf8)
    {
        var newlines = new List<int>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        var map = new JsonSourceLines();
        var frames = new List<(bool IsArray, string? Property, int Index)>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });

        void Record(long offset)
        {
            var index = newlines.BinarySearch((int)offset);
            map._lines.TryAdd(PathOf(frames), (index < 0 ? ~index : index) + 1);
        }

        void Advance(long offset)
        {
            if (frames.Count > 0 && frames[^1].IsArray)
            {
                frames[^1] = (true, null, frames[^1].Index + 1);
                Record(offset);
            }
            else if (frames.Count == 0)
            {
                Record(offset);
            }
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    frames[^1] = (false, reader.GetString(), -1);
                    Record(reader.TokenStartIndex);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Advance(reader.TokenStartIndex);
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, null, -1));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    Advance(reader.TokenStartIndex);
                    break;
            }
        }

        return map;
    }

    /// <summary>The line of a path, or of its nearest enclosing path (a missing key points at its parent).</summary>
    public int? LineOf(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }

            if (p.Length == 0)
            {
                return null;
            }
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private static string PathOf(List<(bool IsArray, string? Property, int Index)> frames)
    {
        var sb = new StringBuilder();
        foreach (var (isArray, property, index) in frames)
        {
            if (isArray)
            {
                sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (property is not null)
            {
                sb.Append(sb.Length > 0 ? "." : string.Empty).Append(property);
            }
        }

        return sb.ToString();
    }
}
