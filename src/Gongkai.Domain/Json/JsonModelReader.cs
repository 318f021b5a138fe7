using System.Text;
using System.Text.Json;

namespace Gongkai.Domain.Json;

/// <summary>
/// A strict reader of a JSON file onto a model (the holiday data, a report): it collects every problem with its path
/// and line (<see cref="JsonSourceLines"/>) instead of stopping at the first, so that a person can fix them all at once.
/// </summary>
internal abstract class JsonModelReader<T>(JsonSourceLines lines)
    where T : class
{
    public List<JsonProblem> Errors { get; } = [];

    /// <summary>
    /// Reads <paramref name="json"/> (a UTF-8 byte-order mark allowed) with the reader <paramref name="create"/> makes:
    /// the model and no problems, or null and every problem. Text that is not JSON at all gives one problem, at the
    /// parser's line, worded by <paramref name="notJson"/>.
    /// </summary>
    public static (T? Model, IReadOnlyList<JsonProblem> Errors) Read(string json, Func<JsonSourceLines, JsonModelReader<T>> create, Func<JsonException, string> notJson)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(notJson);
        var bytes = Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF'));
        JsonSourceLines lines;
        try
        {
            lines = JsonSourceLines.Index(bytes);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            return (null, [new JsonProblem(string.Empty, line, notJson(e))]);
        }

        using var document = JsonDocument.Parse(bytes);
        var reader = create(lines);
        var model = reader.ReadRoot(document.RootElement);
        return reader.Errors.Count == 0 ? (model, []) : (null, reader.Errors);
    }

    /// <summary>The model from the document's root, which must be an object (else <see cref="NotAnObject"/>).</summary>
    public T? ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error(string.Empty, NotAnObject);
            return null;
        }

        return ReadObject(root);
    }

    /// <summary>What is said when the document is not a JSON object.</summary>
    protected abstract string NotAnObject { get; }

    /// <summary>The model from the root object.</summary>
    protected abstract T? ReadObject(JsonElement root);

    /// <summary>The properties of <paramref name="obj"/> (at <paramref name="path"/>) not in <paramref name="allowed"/>, each with its full path.</summary>
    protected static IEnumerable<(string Path, string Name)> Unknown(JsonElement obj, string path, IEnumerable<string> allowed)
    {
        var known = allowed.ToHashSet(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                yield return (path.Length == 0 ? property.Name : $"{path}.{property.Name}", property.Name);
            }
        }
    }

    protected void Error(string path, string message) => Errors.Add(new JsonProblem(path, lines.LineOf(path), message));
}
