using System.Text;
using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>
/// Gongkai's database: the same model on SQLite and PostgreSQL; the schema comes from <see cref="SchemaMigrator"/>.
/// The same database holds the staff accounts (the <c>staff_*</c> tables), which the web application maps with a
/// context of its own (ASP.NET Core Identity), so that nothing here depends on ASP.NET Core.
/// </summary>
public sealed class GongkaiDbContext(DbContextOptions<GongkaiDbContext> options) : DbContext(options)
{
    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();

    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();

    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<CaseEventRecord> CaseEvents => Set<CaseEventRecord>();

    public DbSet<ReviewLitigationRecord> ReviewLitigation => Set<ReviewLitigationRecord>();

    public DbSet<AnnualReportRecord> AnnualReports => Set<AnnualReportRecord>();

    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    public DbSet<RuleSettingRecord> RuleSettings => Set<RuleSettingRecord>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    /// <summary>Staff members' display names, read-only (the accounts themselves belong to the web application).</summary>
    public DbSet<StaffNameRecord> StaffNames => Set<StaffNameRecord>();

    /// <summary>审核岗位 per agency (schema 0020).</summary>
    public DbSet<ReviewDutyRecord> ReviewDuties => Set<ReviewDutyRecord>();

    public DbSet<AgencyGuideRecord> AgencyGuides => Set<AgencyGuideRecord>();

    public DbSet<ExtensionRequestRecord> ExtensionRequests => Set<ExtensionRequestRecord>();

    public DbSet<OnlineApplicationRecord> OnlineApplications => Set<OnlineApplicationRecord>();

    public DbSet<NoticeTemplateRecord> NoticeTemplates => Set<NoticeTemplateRecord>();

    public DbSet<CaseNoticeRecord> CaseNotices => Set<CaseNoticeRecord>();

    public DbSet<CaseSupplementRecord> CaseSupplements => Set<CaseSupplementRecord>();

    public DbSet<CaseSupplementFileRecord> CaseSupplementFiles => Set<CaseSupplementFileRecord>();

    public DbSet<MailOutboxRecord> MailOutbox => Set<MailOutboxRecord>();

    public DbSet<MailOutboxAttachmentRecord> MailOutboxAttachments => Set<MailOutboxAttachmentRecord>();
    public DbSet<CaseReplyRecord> CaseReplies => Set<CaseReplyRecord>();

    public DbSet<CaseReplyDocumentRecord> CaseReplyDocuments => Set<CaseReplyDocumentRecord>();

    public DbSet<DisclosureSettingsRecord> DisclosureSettings => Set<DisclosureSettingsRecord>();

    public DbSet<CatalogCategoryRecord> CatalogCategories => Set<CatalogCategoryRecord>();

    public DbSet<CatalogItemRecord> CatalogItems => Set<CatalogItemRecord>();

    public DbSet<CatalogItemEventRecord> CatalogItemEvents => Set<CatalogItemEventRecord>();

    public DbSet<CatalogAttachmentRecord> CatalogAttachments => Set<CatalogAttachmentRecord>();

    public DbSet<NormativeDocumentRecord> NormativeDocuments => Set<NormativeDocumentRecord>();

    public DbSet<Article20FigureRecord> Article20Figures => Set<Article20FigureRecord>();

    /// <summary>Bulk-uploaded published reports awaiting the supervising office's confirmation (schema 14).</summary>
    public DbSet<ReportUploadRecord> ReportUploads => Set<ReportUploadRecord>();
    /// <summary>The footer of the public pages (schema 0017).</summary>
    public DbSet<SiteSettingsRecord> SiteSettings => Set<SiteSettingsRecord>();

    /// <summary>Each agency's 政府信息公开制度 (schema 0017).</summary>
    public DbSet<DisclosureRuleRecord> DisclosureRules => Set<DisclosureRuleRecord>();

    /// <summary>Who works for which agency in which role, read-only (schema 0013; the web application writes it).</summary>
    public DbSet<StaffMembershipRecord> StaffMemberships => Set<StaffMembershipRecord>();

    /// <summary>Each agency's 提前提醒的工作日数 (schema 0018).</summary>
    public DbSet<ReminderSettingsRecord> ReminderSettings => Set<ReminderSettingsRecord>();

    /// <summary>The daily reminder digests sent, one row per day: the lock that lets one instance send them (schema 0018).</summary>
    public DbSet<ReminderDigestRecord> ReminderDigests => Set<ReminderDigestRecord>();

    /// <summary>Turns <c>ReceivedOn</c> into <c>received_on</c>: the schema scripts use snake_case on both providers.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsUpper(ch))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The naming both contexts on this database follow (the schema scripts'): snake_case columns, <c>pk_</c>,
    /// <c>ix_</c> and <c>fk_</c> names from the table and columns.
    /// </summary>
    public static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName($"pk_{entity.GetTableName()}");
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => SnakeCase(p.Name)))}");
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName($"fk_{entity.GetTableName()}_{string.Join("_", fk.Properties.Select(p => SnakeCase(p.Name)))}");
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
        ApplySnakeCaseNames(modelBuilder);
    }
}
