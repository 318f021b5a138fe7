using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Portal;

/// <summary>The footer every public page shows (《政府网站发展指引》); empty fields are not shown.</summary>
public sealed record SiteSettings(
    string? HostName = null,
    string? Contact = null,
    string? SiteCode = null,
    string? IcpNumber = null,
    string? IcpUrl = null,
    string? PoliceNumber = null,
    string? PoliceUrl = null,
    string? PartyMarkUrl = null)
{
    public static readonly SiteSettings Empty = new();
}

/// <summary>One document of an agency's 政府信息公开制度.</summary>
public sealed record DisclosureRule(long Id, string Title, string? DocumentNumber, DateOnly IssuedOn, string Body, DateTimeOffset UpdatedAt);

/// <summary>A rule as the office writes it.</summary>
public sealed record DisclosureRuleText(string Title, string? DocumentNumber, DateOnly IssuedOn, string Body);

/// <summary>The portal's own records: the footer settings and the agencies' 制度 documents (schema 0017).</summary>
public sealed class PortalStore(GongkaiDbContext db, TimeProvider clock)
{
    public async Task<SiteSettings> SiteSettingsAsync(CancellationToken cancellationToken = default) =>
        await db.SiteSettings.AsNoTracking().Where(s => s.Id == 1)
            .Select(s => new SiteSettings(s.HostName, s.Contact, s.SiteCode, s.IcpNumber, s.IcpUrl, s.PoliceNumber, s.PoliceUrl, s.PartyMarkUrl))
            .SingleOrDefaultAsync(cancellationToken) ?? SiteSettings.Empty;

    public async Task SaveSiteSettingsAsync(SiteSettings settings, CancellationToken cancellationToken = default)
    {
        var record = await db.SiteSettings.SingleOrDefaultAsync(s => s.Id == 1, cancellationToken);
        if (record is null)
        {
            record = new SiteSettingsRecord { Id = 1 };
            db.SiteSettings.Add(record);
        }

        record.HostName = settings.HostName;
        record.Contact = settings.Contact;
        record.SiteCode = settings.SiteCode;
        record.IcpNumber = settings.IcpNumber;
        record.IcpUrl = settings.IcpUrl;
        record.PoliceNumber = settings.PoliceNumber;
        record.PoliceUrl = settings.PoliceUrl;
        record.PartyMarkUrl = settings.PartyMarkUrl;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The agency's catalogue categories in the catalogue's order: name and Art. 20 item (null for the agency's own).</summary>
    public async Task<IReadOnlyList<(string Name, int? Article20Item)>> CategoriesAsync(int agencyId, CancellationToken cancellationToken = default) =>
        (await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Name, c.Article20Item }).ToListAsync(cancellationToken))
        .Select(c => (c.Name, c.Article20Item)).ToList();

    /// <summary>Every agency, in the order they were created (the search's agency filter).</summary>
    public async Task<IReadOnlyList<AgencyRecord>> AgenciesAsync(CancellationToken cancellationToken = default) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>The agency's catalogue categories, in the catalogue's order.</summary>
    public async Task<IReadOnlyList<CatalogCategoryRecord>> CategoryRecordsAsync(int agencyId, CancellationToken cancellationToken = default) =>
        await db.CatalogCategories.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>The agency's rules, newest first.</summary>
    public async Task<IReadOnlyList<DisclosureRule>> RulesAsync(int agencyId, CancellationToken cancellationToken = default) =>
        (await db.DisclosureRules.AsNoTracking().Where(r => r.AgencyId == agencyId).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.IssuedOn).ThenByDescending(r => r.Id).Select(ToRule).ToList();

    public async Task<DisclosureRule?> RuleAsync(int agencyId, long id, CancellationToken cancellationToken = default) =>
        await db.DisclosureRules.AsNoTracking().SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Id == id, cancellationToken) is { } r
            ? ToRule(r)
            : null;

    public async Task<DisclosureRule> AddRuleAsync(int agencyId, DisclosureRuleText text, CancellationToken cancellationToken = default)
    {
        var record = new DisclosureRuleRecord { AgencyId = agencyId, Title = text.Title, Body = text.Body };
        Apply(record, text);
        db.DisclosureRules.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return ToRule(record);
    }

    /// <summary>Replaces a rule's text; null when the agency has no such rule.</summary>
    public async Task<DisclosureRule?> UpdateRuleAsync(int agencyId, long id, DisclosureRuleText text, CancellationToken cancellationToken = default)
    {
        var record = await db.DisclosureRules.SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        Apply(record, text);
        await db.SaveChangesAsync(cancellationToken);
        return ToRule(record);
    }

    /// <summary>Deletes a rule; false when the agency has no such rule.</summary>
    public async Task<bool> RemoveRuleAsync(int agencyId, long id, CancellationToken cancellationToken = default) =>
        await db.DisclosureRules.Where(r => r.AgencyId == agencyId && r.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private void Apply(DisclosureRuleRecord record, DisclosureRuleText text)
    {
        record.Title = text.Title;
        record.DocumentNumber = text.DocumentNumber;
        record.IssuedOn = text.IssuedOn;
        record.Body = text.Body;
        record.UpdatedAt = clock.GetUtcNow();
    }

    private static DisclosureRule ToRule(DisclosureRuleRecord r) => new(r.Id, r.Title, r.DocumentNumber, r.IssuedOn, r.Body, r.UpdatedAt);
}
