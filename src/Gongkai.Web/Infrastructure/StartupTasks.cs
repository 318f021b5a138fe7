using System.Security.Cryptography;
using Gongkai.Data;
using Gongkai.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>What the web application does before it serves: schema, demo data, roles and the first administrator.</summary>
public static class StartupTasks
{
    /// <summary>The first administrator's user name.</summary>
    public const string AdministratorUserName = "admin";

    /// <summary>The demo supervisor (监督, read-only over the whole government) created with demo data.</summary>
    public const string DemoSupervisorUserName = "jiandu";

    /// <summary>The demo 公开办 officer of the agency with code <see cref="DemoOfficerAgencyCode"/> (when there is one).</summary>
    public const string DemoOfficerUserName = "wjj";

    /// <summary>The code of the demo health bureau (县卫生健康局).</summary>
    public const string DemoOfficerAgencyCode = "wjj";

    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Migrates the schema (<see cref="SchemaMigrator"/>), then in one serialised transaction seeds the demo agency
    /// and creates the roles and the first administrator. Several instances may start at once: PostgreSQL takes an
    /// advisory lock, SQLite an immediate transaction. The administrator's password (GONGKAI_ADMIN_PASSWORD or a
    /// generated one) goes to the console once, never to the log.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var lifetime = app.Lifetime;
        await SchemaMigrator.MigrateAsync(settings, clock: clock, cancellationToken: lifetime.ApplicationStopping);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var staff = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            bool seeded;
            await using (var transaction = await db.Database.BeginTransactionAsync(lifetime.ApplicationStopping))
            {
                await LockAsync(db, settings, lifetime.ApplicationStopping);
                seeded = await DemoData.SeedAsync(db, clock, app.Configuration.GetValue("Demo:Government", true), lifetime.ApplicationStopping);
                await transaction.CommitAsync(lifetime.ApplicationStopping);
            }

            // The staff accounts live in their own context (StaffDbContext) on the same database: a second short
            // transaction, serialised like the first.
            // The first administrator administers the root government (no parent, lowest id): every agency below it.
            var firstAgency = await db.Agencies.Where(a => a.ParentId == null).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(lifetime.ApplicationStopping)
                ?? await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(lifetime.ApplicationStopping);
            var officerAgency = await db.Agencies.Where(a => a.Code == DemoOfficerAgencyCode).Select(a => (int?)a.Id).FirstOrDefaultAsync(lifetime.ApplicationStopping);
            string? created;
            IReadOnlyList<(string UserName, string DisplayName, string Password)> demoAccounts = [];
            await using (var transaction = await staff.Database.BeginTransactionAsync(lifetime.ApplicationStopping))
            {
                await LockAsync(staff, settings, lifetime.ApplicationStopping);
                foreach (var role in StaffRoles.All)
                {
                    if (!await roles.RoleExistsAsync(role))
                    {
                        Check(await roles.CreateAsync(new IdentityRole(role)));
                    }
                }

                created = await EnsureAdministratorAsync(staff, users, firstAgency, clock, app.Configuration["GONGKAI_ADMIN_PASSWORD"]);
                if (created is not null && seeded && app.Configuration.GetValue("Demo:Accounts", true))
                {
                    demoAccounts = await CreateDemoAccountsAsync(users, staff, firstAgency, officerAgency, clock);
                }

                await transaction.CommitAsync(lifetime.ApplicationStopping);
            }

            var demoTime = System.Diagnostics.Stopwatch.StartNew();
            if (seeded && app.Configuration.GetValue("Demo:Cases", true))
            {
                // After the commit: the case store and the ledger import keep their own transactions.
                await DemoCases.SeedAsync(db, clock, lifetime.ApplicationStopping);
            }

            if (seeded && app.Configuration.GetValue("Demo:Catalog", true))
            {
                await DemoCatalog.SeedAsync(db, clock, lifetime.ApplicationStopping);
                await Gongkai.Web.Portal.DemoPortal.SeedAsync(db, clock, lifetime.ApplicationStopping);
            }

