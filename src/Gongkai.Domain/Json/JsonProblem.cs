namespace Gongkai.Domain.Json;

/// <summary>
/// A problem in a JSON file Gongkai reads (a holiday file, a report): where it is (the JSON path and the 1-based line)
/// and what is wrong, in Chinese, e.g. <c>第12行 years.2027.days[3].date：不是日期</c>.
/// </summary>
public sealed record JsonProblem(string Path, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        (Line is { } line ? $"第{line}行 " : string.Empty) + (Path.Length > 0 ? $"{Path}：" : string.Empty) + Message;
}
