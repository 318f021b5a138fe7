using Gongkai.Domain.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The one place where the web turns an <see cref="Error"/> into what a person or a client sees: a message beside the
/// field (pages) or ProblemDetails with its status (the API).
/// </summary>
internal static class ErrorResults
{
    /// <summary>The HTTP status of an error: 400 refused, 404 not found, 409 conflict, 403 forbidden.</summary>
    public static int StatusCode(this Error error) => error switch
    {
        Refused => StatusCodes.Status400BadRequest,
        NotFound => StatusCodes.Status404NotFound,
        Conflict => StatusCodes.Status409Conflict,
        Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The short Chinese title of the ProblemDetails for an error.</summary>
    public static string Title(this Error error) => error switch
    {
        Refused => "无法办理",
        NotFound => "未找到",
        Conflict => "已被他人修改",
        Forbidden => "无权操作",
        _ => "无法办理",
    };

    /// <summary>The API's answer: ProblemDetails with the Chinese message as its detail and the field, if any.</summary>
    public static IResult ToProblem(this Error error) =>
        Results.Problem(
            statusCode: error.StatusCode(),
            title: error.Title(),
            detail: error.Message,
            extensions: error is Refused { Field: { } field } ? new Dictionary<string, object?> { ["field"] = field } : null);

    /// <summary>A page's answer: the message beside the field it names (or at the top of the form).</summary>
    public static void AddTo(this Error error, ModelStateDictionary modelState, string? prefix = null)
    {
        var key = error is Refused { Field: { } field } ? (prefix is null ? field : $"{prefix}.{field}") : prefix ?? string.Empty;
        modelState.AddModelError(key, error.Message);
    }

    /// <summary>
    /// A page's one-line message for an error shown above its content (no form field to put it beside): the field a
    /// refusal names, then the message, unless the message names it already (<c>年度：…</c>).
    /// </summary>
    public static string PageMessage(this Error error) =>
        error is Refused { Field: { } field } && !error.Message.Contains(field, StringComparison.Ordinal) ? $"{field}：{error.Message}" : error.Message;

    /// <summary>
    /// For a page that shows what a use case read: null when it succeeded; else the error's one-line message
    /// (<see cref="PageMessage"/>) to show above the page, with the response's status set to the error's.
    /// </summary>
    public static string? PageProblem<T>(this Result<T> result, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (result.Error is not { } error)
        {
            return null;
        }

        response.StatusCode = error.StatusCode();
        return error.PageMessage();
    }
}
