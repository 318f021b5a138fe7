using Gongkai.Application.Supervision;
using Gongkai.Documents.Uploads;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Supervision;

/// <summary>
/// Upload of many published reports at once (files or ZIPs) of agencies not on the platform: each read and audited by
/// the reader and matched by name to an agency of the subtree; the office then confirms the matches (<see cref="UploadModel"/>).
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class UploadsModel(CurrentAgency agency, UploadPublishedReports upload, UserManager<Gongkai.Web.Security.StaffUser> users) : PageModel
{
    /// <summary>The largest upload (all files together), 100 MB.</summary>
    public const long MaxRequestBytes = 100L * 1024 * 1024;

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        var read = new List<UploadedFile>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            read.Add(new UploadedFile(file.FileName, buffer.ToArray()));
        }

        var current = await agency.GetAsync(cancellationToken);
        var actor = (await users.GetUserAsync(User))?.UserName ?? User.Identity?.Name ?? "未知";
        var result = await upload.ExecuteAsync(current.Id, actor, read, cancellationToken);
        if (result.Error is { } error)
        {
            Problem = $"上传的文件：{error.Message}";
            Response.StatusCode = error.StatusCode();
            return Page();
        }

        return Redirect($"/staff/supervision/uploads/{result.Value}");
    }
}
