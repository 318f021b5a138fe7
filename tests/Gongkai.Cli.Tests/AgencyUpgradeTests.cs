using Gongkai.Data;
using Gongkai.Data.Records;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests;

/// <summary>
/// Upgrade in place (issue #12): an installation made by schema 11, with its one agency and its records, upgrades intact;
/// the administrator then keeps it as the root or puts a new government above it.
/// </summary>
public class AgencyUpgradeTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Schema11Database_Upgrades_RecordsIntact_ThenMovedUnderANewRoot(DatabaseProvider provider)
    {
        using var dir = new TempDir();
        var settings = provider == DatabaseProvider.Sqlite ? DatabaseSettings.SqliteFile(dir.File("g.db")) : PostgresServer.Instance.CreateDatabase();
        string[] db = provider == DatabaseProvider.Sqlite ? ["--db", dir.File("g.db")] : ["--connection", settings.ConnectionString];
        await SchemaMigrator.MigrateAsync(settings, targetVersion: 11);
        await using (var context = settings.Open())
        {
            // The agency as schema 11 wrote it (a generated code, as `agencies add NAME` made them), then its records.
            await context.Database.ExecuteSqlAsync($"INSERT INTO agencies (code, name, kind, created_at) VALUES ({"GK0001"}, {"某区卫生健康局"}, {"department"}, {DateTimeOffset.UnixEpoch})");
            var agencyId = await context.Database.SqlQuery<int>($"SELECT id AS \"Value\" FROM agencies").SingleAsync();
            // Written by SQL: the model has columns added after schema 11 (cases.handler_id, schema 18).
            await context.Database.ExecuteSqlAsync($"INSERT INTO cases (agency_id, number, applicant_type, applicant_name, channel, request, received_on, status, reply_due, version, created_at) VALUES ({agencyId}, {"2025-0001"}, {"naturalPerson"}, {"王小明"}, {"online"}, {"某项信息"}, {new DateOnly(2025, 3, 3)}, {"open"}, {new DateOnly(2025, 3, 31)}, {0}, {DateTimeOffset.UnixEpoch})");
            context.AnnualReports.Add(new AnnualReportRecord { AgencyId = agencyId, Year = 2024, Json = "{}", Status = "published", UpdatedAt = DateTimeOffset.UnixEpoch, PublishedAt = DateTimeOffset.UnixEpoch });
            await context.SaveChangesAsync();
        }

        // Any command upgrades the schema first; the one agency is still there, a root, with its generated code.
        var listed = CliRun.InProcess(["agencies", "list", .. db]);
        Assert.Equal(0, listed.ExitCode);
        Assert.Equal("GK0001\t某区卫生健康局\t政府部门", listed.Out.Trim());
        Assert.Equal(SchemaMigrator.LatestVersion(provider), await SchemaMigrator.CurrentVersionAsync(settings));

        // The administrator's choice: a new root government, and the old agency moved under it.
        Assert.Equal(0, CliRun.InProcess(["agencies", "add", "--code", "mq", "--name", "某区人民政府", "--kind", "government", .. db]).ExitCode);
        var moved = CliRun.InProcess(["agencies", "move", "GK0001", "--parent", "mq", .. db]);
        var removed = CliRun.InProcess(["agencies", "remove", "某区卫生健康局", .. db]);

        Assert.Equal(0, moved.ExitCode);
        Assert.Equal(["mq\t某区人民政府\t人民政府", "  GK0001\t某区卫生健康局\t政府部门"],
            CliRun.InProcess(["agencies", "list", .. db]).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal(2, removed.ExitCode);
        Assert.Contains("已有1件申请、1份年度报告，不能删除，请改为归档", removed.Error, StringComparison.Ordinal);
        await using (var context = settings.Open())
        {
            var agency = await context.Agencies.SingleAsync(a => a.Code == "GK0001");
            var kept = await context.Cases.SingleAsync();
            Assert.Equal((agency.Id, "王小明", new DateOnly(2025, 3, 31)), (kept.AgencyId, kept.ApplicantName, kept.ReplyDue));
            Assert.Equal(agency.Id, (await context.AnnualReports.SingleAsync()).AgencyId);
            Assert.Equal(("department", null, 2), (agency.Kind, agency.ArchivedAt, agency.Version));
        }
    }
}
