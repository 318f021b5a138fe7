using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequestRecord>
{
    public void Configure(EntityTypeBuilder<ExtensionRequestRecord> b)
    {
        b.ToTable("case_extension_requests");
        b.Property(r => r.Status).HasConversion(
            s => s == ExtensionRequestStatus.Pending ? "pending" : s == ExtensionRequestStatus.Approved ? "approved" : "refused",
            s => s == "pending" ? ExtensionRequestStatus.Pending : s == "approved" ? ExtensionRequestStatus.Approved : ExtensionRequestStatus.Refused);
        b.HasIndex(r => new { r.CaseId, r.Status });
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OnlineApplicationConfiguration : IEntityTypeConfiguration<OnlineApplicationRecord>
{
    public void Configure(EntityTypeBuilder<OnlineApplicationRecord> b)
    {
        b.ToTable("online_applications");
        b.HasIndex(a => new { a.AgencyId, a.Number }).IsUnique();
        b.HasIndex(a => new { a.AgencyId, a.IdempotencyKey }).IsUnique();
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NoticeTemplateConfiguration : IEntityTypeConfiguration<NoticeTemplateRecord>
{
    public void Configure(EntityTypeBuilder<NoticeTemplateRecord> b)
    {
        b.ToTable("notice_templates");
        b.HasIndex(t => new { t.AgencyId, t.Kind }).IsUnique();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseNoticeConfiguration : IEntityTypeConfiguration<CaseNoticeRecord>
{
    public void Configure(EntityTypeBuilder<CaseNoticeRecord> b)
    {
        b.ToTable("case_notices");
        b.HasIndex(n => n.CaseId);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseReplyConfiguration : IEntityTypeConfiguration<CaseReplyRecord>
{
    public void Configure(EntityTypeBuilder<CaseReplyRecord> b)
    {
        b.ToTable("case_replies");
        b.HasKey(r => r.CaseId);
        b.Property(r => r.CaseId).ValueGeneratedNever();
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseReplyDocumentConfiguration : IEntityTypeConfiguration<CaseReplyDocumentRecord>
{
    public void Configure(EntityTypeBuilder<CaseReplyDocumentRecord> b)
    {
        b.ToTable("case_reply_documents");
        b.HasIndex(d => d.CaseId);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseNumberSequenceConfiguration : IEntityTypeConfiguration<CaseNumberSequenceRecord>
{
    public void Configure(EntityTypeBuilder<CaseNumberSequenceRecord> b)
    {
        b.ToTable("case_number_sequences");
        b.HasKey(s => new { s.AgencyId, s.Year, s.Series });
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServerSecretConfiguration : IEntityTypeConfiguration<ServerSecretRecord>
{
    public void Configure(EntityTypeBuilder<ServerSecretRecord> b)
    {
        b.ToTable("server_secrets");
        b.HasKey(s => s.Name);
    }
}

internal sealed class CaseSupplementConfiguration : IEntityTypeConfiguration<CaseSupplementRecord>
{
    public void Configure(EntityTypeBuilder<CaseSupplementRecord> b)
    {
        b.ToTable("case_supplements");
        b.HasIndex(s => s.CaseId);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseSupplementFileConfiguration : IEntityTypeConfiguration<CaseSupplementFileRecord>
{
    public void Configure(EntityTypeBuilder<CaseSupplementFileRecord> b)
    {
        b.ToTable("case_supplement_files");
        b.HasIndex(f => f.SupplementId);
        b.HasOne<CaseSupplementRecord>().WithMany(s => s.Files).HasForeignKey(f => f.SupplementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MailOutboxConfiguration : IEntityTypeConfiguration<MailOutboxRecord>
{
    public void Configure(EntityTypeBuilder<MailOutboxRecord> b)
    {
        b.ToTable("mail_outbox");
        b.HasIndex(m => new { m.SentAt, m.AvailableAtMs });
    }
}

internal sealed class MailOutboxAttachmentConfiguration : IEntityTypeConfiguration<MailOutboxAttachmentRecord>
{
    public void Configure(EntityTypeBuilder<MailOutboxAttachmentRecord> b)
    {
        b.ToTable("mail_outbox_attachments");
        b.HasIndex(a => a.MessageId);
        b.HasOne<MailOutboxRecord>().WithMany(m => m.Attachments).HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
