using Gongkai.Data.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Catalog;

/// <summary>Serves an attachment as a download under its own name (never rendered inline: the type is the name's, not sniffed).</summary>
public static class AttachmentDownload
{
    public static IActionResult Of(CatalogAttachmentRecord file, HttpResponse response)
    {
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
        return new FileContentResult(file.Content, file.ContentType)
        {
            FileDownloadName = file.Name,
            EntityTag = new EntityTagHeaderValue("\"" + file.Sha256 + "\""),
        };
    }
}
