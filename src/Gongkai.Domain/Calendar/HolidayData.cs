using System.Globalization;
using System.Text;
using System.Text.Json;
using Gongkai.Domain.Json;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// One listed day of a State Council holiday notice (docs/legal.md §5.1): a statutory day off (<see cref="Off"/> true) or a
/// 调休 make-up working day (<see cref="Off"/> false). A weekend merely joined to a holiday is not listed (HCN caveat 2).
/// </summary>
public sealed record HolidayDay(DateOnly Date, string Name, bool Off);

/// <summary>
/// The days of one year's State Council notice (国务院办公厅关于某年部分节假日安排的通知). The year is that of the notice,
/// so December dates of the previous year may belong to it (docs/legal.md §5.1, HCN caveat 1: 2019 lists 2018-12-29…31).
/// </summary>
public sealed record HolidayNotice(int Year, string? Notice, IReadOnlyList<string> Amendments, IReadOnlyList<HolidayDay> Days);

/// <summary>The outcome of reading a holiday file: the data, or every error found in it.</summary>
public sealed record HolidayDataResult(HolidayData? Data, IReadOnlyList<JsonProblem> Errors)
{
    /// <summary>Whether the file was read without error.</summary>
    public bool Succeeded => Data is not null && Errors.Count == 0;
}

/// <summary>
/// Holiday and 调休 data in Gongkai's JSON shape (docs/legal.md §5.2):
/// <c>{"source": "…", "years": {"2019": {"notice": "url", "amendments": ["url"], "days": [{"date": "2019-02-04", "name": "春节", "off": true}]}}}</c>.
/// The shipped file covers 2019–2026; an administrator adds next year's notice as another file (a layer, see
/// <see cref="ChineseWorkingDayCalendar.Create"/>) without a new release. Reading is strict, and every error names
/// its line and field in Chinese, so that a typo never silently turns a holiday into a working day.
/// </summary>
public sealed class HolidayData
{
    private const string ResourceName = "Gongkai.Domain.Calendar.Data.holidays-cn.json";
    private static readonly string[] RootKeys = ["source", "years"];
    private static readonly string[] YearKeys = ["notice", "amendments", "days"];
    private static readonly string[] DayKeys = ["date", "name", "off"];
    private static readonly Lazy<HolidayData> EmbeddedData = new(LoadEmbedded);

    private HolidayData(string? source, IReadOnlyDictionary<int, HolidayNotice> years)
    {
        Source = source;
        Years = years;
    }

    /// <summary>Where the data comes from, as the file states it.</summary>
    public string? Source { get; }

    /// <summary>The notices by notice year.</summary>
    public IReadOnlyDictionary<int, HolidayNotice> Years { get; }

    /// <summary>The data shipped with Gongkai (embedded resource Calendar/Data/holidays-cn.json, 2019–2026).</summary>
    public static HolidayData Embedded => EmbeddedData.Value;

