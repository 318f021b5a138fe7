using Gongkai.Data;
using Gongkai.TestSupport;
using Gongkai.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>The staff accounts' context maps exactly the staff_* tables the schema scripts create.</summary>
public class StaffSchemaTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Schema_HasEveryStaffTableAndColumnOfTheIdentityModel_AndNoOthers(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var staff = StaffDbContext.Open(db.Settings);

        var expected = staff.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var sql = provider == DatabaseProvider.PostgreSql
            ? "SELECT table_name || '.' || column_name AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'staff%'"
            : "SELECT m.name || '.' || p.name AS Value FROM pragma_table_list m JOIN pragma_table_info(m.name) p WHERE m.schema = 'main' AND m.type = 'table' AND m.name LIKE 'staff%'";
        var actual = (await staff.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(8, expected.Select(c => c[..c.IndexOf('.', StringComparison.Ordinal)]).Distinct().Count());
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrade_FromSchema11_EachUsersRolesBecomeMembershipsInTheirAgencyOrTheRoot(DatabaseProvider provider)
    {
        using var db = TestDatabase.Empty(provider);
        await SchemaMigrator.MigrateAsync(db.Settings, targetVersion: 11);
        await using (var context = db.Open())
        {
            // The root government has id 2 (no parent); agency 1 is a department below it: the root is not the lowest id.
            string[] statements =
            [
                "INSERT INTO agencies (id, code, name, kind, parent_id, created_at) VALUES (2, 'sfx', '示范县人民政府', 'government', NULL, '2026-01-01 00:00:00+00:00')",
                "INSERT INTO agencies (id, code, name, kind, parent_id, created_at) VALUES (1, 'wjj', '县卫生健康局', 'department', 2, '2026-01-01 00:00:00+00:00')",
                "INSERT INTO staff_roles (id, name, normalized_name) VALUES ('r-off', 'officer', 'OFFICER'), ('r-lead', 'leader', 'LEADER'), ('r-adm', 'administrator', 'ADMINISTRATOR')",
                "INSERT INTO staff_users (id, display_name, agency_id, disabled, created_at, user_name, email_confirmed, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) VALUES "
                    + "('u-wang', '王芳', 1, false, '2026-01-01 00:00:00+00:00', 'wang', false, false, false, true, 0), "
                    + "('u-admin', '管理员', NULL, false, '2026-01-01 00:00:00+00:00', 'admin', false, false, false, true, 0), "
                    + "('u-none', '无角色', 1, false, '2026-01-01 00:00:00+00:00', 'none', false, false, false, true, 0)",
                "INSERT INTO staff_user_roles (user_id, role_id) VALUES ('u-wang', 'r-off'), ('u-wang', 'r-lead'), ('u-admin', 'r-adm')",
            ];
            foreach (var sql in statements)
            {
                await context.Database.ExecuteSqlRawAsync(sql);
            }
        }

        var applied = await SchemaMigrator.MigrateAsync(db.Settings);

        Assert.Contains(13, applied);
        await using var staff = StaffDbContext.Open(db.Settings);
        var memberships = (await staff.Memberships.AsNoTracking().ToListAsync())
            .Select(m => $"{m.UserId}@{m.AgencyId}:{m.Role}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["u-admin@2:administrator", "u-wang@1:leader", "u-wang@1:officer"], memberships);
        Assert.Equal(3, await staff.Users.CountAsync());
    }

    [Fact]
    public void LayersBelowTheWebApp_ReferenceNoAspNetCore()
    {
        var assemblies = new[] { typeof(GongkaiDbContext).Assembly, typeof(Gongkai.Domain.Results.Error).Assembly, typeof(Gongkai.Documents.Rendering.HtmlReportRenderer).Assembly, typeof(Gongkai.Application.ApplicationServices).Assembly };

        var aspNetCore = assemblies.SelectMany(a => a.GetReferencedAssemblies().Select(r => $"{a.GetName().Name} → {r.Name}"))
            .Where(r => r.Contains("Microsoft.AspNetCore", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(aspNetCore);
    }
}
