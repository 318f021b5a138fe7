using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Disclosure;

/// <summary>The JSON of review chains and attachments as stored (Chinese kept readable).</summary>
internal static class DisclosureJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Chain(ReviewChain chain) => JsonSerializer.Serialize(chain.Steps, Options);

    public static ReviewChain Chain(string json) =>
        new(JsonSerializer.Deserialize<List<ReviewStep>>(json, Options) ?? throw new InvalidDataException("Stored review chain is null."));

    public static string Attachments(IReadOnlyList<CatalogAttachment> attachments) => JsonSerializer.Serialize(attachments, Options);

    public static IReadOnlyList<CatalogAttachment> Attachments(string json) => JsonSerializer.Deserialize<List<CatalogAttachment>>(json, Options) ?? [];
}
