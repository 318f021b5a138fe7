namespace Gongkai.Documents.Reading;

/// <summary>
/// Expands a table with merged cells (HTML rowspan/colspan, DOCX gridSpan/vMerge) into a grid, one list of
/// cells per row. A cell spanning columns fills the extra columns with empty cells; a cell spanning rows
/// repeats its text in the rows below when it is a label, so that <c>（三）不予公开</c> reaches each of its
/// eight sub-rows, and leaves them empty when it is a value, so that no number is counted twice.
/// </summary>
internal sealed class GridBuilder
{
    private readonly List<List<string>> _rows = [];
    private readonly Dictionary<int, (string Text, int Remaining)> _pending = [];
    private List<string>? _current;

    public void StartRow()
    {
        FillPending();
        _current = [];
        _rows.Add(_current);
        FillPending();
    }

    public void AddCell(string text, int colSpan, int rowSpan)
    {
        if (_current is null)
        {
            StartRow();
        }

        FillPending();
        var column = _current!.Count;
        _current.Add(text);
        for (var i = 1; i < Math.Clamp(colSpan, 1, 64); i++)
        {
            _current.Add(string.Empty);
        }

        if (rowSpan > 1)
        {
            var carried = CellText.IsValue(text) ? string.Empty : text;
            for (var i = 0; i < Math.Clamp(colSpan, 1, 64); i++)
            {
                _pending[column + i] = (i == 0 ? carried : string.Empty, Math.Min(rowSpan, 1000) - 1);
            }
        }
    }

    /// <summary>A DOCX vMerge continuation: the cell above continues here.</summary>
    public void AddContinuation(int colSpan)
    {
        if (_current is null)
        {
            StartRow();
        }

        FillPending();
        var column = _current!.Count;
        var above = _rows.Count >= 2 && _rows[^2].Count > column ? _rows[^2][column] : string.Empty;
        _current.Add(CellText.IsValue(above) ? string.Empty : above);
        for (var i = 1; i < Math.Clamp(colSpan, 1, 64); i++)
        {
            _current.Add(string.Empty);
        }
    }

    public IReadOnlyList<List<string>> Finish()
    {
        // Cells still owed by a rowspan at the end of a row.
        FillPending();
        return _rows;
    }

    private void FillPending()
    {
        if (_current is null)
        {
            return;
        }

        while (_pending.TryGetValue(_current.Count, out var p))
        {
            _current.Add(p.Text);
            if (p.Remaining <= 1)
            {
                _pending.Remove(_current.Count - 1);
            }
            else
            {
                _pending[_current.Count - 1] = (p.Text, p.Remaining - 1);
            }
        }
    }
}
