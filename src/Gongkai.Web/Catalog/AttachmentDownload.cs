using Gongkai.Data.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Catalog;

/// <summary>Serves an attachment as a download under its own name (never rendered inline: the type is the name's, not sniffed).</summary>
public static class AttachmentDownload
{
    /// <param name="file">The file.</param>
    /// <param name="response">The response, for its headers.</param>
    /// <param name="forStaff">
    /// A file of the back office, possibly not yet through its 保密审查 (Art. 17): kept by no cache (shared office
    /// computers). A published file may be cached but is revalidated, so a withdrawal takes effect.
    /// </param>
    public static IActionResult Of(CatalogAttachmentRecord file, HttpResponse response, bool forStaff)
    {
        response.Headers[HeaderNames.CacheControl] = forStaff ? "private, no-store" : "no-cache";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
        return new FileContentResult(file.Content, file.ContentType)
        {
            FileDownloadName = file.Name,
            EntityTag = new EntityTagHeaderValue("\"" + file.Sha256 + "\""),
        };
    }
}
