using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<AgencyRecord>
{
    public void Configure(EntityTypeBuilder<AgencyRecord> b)
    {
        b.ToTable("agencies");
        b.Property(a => a.Code).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Uscc).HasMaxLength(18);
        b.Property(a => a.UpdatedBy).HasMaxLength(200);
        b.Property(a => a.LastChange).HasMaxLength(500);
        b.HasIndex(a => a.Code).IsUnique();
        b.HasIndex(a => a.Name).IsUnique();
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<DepartmentRecord>
{
    public void Configure(EntityTypeBuilder<DepartmentRecord> b)
    {
        b.ToTable("departments");
        b.Property(d => d.Name).HasMaxLength(200);
        b.HasIndex(d => new { d.AgencyId, d.Name }).IsUnique();
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> b)
    {
        b.ToTable("cases");
        b.Property(c => c.Number).HasMaxLength(64);
        b.Property(c => c.QueryCodeHash).HasMaxLength(64);
        b.Property(c => c.ApplicantType).HasMaxLength(32);
        b.Property(c => c.ApplicantName).HasMaxLength(200);
        b.Property(c => c.ApplicantIdNumber).HasMaxLength(64);
        b.Property(c => c.ApplicantContact).HasMaxLength(500);
        b.Property(c => c.Channel).HasMaxLength(32);
        b.Property(c => c.RequestedForm).HasMaxLength(500);
        b.Property(c => c.Status).HasMaxLength(32);
        b.Property(c => c.Outcome).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.AgencyId, c.Number }).IsUnique();
        b.HasIndex(c => new { c.AgencyId, c.ReceivedOn });
        b.HasIndex(c => new { c.AgencyId, c.ClosedOn });
        b.HasIndex(c => new { c.AgencyId, c.ReceivedOn, c.ClosedOn, c.ApplicantType, c.Outcome });
        b.HasIndex(c => new { c.AgencyId, c.Status, c.ReplyDue });
        b.HasIndex(c => new { c.AgencyId, c.HandlerId });
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DepartmentRecord>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEventRecord>
{
    public void Configure(EntityTypeBuilder<CaseEventRecord> b)
    {
        b.ToTable("case_events");
        b.Property(e => e.Type).HasMaxLength(64);
        b.Property(e => e.Actor).HasMaxLength(200);
        b.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewLitigationConfiguration : IEntityTypeConfiguration<ReviewLitigationRecord>
{
    public void Configure(EntityTypeBuilder<ReviewLitigationRecord> b)
    {
        b.ToTable("review_litigation");
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.Reference).HasMaxLength(200);
        b.Property(r => r.Outcome).HasMaxLength(16);
        b.HasIndex(r => new { r.AgencyId, r.FiledOn });
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReportRecord>
{
    public void Configure(EntityTypeBuilder<AnnualReportRecord> b)
    {
        b.ToTable("annual_reports");
        b.Property(r => r.Status).HasMaxLength(16);
        b.HasIndex(r => new { r.AgencyId, r.Year }).IsUnique();
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RuleSettingConfiguration : IEntityTypeConfiguration<RuleSettingRecord>
{
    public void Configure(EntityTypeBuilder<RuleSettingRecord> b)
    {
        b.ToTable("rule_settings");
        b.HasKey(r => r.Key);
        b.Property(r => r.Key).HasMaxLength(64);
        b.Property(r => r.Value).HasMaxLength(64);
        b.Property(r => r.UpdatedBy).HasMaxLength(200);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> b)
    {
        b.ToTable("calendar_years");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.AddedBy).HasMaxLength(200);
    }
}

internal sealed class ReportUploadConfiguration : IEntityTypeConfiguration<ReportUploadRecord>
{
    public void Configure(EntityTypeBuilder<ReportUploadRecord> b)
    {
        b.ToTable("report_uploads");
        b.Property(u => u.Batch).HasMaxLength(64);
        b.Property(u => u.FileName).HasMaxLength(500);
        b.Property(u => u.AgencyName).HasMaxLength(200);
        b.Property(u => u.UploadedBy).HasMaxLength(200);
        b.HasIndex(u => u.Batch);
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(u => u.SupervisingAgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
