using Gongkai.Data;
using Gongkai.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests.Support;

/// <summary>
/// Gongkai's web application in the test process, on a fresh database of either provider (a SQLite file or a new
/// PostgreSQL database), given to the app through configuration exactly as an operator would.
/// </summary>
public sealed class GongkaiApp : WebApplicationFactory<Program>
{
    /// <summary>The first administrator's password (GONGKAI_ADMIN_PASSWORD).</summary>
    public const string AdminPassword = "admin-pass-2024";

    private readonly TestDatabase? _ownDatabase;
    private readonly Dictionary<string, string?> _settings;
    private bool _disposed;

    /// <summary>An app on a new database.</summary>
    public GongkaiApp(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
        : this(TestDatabase.Empty(provider), ownsDatabase: true, settings)
    {
    }

    private GongkaiApp(TestDatabase database, bool ownsDatabase, IDictionary<string, string?>? settings)
    {
        Database = database;
        _ownDatabase = ownsDatabase ? database : null;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = database.Settings.Provider.ToString(),
            ["ConnectionStrings:Gongkai"] = database.Settings.ConnectionString,
            ["GONGKAI_ADMIN_PASSWORD"] = AdminPassword,
        };

        // Tests start from the demo health bureau alone (one agency, the root) unless they ask for the demo government.
        _settings.TryAdd("Demo:Government", "false");
        // Tests write rows and search at once: the site search reads the change log before every search (ADR 0013).
        _settings.TryAdd("Search:RefreshMilliseconds", "0");
    }

    public TestDatabase Database { get; }

    /// <summary>A second instance on the same database (as behind a load balancer).</summary>
    public GongkaiApp SecondInstance(IDictionary<string, string?>? settings = null) => new(Database, ownsDatabase: false, settings);

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public StaffClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // WebApplicationFactory may call this more than once.
        if (disposing && !_disposed)
        {
            _disposed = true;
            _ownDatabase?.Dispose();
        }
    }
}
