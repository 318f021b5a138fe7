using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Ledger;

/// <summary>
/// Turns a sheet's rows into <see cref="LedgerRow"/>s: the first row that names a column is the header (title rows
/// above it are skipped), every later row is
/// checked cell by cell and every problem is collected (up to <see cref="MaxErrors"/>), so the person fixing the
/// ledger sees them all at once. Any problem refuses the whole file.
/// </summary>
internal sealed class LedgerValidator
{
    /// <summary>How many errors are listed; beyond that, one line says how many more there are.</summary>
    public const int MaxErrors = 1000;

    /// <summary>
    /// The first day an application could be made: the Regulation's first version (国务院令第492号, 2007) took effect
    /// on 2008-05-01 (its Art. 38); no ledger row can be received or closed before it.
    /// </summary>
    public static readonly DateOnly RegulationInForce = new(2008, 5, 1);

    private readonly DateOnly _today;

    private readonly List<LedgerError> _errors = [];
    private readonly List<LedgerRow> _rows = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly int[] _columnOf = new int[LedgerColumns.Count];
    private bool[] _unnamed = [];
    private bool _hasHeader;
    private int _skippedRows;
    private bool _hasData;
    private int _unlisted;

    /// <param name="today">Today where the agency is (<see cref="Gongkai.Domain.Calendar.ChinaTime.Today"/>): no row can be received or closed later.</param>
    public LedgerValidator(DateOnly today)
    {
        _today = today;
        Array.Fill(_columnOf, -1);
    }

    /// <summary>A problem of the whole file (not of a cell).</summary>
    public void FileError(int? row, string message) => Add(new LedgerError(row, null, message));

    public void Accept(SheetRow row)
    {
        if (IsBlank(row.Cells))
        {
            return;
        }

        if (!_hasHeader)
        {
            // Rows above the header that name no column — a title (2025年政府信息公开申请登记台账), 填报单位 — are
            // skipped; the header is the first row naming a column of the ledger.
            if (!row.Cells.Any(c => c is not null && LedgerColumns.TryParse(c.Trim(), out _)))
            {
                _skippedRows++;
                return;
            }

            _hasHeader = true;
            ReadHeader(row.Cells);
            return;
        }

        _hasData = true;
        ReadRow(row);
    }

    public LedgerReadResult Finish()
    {
        if (!_hasHeader && _skippedRows > 0)
        {
            Add(new LedgerError(null, null, $"找不到表头：应有一行列名，如 {string.Join("、", LedgerColumns.All)}"));
        }
        else if (!_hasData)
        {
            Add(new LedgerError(null, null, "表格中没有数据行"));
        }

        if (_unlisted > 0)
        {
            _errors.Add(new LedgerError(null, null, string.Create(CultureInfo.InvariantCulture, $"……另有{_unlisted}处错误未列出")));
        }

        return _errors.Count == 0 ? new LedgerReadResult(_rows, []) : new LedgerReadResult([], _errors);
    }

    private void ReadHeader(string?[] cells)
    {
        _unnamed = new bool[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var name = cells[i]?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                // A column without a header is ignored as long as it stays empty (checked per row).
                _unnamed[i] = true;
            }
            else if (!LedgerColumns.TryParse(name, out var column))
            {
                // Refused, not ignored: a misspelt column (办理结杲) must not silently drop a column's data.
                Add(new LedgerError(null, name, $"“{name}”不是台账的列，列名应为 {string.Join("、", LedgerColumns.All)} 之一"));
            }
            else if (_columnOf[(int)column] is >= 0 and var first)
            {
                Add(new LedgerError(null, name, $"列“{name}”重复（{LedgerColumns.Letters(first)}列和{LedgerColumns.Letters(i)}列）"));
            }
            else
            {
                _columnOf[(int)column] = i;
            }
        }

