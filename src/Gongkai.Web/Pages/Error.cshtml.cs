using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>
/// The friendly Chinese page for errors (re-executed by the exception handler) and for status codes without a body
/// (404, 403, 400 …). It keeps the status code and never shows exception details.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "出错了";

    public string Explanation { get; private set; } = string.Empty;

    public string? TraceId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = failed ? StatusCodes.Status500InternalServerError : code ?? StatusCodes.Status500InternalServerError;
        (Heading, Explanation) = status switch
        {
            StatusCodes.Status404NotFound => ("页面不存在", "您访问的页面不存在或已被移除。请检查网址，或从首页重新进入。"),
            StatusCodes.Status403Forbidden => ("无权访问", "您没有访问该页面的权限。"),
            StatusCodes.Status400BadRequest => ("请求无效", "请求无法处理。如果您提交了表单，请刷新页面后重新提交。"),
            StatusCodes.Status429TooManyRequests => ("提交过于频繁", "请稍后再试。"),
            _ => ("系统出错了", "很抱歉，处理您的请求时发生错误，我们已记录此问题。请稍后再试。"),
        };
        if (status >= 500)
        {
            TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}
