using Gongkai.Data;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Security;

/// <summary>
/// An archived agency (归档: merged or abolished) is read-only everywhere in the back office: every form posted while
/// working in it — catalogue, register, Art. 20 figures, cases, reports, settings, notices — is refused with one
/// message before its handler runs, and nothing is written. Its pages, downloads and portal column stay readable. Read
/// from the database on each post (not this instance's copy of the tree), so an archive made on another instance holds
/// at once. Left open: choosing the agency to work in, the agency tree (where it is restored) and staff accounts
/// (people who leave are disabled there).
/// </summary>
public sealed class ArchivedAgencyGuard(CurrentAgency agency, GongkaiDbContext db, ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    /// <summary>The pages whose forms stay open in an archived agency.</summary>
    public static IReadOnlyList<string> Open { get; } = ["/Staff/Agency", "/Staff/Admin/Agencies", "/Staff/Admin/Users"];

    /// <summary>The refusal, naming the agency.</summary>
    public static string Message(string agencyName) => $"{agencyName}已撤销（归档），只能查看，不能修改。如需继续办理，请由管理员在“机关管理”中恢复该单位。";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || !request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            || Open.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase)
            || context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            await next();
            return;
        }

        var current = await agency.GetAsync(context.HttpContext.RequestAborted);
        var archived = await db.Agencies.AsNoTracking().Where(a => a.Id == current.Id).Select(a => a.ArchivedAt).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (archived is null)
        {
            await next();
            return;
        }

        tempData.GetTempData(context.HttpContext)["Error"] = Message(current.Name);
        context.Result = new RedirectResult(request.PathBase + request.Path);
    }
}