        foreach (var column in Enum.GetValues<LedgerColumn>())
        {
            if (column.IsRequired() && _columnOf[(int)column] < 0)
            {
                Add(new LedgerError(null, column.Name(), $"缺少必需的列“{column.Name()}”"));
            }
        }
    }

    private void ReadRow(SheetRow sheetRow)
    {
        var row = sheetRow.Number;
        var cells = sheetRow.Cells;
        for (var i = 0; i < cells.Length; i++)
        {
            if ((i >= _unnamed.Length || _unnamed[i]) && !string.IsNullOrWhiteSpace(cells[i]))
            {
                Add(new LedgerError(row, $"{LedgerColumns.Letters(i)}列", $"该列没有表头，无法识别“{cells[i]!.Trim()}”；请填写列名或删除该列内容"));
            }
        }

        var number = Cell(cells, LedgerColumn.Number);
        if (number is not null)
        {
            if (_numbers.TryGetValue(number, out var firstRow))
            {
                Add(Error(row, LedgerColumn.Number, string.Create(CultureInfo.InvariantCulture, $"“{number}”与第{firstRow}行的申请编号重复")));
            }
            else
            {
                _numbers.Add(number, row);
            }
        }

        var received = Date(row, cells, LedgerColumn.ReceivedOn, required: true);

        ApplicantType? applicant = null;
        if (Required(row, cells, LedgerColumn.ApplicantType) is { } applicantText)
        {
            if (LedgerValues.TryParseApplicant(applicantText, out var parsed))
            {
                applicant = parsed;
            }
            else
            {
                Add(Error(row, LedgerColumn.ApplicantType, $"“{applicantText}”不是申请人类型，应为 {LedgerValues.ApplicantLabels} 之一"));
            }
        }

        var name = Required(row, cells, LedgerColumn.ApplicantName);

        Channel? channel = null;
        if (Cell(cells, LedgerColumn.Channel) is { } channelText)
        {
            if (LedgerValues.TryParseChannel(channelText, out var parsed, out var ambiguity))
            {
                channel = parsed;
            }
            else
            {
                Add(Error(row, LedgerColumn.Channel, ambiguity is not null
                    ? $"“{channelText}”含义不明确，请写 {ambiguity}"
                    : $"“{channelText}”不是申请方式，应为 {LedgerValues.ChannelLabels} 之一"));
            }
        }

        var request = Cell(cells, LedgerColumn.Request);

        var closed = Date(row, cells, LedgerColumn.ClosedOn, required: false);
        var closedText = Cell(cells, LedgerColumn.ClosedOn);
        var outcomeText = Cell(cells, LedgerColumn.Outcome);
        CaseOutcome? outcome = null;
        if (outcomeText is not null)
        {
            if (CaseOutcomes.TryParseLabel(outcomeText, out var parsed))
            {
                outcome = parsed;
            }
            else
            {
                Add(Error(row, LedgerColumn.Outcome,
                    $"“{outcomeText}”不是办理结果，应为年度报告表格中的结果，如 予以公开、部分公开、本机关不掌握相关政府信息、重复申请、逾期不补正、逾期未缴费、其他"));
            }
        }

        // An open case has neither; a closed one has both (Art. 33: a case ends with a reply on a date).
        if (closedText is not null && outcomeText is null && Present(LedgerColumn.Outcome))
        {
            Add(Error(row, LedgerColumn.Outcome, "填写了办结日期，须同时填写办理结果（未办结的申请两项都不填）"));
        }
        else if (closedText is null && outcomeText is not null && Present(LedgerColumn.ClosedOn))
        {
            Add(Error(row, LedgerColumn.ClosedOn, "填写了办理结果，须同时填写办结日期（未办结的申请两项都不填）"));
        }

        if (closed is { } c && received is { } r && c < r)
        {
            Add(Error(row, LedgerColumn.ClosedOn, $"{DateText.Iso(c)}早于收到日期{DateText.Iso(r)}"));
        }

        // Once the file is refused, rows are only checked, no longer kept.
        if (_errors.Count == 0 && received is { } receivedOn && applicant is { } type && name is not null)
        {
            _rows.Add(new LedgerRow(row, number, receivedOn, type, name, channel, request, closed, outcome));
        }
    }

    private bool Present(LedgerColumn column) => _columnOf[(int)column] >= 0;

    private string? Cell(string?[] cells, LedgerColumn column)
    {
        var index = _columnOf[(int)column];
        if (index < 0 || index >= cells.Length || cells[index] is not { } text)
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private string? Required(int row, string?[] cells, LedgerColumn column)
    {
        var text = Cell(cells, column);
        if (text is null && Present(column))
        {
            Add(Error(row, column, "不能为空"));
        }

        return text;
    }

    private DateOnly? Date(int row, string?[] cells, LedgerColumn column, bool required)
    {
        var text = required ? Required(row, cells, column) : Cell(cells, column);
        if (text is null)
        {
            return null;
        }

        switch (LedgerValues.ParseDate(text, out var date))
        {
            case DateParse.Ok when date < RegulationInForce:
                // 0001-01-01, 1900-01-00: a blank or mistyped date, not an application.
                Add(Error(row, column, $"{DateText.Iso(date)}早于《政府信息公开条例》施行之日（{DateText.Iso(RegulationInForce)}），请核对"));
                return null;
            case DateParse.Ok when date > _today:
                Add(Error(row, column, $"{DateText.Iso(date)}晚于今天（{DateText.Iso(_today)}），请核对"));
                return null;
            case DateParse.Ok:
                return date;
            case DateParse.NoSuchDate:
                Add(Error(row, column, $"“{text}”不是存在的日期"));
                return null;
            case DateParse.NotADate:
                Add(Error(row, column, $"“{text}”不是日期，应写作 {LedgerValues.DateForms}"));
                return null;
        }

        return null;
    }

    private static LedgerError Error(int row, LedgerColumn column, string message) => new(row, column.Name(), message);

    private void Add(LedgerError error)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(error);
        }
        else
        {
            _unlisted++;
        }
    }

    private static bool IsBlank(string?[] cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }

        return true;
    }
}
