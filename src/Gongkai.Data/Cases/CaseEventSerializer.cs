using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Domain.Applications;

namespace Gongkai.Data.Cases;

/// <summary>
/// How a case event is stored in <c>case_events</c>: a stable type name and the event's data as JSON. Type names
/// are part of the stored history: never rename one; add a new name for a new event.
/// </summary>
public static class CaseEventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // The history is read by people too (database tools, exports): keep Chinese as Chinese.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        ["registered"] = typeof(Registered),
        ["supplementRequested"] = typeof(SupplementRequested),
        ["supplementReceived"] = typeof(SupplementReceived),
        ["supplementLapsed"] = typeof(SupplementLapsed),
        ["consultationStarted"] = typeof(ConsultationStarted),
        ["consultationEnded"] = typeof(ConsultationEnded),
        ["extended"] = typeof(Extended),
        ["feeNoticeSent"] = typeof(FeeNoticeSent),
        ["feePaid"] = typeof(FeePaid),
        ["feeLapsed"] = typeof(FeeLapsed),
        ["assigned"] = typeof(Assigned),
        ["transferred"] = typeof(Transferred),
        ["replied"] = typeof(Replied),
        ["withdrawn"] = typeof(Withdrawn),
        ["delivered"] = typeof(Delivered),
        ["departmentOpinion"] = typeof(DepartmentOpinion),
        ["reasonableDeadlineSet"] = typeof(ReasonableDeadlineSet),
        ["closedFromLedger"] = typeof(ClosedFromLedger),
        ["handlerAssigned"] = typeof(HandlerAssigned),
    };

    private static readonly Dictionary<Type, string> Names = Types.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The stored type name of an event.</summary>
    public static string TypeName(CaseEvent e) =>
        Names.TryGetValue(e.GetType(), out var name) ? name : throw new ArgumentException($"No stored name for {e.GetType().Name}; add one here.");

    /// <summary>The event's data as JSON.</summary>
    public static string Serialize(CaseEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    /// <summary>An event from its stored type name and JSON.</summary>
    public static CaseEvent Deserialize(string type, string json) =>
        Types.TryGetValue(type, out var t)
            ? (CaseEvent)(JsonSerializer.Deserialize(json, t, Options) ?? throw new InvalidDataException($"Empty {type} event"))
            : throw new InvalidDataException($"Unknown case event type '{type}' in the database");

    /// <summary>Any value as JSON in the same style (used for the before/after summaries).</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Options);
}
