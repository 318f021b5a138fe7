using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.TestSupport;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

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
    private readonly TimeProvider? _clock;
    private bool _disposed;

    /// <summary>An app on a new database.</summary>
    public GongkaiApp(DatabaseProvider provider, IDictionary<string, string?>? settings = null)
        : this(TestDatabase.Empty(provider), ownsDatabase: true, settings)
    {
    }

    /// <summary>An app on a new database whose clock is <paramref name="clock"/> (tests move it: reminders, deadlines).</summary>
    public GongkaiApp(DatabaseProvider provider, IDictionary<string, string?>? settings, TimeProvider clock)
        : this(TestDatabase.Empty(provider), ownsDatabase: true, settings, clock)
    {
    }

    private GongkaiApp(TestDatabase database, bool ownsDatabase, IDictionary<string, string?>? settings, TimeProvider? clock = null)
    {
        _clock = clock;
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

    /// <summary>A second instance on the same database (as behind a load balancer), with these settings and the same clock.</summary>
    public GongkaiApp SecondInstance(IDictionary<string, string?>? settings = null) => new(Database, ownsDatabase: false, settings, _clock);

    /// <summary>
    /// An agency below the root government, as the agency tree's pages add one for an administrator; this instance then
    /// reads the list of agencies again, as those pages make it.
    /// </summary>
    public async Task<AgencyRecord> AddAgencyAsync(string code, string name, string kind = "department")
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var root = await scope.ServiceProvider.GetRequiredService<AgencyList>().RootAsync();
        var agency = new AgencyRecord { Code = code, Name = name, Kind = kind, ParentId = root.Id, CreatedAt = Services.GetRequiredService<TimeProvider>().GetUtcNow() };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        AgencyList.Evict(scope.ServiceProvider.GetRequiredService<IMemoryCache>());
        return agency;
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public StaffClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
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
