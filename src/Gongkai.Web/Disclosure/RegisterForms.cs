using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;

namespace Gongkai.Web.Disclosure;

/// <summary>
/// The fields of an entry of the register of 规章 and 规范性文件 (Art. 20(一)) as the office types them: dates are read
/// here, so a bad one is named (<c>制发日期：…</c>) before the domain checks their order.
/// </summary>
public sealed class DocumentInput
{
    public string? Kind { get; set; } = NormativeDocumentKind.NormativeDocument.Key();

    public string? Title { get; set; }

    public string? DocumentNumber { get; set; }

    public string? IssuedOn { get; set; }

    public string? PublishedOn { get; set; }

    public string? RepealedOn { get; set; }

    /// <summary>目录索引号 of the catalogue item that published it (only when adding).</summary>
    public string? CatalogIndexNumber { get; set; }

    public static DocumentInput From(NormativeDocument d) => new()
    {
        Kind = d.Kind.Key(),
        Title = d.Title,
        DocumentNumber = d.DocumentNumber,
        IssuedOn = RegisterForms.Iso(d.IssuedOn),
        PublishedOn = RegisterForms.Iso(d.PublishedOn),
        RepealedOn = RegisterForms.Iso(d.RepealedOn),
    };

    /// <summary>The document, or every field that cannot be read (named in Chinese) and no document.</summary>
    public (NormativeDocument? Document, IReadOnlyList<string> Errors) Read()
    {
        var errors = new List<string>();
        var kind = NormativeDocumentKinds.Parse(Kind ?? string.Empty);
        if (kind is null)
        {
            errors.Add("类别：请选择 规章 或 规范性文件");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add("文件名称：必填");
        }

        var issued = RegisterForms.Date("制发日期", IssuedOn, required: true, errors);
        var published = RegisterForms.Date("公开日期", PublishedOn, required: false, errors);
        var repealed = RegisterForms.Date("废止日期", RepealedOn, required: false, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new NormativeDocument(kind!.Value, Title!.Trim(), DocumentNumber, issued!.Value, published, repealed), []);
    }
}

/// <summary>Reading dates and numbers from the disclosure forms, and the report format of a year.</summary>
public static class RegisterForms
{
    public static string Iso(DateOnly? date) => DateText.Iso(date);

    /// <summary>A date field: empty is null (an error when <paramref name="required"/>); unreadable text is an error naming the field.</summary>
    public static DateOnly? Date(string label, string? text, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add($"{label}：必填");
            }

            return null;
        }

        if (DateText.TryParse(text, out var date))
        {
            return date;
        }

        errors.Add($"{label}：“{text.Trim()}”不是有效日期，应如 2025-03-01");
        return null;
    }

    /// <summary>A cell of section 二 as the report prints it; blank as “空白”.</summary>
    public static string Cell(Article20Value? value) => value?.ToString() ?? "空白";
}
