using System.Xml.Linq;
using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring in the database (table <c>data_protection_keys</c>), so that every instance
/// reads the same keys and a restart does not sign everyone out or break antiforgery tokens.
/// (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore is not on the mirror; this is its small equivalent.)
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
