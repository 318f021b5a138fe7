using System.Globalization;
using System.Xml.Linq;
using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>An Atom feed with nothing published yet still says truthfully when it last changed.</summary>
public class EmptyFeedTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Atom_NothingPublished_UpdatedIsWhenTheAgencyWasSetUp(DatabaseProvider provider)
    {
        using var app = new GongkaiApp(provider, new Dictionary<string, string?> { ["Demo:Cases"] = "false", ["Demo:Catalog"] = "false" });
        using var visitor = app.NewClient();
        var atom = XDocument.Parse(await visitor.GetHtmlAsync("/feed.atom"));
        DateTimeOffset created;
        await using (var db = app.Database.Open())
        {
            created = (await db.Agencies.OrderBy(a => a.Id).FirstAsync()).CreatedAt;
        }

        XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Empty(atom.Descendants(ns + "entry"));
        var updated = DateTimeOffset.Parse(atom.Root!.Element(ns + "updated")!.Value, CultureInfo.InvariantCulture);
        Assert.NotEqual(2000, updated.Year);
        Assert.Equal(TimeSpan.FromHours(8), updated.Offset);
        Assert.Equal(created.ToUnixTimeSeconds(), updated.ToUnixTimeSeconds());
    }
}
