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

        Assert.Equal(7, expected.Select(c => c[..c.IndexOf('.', StringComparison.Ordinal)]).Distinct().Count());
        Assert.Equal(expected, actual);
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
