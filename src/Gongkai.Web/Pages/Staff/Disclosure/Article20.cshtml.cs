using System.Globalization;
using System.Text;
using Gongkai.Application.Article20;
using Gongkai.Documents.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Web.Cases;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Disclosure;

/// <summary>
/// 第二十条数据: the figures of section 二 not counted from Gongkai's records — 行政许可, 其他对外管理服务事项, 行政处罚,
/// 行政强制 (Art. 20(五)(六)), 行政事业性收费 (八), 政府集中采购 (九) — for a year: one form for every row (saved all or
/// nothing), a CSV upload (<see cref="Article20FiguresCsv"/>, all rows or none) and a CSV template, and beside each row the
/// cells the report prints, the 2019 format's 上一年项目数量 and 本年增/减 derived from the year before
/// (<see cref="Article20FigureRows.Fill"/>). 公开办 and administrators change; every other role reads.
/// </summary>
[RequestSizeLimit(MaxCsvBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxCsvBytes + (64 * 1024))]
public sealed class Article20Model(CurrentAgency agency, CaseWorkspace workspace, IAuthorizationService authorization,
    ShowArticle20Year show, SaveArticle20Year saveYear, ImportArticle20Figures importFigures) : PageModel
{
    /// <summary>A figures CSV larger than this is not one (a dozen rows a year).</summary>
    public const long MaxCsvBytes = 1024 * 1024;

    /// <summary>The form's fields, in the order of the CSV's columns.</summary>
    public static IReadOnlyList<(Article20Fields Field, string Name)> Fields { get; } =
    [
        (Article20Fields.Items, "items"), (Article20Fields.Decisions, "decisions"), (Article20Fields.Projects, "projects"), (Article20Fields.AmountYuan, "amount"),
    ];

    public int Year { get; private set; }

    /// <summary>Section 二 of the year in its format, filled from the stored figures (what the report will print).</summary>
    public Article20Table Table { get; private set; } = null!;

    /// <summary>The text of each field (<see cref="FieldName"/>): what is stored, or what was typed when the form was refused.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyList<string> CsvErrors { get; private set; } = [];

    public static string FieldName(string rowKey, string field) => $"f.{rowKey}.{field}";

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        FillValues(await LoadAsync(year, cancellationToken));
    }

    /// <summary>Saves every row of the form; any bad field refuses the whole form, each named by row and field.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int year, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!ReportTemplates.IsReportYear(year))
        {
            return NotFound();
        }

        var errors = new List<string>();
        var figures = new List<Article20Figure>();
        foreach (var (key, label, fields) in Article20FigureRows.All)
        {
            int? Count(Article20Fields field, string name) => fields.HasFlag(field) ? ReadCount(label, field, Text(key, name), errors) : null;
            var amount = fields.HasFlag(Article20Fields.AmountYuan) ? ReadAmount(label, Text(key, "amount"), errors) : null;
            figures.Add(new Article20Figure(key, year, Count(Article20Fields.Items, "items"), Count(Article20Fields.Decisions, "decisions"),
                Count(Article20Fields.Projects, "projects"), amount));
        }

        var current = await agency.GetAsync(cancellationToken);
        if (errors.Count == 0 && (await saveYear.ExecuteAsync(new Article20FiguresRequest(current.Id, figures, year), cancellationToken)).Error is { } error)
        {
            errors.Add(error.Message);
        }

        if (errors.Count > 0)
        {
            await LoadAsync(year, cancellationToken);
            Errors = errors;
            foreach (var (key, _, _) in Article20FigureRows.All)
            {
                foreach (var (_, name) in Fields)
                {
                    Values[FieldName(key, name)] = Text(key, name);
                }
            }

            return Page();
        }

        TempData["Message"] = string.Create(CultureInfo.InvariantCulture, $"已保存{year}年第二十条数据。");
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/staff/disclosure/article20?year={year}"));
    }

    /// <summary>Imports a figures CSV: every bad row named (<c>第3行 …</c>) and nothing stored, or every row stored.</summary>
    public async Task<IActionResult> OnPostImportAsync(int year, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }

        if (!ReportTemplates.IsReportYear(year))
        {
            return NotFound();
        }

        var current = await agency.GetAsync(cancellationToken);
        var errors = new List<string>();
        IReadOnlyList<Article20Figure> figures = [];
        if (upload is null || upload.Length == 0)
        {
            errors.Add("CSV 文件：请选择文件");
        }
        else if (upload.Length > MaxCsvBytes)
        {
            errors.Add("CSV 文件：超过1MB");
        }
        else
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, cancellationToken);
            var read = Article20FiguresCsv.Read(buffer.ToArray());
            errors.AddRange(read.Errors.Select(e => e.ToString()));
            figures = read.Figures;
        }

        if (errors.Count == 0 && (await importFigures.ExecuteAsync(new Article20FiguresRequest(current.Id, figures), cancellationToken)).Error is { } error)
        {
            errors.Add(error.Message);
        }

        if (errors.Count > 0)
        {
            FillValues(await LoadAsync(year, cancellationToken));
            CsvErrors = errors;
            return Page();
        }

        var years = string.Join("、", figures.Select(f => f.Year).Distinct().Order());
        TempData["Message"] = string.Create(CultureInfo.InvariantCulture, $"已导入{figures.Count}行（{years}年）。");
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/staff/disclosure/article20?year={year}"));
    }

    /// <summary>A CSV to fill in: the columns the importer reads, one row per item, with what is stored for the year.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(int? year, CancellationToken cancellationToken)
    {
        var y = ReportTemplates.IsReportYear(year) ? year!.Value : workspace.Today().Year - 1;
        var stored = (await show.ExecuteAsync(new ShowArticle20YearRequest((await agency.GetAsync(cancellationToken)).Id, y), cancellationToken)).Value!.Figures;
        var csv = new StringBuilder("年度,事项,项目数量,处理决定数量,采购项目数量,金额（元）\r\n");
        foreach (var (key, label, _) in Article20FigureRows.All)
        {
            var f = stored.FirstOrDefault(s => s.RowKey == key && s.Year == y);
            csv.Append(CultureInfo.InvariantCulture, $"{y},{label},{f?.Items},{f?.Decisions},{f?.Projects},{Amount(f?.AmountYuan)}\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"第二十条数据-{y}.csv"));
    }

    /// <summary>The cells the report prints for a row in the year's format, as “label value” pairs; null when the format has no such row.</summary>
    public IReadOnlyList<(string Label, string Value)>? Printed(string rowKey) =>
        Table.Layout.ColumnsOf(rowKey) is { } columns ? [.. columns.Select(c => (c.Label, RegisterForms.Cell(Table[rowKey, c.Key])))] : null;

    private static string Amount(decimal? yuan) => yuan?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    private static int? ReadCount(string row, Article20Fields field, string text, List<string> errors)
    {
        if (Article20FiguresSheet.TryParseCount(text, out var n))
        {
            return n;
        }

        errors.Add($"{row} {Article20FigureRows.FieldLabel(field)}：“{text}”不是非负整数");
        return null;
    }

    /// <summary>An amount as the CSV takes it (元, or 万元); more than two decimals of a yuan is refused by the store, naming the row.</summary>
    private static decimal? ReadAmount(string row, string text, List<string> errors)
    {
        if (Article20FiguresSheet.TryParseAmount(text, out var yuan))
        {
            return yuan;
        }

        errors.Add($"{row} {Article20FigureRows.FieldLabel(Article20Fields.AmountYuan)}：“{text}”不是金额，应如 3487100 或 3487.1万元");
        return null;
    }

    private string Text(string rowKey, string field) => Request.Form[FieldName(rowKey, field)].ToString().Trim();

    private void FillValues(IReadOnlyList<Article20Figure> stored)
    {
        foreach (var f in stored.Where(f => f.Year == Year))
        {
            Values[FieldName(f.RowKey, "items")] = f.Items?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            Values[FieldName(f.RowKey, "decisions")] = f.Decisions?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            Values[FieldName(f.RowKey, "projects")] = f.Projects?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            Values[FieldName(f.RowKey, "amount")] = Amount(f.AmountYuan);
        }
    }

    /// <summary>Loads the year's section 二 as printed; the value is the figures as stored.</summary>
    private async Task<IReadOnlyList<Article20Figure>> LoadAsync(int? year, CancellationToken cancellationToken)
    {
        var current = await agency.GetAsync(cancellationToken);
        CanEdit = await MayEditAsync();
        Year = ReportTemplates.IsReportYear(year) ? year!.Value : workspace.Today().Year - 1;
        var shown = (await show.ExecuteAsync(new ShowArticle20YearRequest(current.Id, Year), cancellationToken)).Value!;
        Table = shown.Table;
        return shown.Figures;
    }

    private Task<bool> MayEditAsync() => authorization.IsReportEditorAsync(User);
}
