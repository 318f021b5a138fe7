namespace Gongkai.Application.Catalog;

/// <summary>
/// A step on an item of the agency's catalogue by <paramref name="Actor"/>, on the version they saw
/// (<paramref name="SeenVersion"/>; null only for callers that read and act at once, like the command line).
/// </summary>
public sealed record CatalogStepRequest(int AgencyId, string IndexNumber, string Actor, int? SeenVersion);

/// <summary>
/// 同意 or 退回 at the pending review step (Art. 17); <paramref name="Role"/> null: the pending step's. With
/// <paramref name="ReviewerId"/> (a signed-in member of staff), the step is decided only when that person holds the
/// step's 审核岗位 in the item's agency, read from the database now; without (the command line's operator, who names the
/// role), it is not checked.
/// </summary>
public sealed record CatalogDecisionRequest(CatalogStepRequest Step, string? Role, string? Reason, string? ReviewerId = null);