    /// <summary>Reads holiday data from JSON text; every problem is reported with its path and line.</summary>
    public static HolidayDataResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (data, errors) = JsonModelReader<HolidayData>.Read(json, lines => new Reader(lines), _ => "不是有效的JSON，请检查括号、引号和逗号");
        return new HolidayDataResult(data, errors);
    }

    private static HolidayData LoadEmbedded()
    {
        using var stream = typeof(HolidayData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(HolidayData).Assembly.GetName().Name}.");
        using var text = new StreamReader(stream, Encoding.UTF8);
        var result = Parse(text.ReadToEnd());
        return result.Data ?? throw new InvalidOperationException(
            "The shipped holiday data is invalid: " + string.Join("; ", result.Errors.Select(e => e.ToString())));
    }

    /// <summary>Maps the parsed document onto the model, collecting every error instead of stopping at the first.</summary>
    private sealed class Reader(JsonSourceLines lines) : JsonModelReader<HolidayData>(lines)
    {
        protected override string NotAnObject => "顶层应为对象 {\"source\": …, \"years\": {…}}";

        protected override HolidayData? ReadObject(JsonElement root)
        {
            CheckKeys(root, string.Empty, RootKeys);
            string? source = null;
            if (root.TryGetProperty("source", out var sourceElement))
            {
                if (sourceElement.ValueKind == JsonValueKind.String)
                {
                    source = sourceElement.GetString();
                }
                else if (sourceElement.ValueKind != JsonValueKind.Null)
                {
                    Error("source", "应为字符串（数据来源说明）");
                }
            }

            var years = new SortedDictionary<int, HolidayNotice>();
            if (!root.TryGetProperty("years", out var yearsElement))
            {
                Error(string.Empty, "缺少字段 years");
            }
            else if (yearsElement.ValueKind != JsonValueKind.Object)
            {
                Error("years", "应为对象，键为年份（如 \"2027\"）");
            }
            else
            {
                foreach (var property in yearsElement.EnumerateObject())
                {
                    var path = $"years.{property.Name}";
                    if (property.Name.Length != 4
                        || !int.TryParse(property.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                        || year < 1950)
                    {
                        Error(path, $"年份“{property.Name}”不是四位数字年份");
                        continue;
                    }

                    if (years.ContainsKey(year))
                    {
                        Error(path, $"{year}年重复出现");
                        continue;
                    }

                    if (ReadYear(property.Value, path, year) is { } notice)
                    {
                        years[year] = notice;
                    }
                }
            }

            return Errors.Count == 0 ? new HolidayData(source, years) : null;
        }

        private HolidayNotice? ReadYear(JsonElement element, string path, int year)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "应为对象 {\"notice\": …, \"days\": […]}");
                return null;
            }

            var before = Errors.Count;
            CheckKeys(element, path, YearKeys);
            string? notice = null;
            if (!element.TryGetProperty("notice", out var noticeElement))
            {
                Error(path, "缺少字段 notice（国务院办公厅放假通知的网址）");
            }
            else if (noticeElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(noticeElement.GetString()))
            {
                Error($"{path}.notice", "应为非空字符串（国务院办公厅放假通知的网址）");
            }
            else
            {
                notice = noticeElement.GetString();
            }

            var amendments = new List<string>();
            if (element.TryGetProperty("amendments", out var amendmentsElement))
            {
                if (amendmentsElement.ValueKind != JsonValueKind.Array)
                {
                    Error($"{path}.amendments", "应为字符串数组（调整通知的网址）");
                }
                else
                {
                    var i = 0;
                    foreach (var item in amendmentsElement.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                        {
                            amendments.Add(item.GetString()!);
                        }
                        else
                        {
                            Error($"{path}.amendments[{i}]", "应为非空字符串（调整通知的网址）");
                        }

                        i++;
                    }
                }
            }

            var days = new List<HolidayDay>();
            if (!element.TryGetProperty("days", out var daysElement))
            {
                Error(path, "缺少字段 days");
            }
            else if (daysElement.ValueKind != JsonValueKind.Array)
            {
                Error($"{path}.days", "应为数组");
            }
            else if (daysElement.GetArrayLength() == 0)
            {
                Error($"{path}.days", $"{year}年没有任何日期：国务院通知发布之前不要添加该年份，否则该年会被当作已知年份");
            }
            else
            {
                var i = 0;
                foreach (var item in daysElement.EnumerateArray())
                {
                    if (ReadDay(item, $"{path}.days[{i}]", year) is { } day)
                    {
                        if (days.Any(d => d.Date == day.Date))
                        {
                            Error($"{path}.days[{i}].date", $"日期{Iso(day.Date)}在{year}年中重复出现");
                        }
                        else
                        {
                            days.Add(day);
                        }
                    }

                    i++;
                }
            }

            return Errors.Count == before ? new HolidayNotice(year, notice, amendments, days.OrderBy(d => d.Date).ToList()) : null;
        }

        private HolidayDay? ReadDay(JsonElement element, string path, int year)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "应为对象 {\"date\": \"YYYY-MM-DD\", \"name\": \"春节\", \"off\": true}");
                return null;
            }

            var before = Errors.Count;
            CheckKeys(element, path, DayKeys);
            DateOnly date = default;
            if (!element.TryGetProperty("date", out var dateElement))
            {
                Error(path, "缺少字段 date");
            }
            else if (dateElement.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                Error($"{path}.date", $"“{Raw(dateElement)}”不是有效日期，应为 YYYY-MM-DD（如 \"{year}-01-01\"）");
            }
            else if (!(date.Year == year || (date.Year == year - 1 && date.Month == 12) || (date.Year == year + 1 && date.Month == 1)))
            {
                Error($"{path}.date", $"日期{Iso(date)}不属于{year}年的放假通知（只允许该年及相邻的12月、1月）");
            }

            string name = string.Empty;
            if (!element.TryGetProperty("name", out var nameElement))
            {
                Error(path, "缺少字段 name（节日名称，如 春节）");
            }
            else if (nameElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(nameElement.GetString()))
            {
                Error($"{path}.name", "应为非空字符串（节日名称，如 春节）");
            }
            else
            {
                name = nameElement.GetString()!;
            }

            var off = false;
            if (!element.TryGetProperty("off", out var offElement))
            {
                Error(path, "缺少字段 off（true 为放假，false 为调休上班）");
            }
            else if (offElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Error($"{path}.off", $"应为 true（放假）或 false（调休上班），而不是 {Raw(offElement)}");
            }
            else
            {
                off = offElement.GetBoolean();
            }

            if (Errors.Count != before)
            {
                return null;
            }

            if (!off && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Error($"{path}.off", $"{Iso(date)}是工作日（{Weekday(date)}），不能再标为调休上班；请检查日期或 off 的值");
                return null;
            }

            return new HolidayDay(date, name, off);
        }

        private void CheckKeys(JsonElement element, string path, string[] allowed)
        {
            foreach (var (at, name) in Unknown(element, path, allowed))
            {
                Error(at, $"未知字段“{name}”，允许的字段为：{string.Join("、", allowed)}");
            }
        }



        private static string Raw(JsonElement element) => element.GetRawText();

        private static string Iso(DateOnly date) => DateText.Iso(date);

        private static string Weekday(DateOnly date) => date.DayOfWeek switch
        {
            DayOfWeek.Monday => "星期一",
            DayOfWeek.Tuesday => "星期二",
            DayOfWeek.Wednesday => "星期三",
            DayOfWeek.Thursday => "星期四",
            DayOfWeek.Friday => "星期五",
            DayOfWeek.Saturday => "星期六",
            DayOfWeek.Sunday => "星期日",
        };
    }
}
