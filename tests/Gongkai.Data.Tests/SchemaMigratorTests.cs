using System.Data.Common;
using Gongkai.Data.Records;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

public class SchemaMigratorTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_EmptyDatabase_AppliesEveryScriptInOrder(DatabaseProvider provider)
    {
        using var db = TestDatabase.Empty(provider);

        var applied = await SchemaMigrator.MigrateAsync(db.Settings);

        Assert.Equal(SchemaMigrator.Scripts(provider).Select(s => s.Version), applied);
        Assert.Equal(SchemaMigrator.LatestVersion(provider), await SchemaMigrator.CurrentVersionAsync(db.Settings));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_SecondTime_AppliesNothing(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);

        var applied = await SchemaMigrator.MigrateAsync(db.Settings);

        Assert.Empty(applied);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_ScriptNumberedBelowOneAlreadyApplied_StillRuns(DatabaseProvider provider)
    {
        using var db = TestDatabase.Empty(provider);
        await SchemaMigrator.MigrateAsync(db.Settings, targetVersion: 2);
        var latest = SchemaMigrator.LatestVersion(provider);
        await using (var context = db.Open())
        {
            // As if a branch with a higher-numbered script had been merged and applied first.
            await context.Database.ExecuteSqlAsync($"INSERT INTO schema_version (version, description, applied_at) VALUES ({latest + 1}, {"later"}, {"2026-01-01"})");
        }

        var applied = await SchemaMigrator.MigrateAsync(db.Settings);

        Assert.Equal(SchemaMigrator.Scripts(provider).Select(s => s.Version).Where(v => v > 2), applied);
    }

    [Fact]
    public void Scripts_BothProviders_HaveTheSameVersions()
    {
        Assert.Equal(
            SchemaMigrator.Scripts(DatabaseProvider.Sqlite).Select(s => (s.Version, s.Description)),
            SchemaMigrator.Scripts(DatabaseProvider.PostgreSql).Select(s => (s.Version, s.Description)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrade_FromVersion1_KeepsTheDataAndMakesHistoryAppendOnly(DatabaseProvider provider)
    {
        using var db = TestDatabase.Empty(provider);
        await SchemaMigrator.MigrateAsync(db.Settings, targetVersion: 1);
        long eventId;
        await using (var context = db.Open())
        {
            // Written as schema 1 had it (the model of today has columns schema 1 lacks).
            await context.Database.ExecuteSqlAsync($"INSERT INTO agencies (code, name, kind, created_at) VALUES ({"GZPY-WJ"}, {"番禺区卫生健康局"}, {"department"}, {DateTimeOffset.UnixEpoch})");
            var agencyId = await context.Database.SqlQuery<int>($"SELECT id AS \"Value\" FROM agencies").SingleAsync();
            // The case row by SQL: today's model has columns (handler_id, schema 18) the version-1 table lacks.
            await context.Database.ExecuteSqlAsync($"INSERT INTO cases (agency_id, number, applicant_type, applicant_name, channel, request, received_on, status, reply_due, version, created_at) VALUES ({agencyId}, {"2020-0001"}, {"naturalPerson"}, {"王小明"}, {"online"}, {"关于“三安全一稳定”的信息"}, {new DateOnly(2020, 3, 9)}, {"open"}, {new DateOnly(2020, 4, 7)}, {0}, {DateTimeOffset.UnixEpoch})");
            var caseId = await context.Database.SqlQuery<long>($"SELECT id AS \"Value\" FROM cases").SingleAsync();
            var entry = new CaseEventRecord
            {
                CaseId = caseId,
                Sequence = 1,
                Type = "registered",
                OccurredOn = new DateOnly(2020, 3, 9),
                RecordedAt = DateTimeOffset.UnixEpoch,
                Actor = "公开办 张三",
                Payload = "{}",
            };
            context.CaseEvents.Add(entry);
            await context.SaveChangesAsync();
            eventId = entry.Id;
        }

        var applied = await SchemaMigrator.MigrateAsync(db.Settings);

        Assert.Equal(SchemaMigrator.Scripts(provider).Select(s => s.Version).Where(v => v > 1), applied);
        await using (var context = db.Open())
        {
            var kept = await context.Cases.SingleAsync();
            Assert.Equal("王小明", kept.ApplicantName);
            Assert.Equal(new DateOnly(2020, 3, 9), kept.ReceivedOn);
            var change = () => context.Database.ExecuteSqlAsync($"UPDATE case_events SET actor = {"someone else"} WHERE id = {eventId}");
            var error = await Assert.ThrowsAnyAsync<DbException>(change);
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
            var delete = () => context.Database.ExecuteSqlAsync($"DELETE FROM case_events WHERE id = {eventId}");
            await Assert.ThrowsAnyAsync<DbException>(delete);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Schema_HasEveryTableAndColumnOfTheModel_AndNoOthers(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.Open();

        var expected = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        // The staff_* tables belong to the web application's StaffDbContext (Identity); Web.Tests' StaffSchemaTests check
        // them whole. This model reads only the names of staff_users (StaffNameRecord): those columns must exist.
        var all = await Columns(context, provider);
        // search_changes (schema 0022) is written by triggers and read by the site search's index with plain SQL: not in the model.
        var actual = all.Where(c => !c.StartsWith("schema_version.", StringComparison.Ordinal) && !c.StartsWith("staff_", StringComparison.Ordinal)
                && !c.StartsWith("search_changes.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var staffNames = expected.Where(c => c.StartsWith("staff_", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            ["staff_memberships.agency_id", "staff_memberships.role", "staff_memberships.user_id", "staff_users.disabled", "staff_users.display_name", "staff_users.email", "staff_users.id", "staff_users.user_name"],
            staffNames);
        Assert.All(staffNames, c => Assert.Contains(c, all));
        Assert.Equal(expected.Except(staffNames), actual);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cases_ChineseTextAndDates_RoundTrip(DatabaseProvider provider)
    {
        using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.Open())
        {
            context.Agencies.Add(new AgencyRecord { Code = "A1", Name = "下城区卫生健康局", Kind = "department", CreatedAt = DateTimeOffset.UnixEpoch });
            await context.SaveChangesAsync();
            context.Cases.Add(NewCase(context.Agencies.Single().Id));
            await context.SaveChangesAsync();
        }

        await using (var context = db.Open())
        {
            var record = await context.Cases.SingleAsync(c => c.ReceivedOn >= new DateOnly(2020, 1, 1) && c.ApplicantName == "王小明");
            Assert.Equal("关于“三安全一稳定”的信息", record.Request);
            Assert.Equal(new DateOnly(2020, 4, 7), record.ReplyDue);
        }
    }

    [Fact]
    public async Task Sqlite_File_IsInWalMode()
    {
        using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.Open();

        var mode = await context.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    private static CaseRecord NewCase(int agencyId) => new()
    {
        AgencyId = agencyId,
        Number = "2020-0001",
        ApplicantType = "naturalPerson",
        ApplicantName = "王小明",
        Channel = "online",
        Request = "关于“三安全一稳定”的信息",
        ReceivedOn = new DateOnly(2020, 3, 9),
        Status = "open",
        ReplyDue = new DateOnly(2020, 4, 7),
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static async Task<List<string>> Columns(GongkaiDbContext context, DatabaseProvider provider)
    {
        var sql = provider == DatabaseProvider.PostgreSql
            ? "SELECT table_name || '.' || column_name AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema()"
            // pragma_table_list, not sqlite_master: the FTS5 search index (schema 0004) is a virtual table with shadow
            // tables, all "table" in sqlite_master but kept out of the EF model on purpose; only ordinary tables are compared.
            : "SELECT m.name || '.' || p.name AS Value FROM pragma_table_list m JOIN pragma_table_info(m.name) p WHERE m.schema = 'main' AND m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
        return await context.Database.SqlQueryRaw<string>(sql).ToListAsync();
    }
}