            if (seeded && app.Configuration.GetValue("Demo:Government", true))
            {
                // The rest of the demo government: two years of records for each department and town, in bulk.
                await Gongkai.Data.Demo.DemoGovernment.SeedRecordsAsync(db, clock, app.Configuration.GetValue("Demo:Cases", true),
                    app.Configuration.GetValue("Demo:Catalog", true), lifetime.ApplicationStopping, DemoCatalog.Attachment);
                app.Logger.LogInformation("Demo records seeded in {Seconds:F1} s", demoTime.Elapsed.TotalSeconds);
            }

            if (created is { } password)
            {
                var fromEnvironment = app.Configuration["GONGKAI_ADMIN_PASSWORD"] is { Length: > 0 };
                Console.WriteLine("Gongkai 首次启动：已创建示范县人民政府（机关树见 /staff/admin/agencies）和管理员账号");
                Console.WriteLine($"  用户名：{AdministratorUserName}");
                Console.WriteLine(fromEnvironment ? "  密码：  环境变量 GONGKAI_ADMIN_PASSWORD 的值" : $"  密码：  {password}（只显示这一次，首次登录后须修改）");
                foreach (var (userName, displayName, demoPassword) in demoAccounts)
                {
                    Console.WriteLine($"示范账号：{displayName}");
                    Console.WriteLine($"  用户名：{userName}");
                    Console.WriteLine($"  密码：  {demoPassword}（只显示这一次，首次登录后须修改）");
                }
            }
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"Gongkai 已启动：门户 {address}/  工作人员后台 {address}/staff（{settings.Describe()}）");
            }
        });
    }

    /// <summary>Serialises start-up work of several instances: PostgreSQL's advisory lock (SQLite's transactions are immediate).</summary>
    private static async Task LockAsync(Microsoft.EntityFrameworkCore.DbContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            await context.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4711002);", cancellationToken);
        }
    }

    private static async Task<string?> EnsureAdministratorAsync(StaffDbContext staff, UserManager<StaffUser> users, int agencyId, TimeProvider clock, string? configuredPassword)
    {
        if (await staff.Users.AnyAsync())
        {
            return null;
        }

        var password = configuredPassword is { Length: > 0 } ? configuredPassword : GeneratePassword();
        var admin = new StaffUser
        {
            UserName = AdministratorUserName,
            DisplayName = "系统管理员",
            AgencyId = agencyId,
            CreatedAt = clock.GetUtcNow(),
            // A generated password was printed to the console: its reader chooses their own at first sign-in.
            MustChangePassword = configuredPassword is not { Length: > 0 },
        };
        Check(await users.CreateAsync(admin, password));
        staff.Memberships.Add(new StaffMembership { UserId = admin.Id, AgencyId = agencyId, Role = StaffRoles.Administrator });
        await staff.SaveChangesAsync();
        return password;
    }

    /// <summary>
    /// With the demo data: a supervisor of the root government (read-only over every agency below it) and a 公开办
    /// officer of the health bureau, when the demo government has one. Generated passwords, printed with the
    /// administrator's, to be changed at the first sign-in.
    /// </summary>
    private static async Task<IReadOnlyList<(string, string, string)>> CreateDemoAccountsAsync(UserManager<StaffUser> users, StaffDbContext staff, int rootId, int? officerAgency, TimeProvider clock)
    {
        var accounts = new List<(string, string, string)>();
        async Task AddAsync(string userName, string displayName, int agencyId, string role)
        {
            var password = GeneratePassword();
            var user = new StaffUser { UserName = userName, DisplayName = displayName, AgencyId = agencyId, CreatedAt = clock.GetUtcNow(), MustChangePassword = true };
            Check(await users.CreateAsync(user, password));
            staff.Memberships.Add(new StaffMembership { UserId = user.Id, AgencyId = agencyId, Role = role });
            await staff.SaveChangesAsync();
            accounts.Add((userName, displayName, password));
        }

        await AddAsync(DemoSupervisorUserName, "县政务公开办监督员", rootId, StaffRoles.Supervisor);
        if (officerAgency is { } id)
        {
            await AddAsync(DemoOfficerUserName, "县卫生健康局公开办", id, StaffRoles.DisclosureOfficer);
        }

        return accounts;
    }

    /// <summary>A random password of 16 letters and digits (at least one of each), without look-alike characters.</summary>
    public static string GeneratePassword()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(PasswordAlphabet, 16);
            if (chars.Any(char.IsDigit) && chars.Any(char.IsLetter))
            {
                return new string(chars);
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("启动时创建账号或角色失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
