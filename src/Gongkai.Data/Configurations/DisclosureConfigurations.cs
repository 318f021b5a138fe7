using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class DisclosureSettingsConfiguration : IEntityTypeConfiguration<DisclosureSettingsRecord>
{
    public void Configure(EntityTypeBuilder<DisclosureSettingsRecord> b)
    {
        b.ToTable("disclosure_settings");
        b.HasKey(s => s.AgencyId);
        b.Property(s => s.AgencyId).ValueGeneratedNever();
        b.Property(s => s.IndexPattern).HasMaxLength(200);
        b.Property(s => s.UpdatedBy).HasMaxLength(200);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<AgencyRecord>().WithOne().HasForeignKey<DisclosureSettingsRecord>(s => s.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CatalogCategoryConfiguration : IEntityTypeConfiguration<CatalogCategoryRecord>
{
    public void Configure(EntityTypeBuilder<CatalogCategoryRecord> b)
    {
        b.ToTable("catalog_categories");
        b.Property(c => c.Code).HasMaxLength(64);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.UpdatedBy).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.AgencyId, c.Code }).IsUnique();
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CatalogCategoryRecord>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItemRecord>
{
    public void Configure(EntityTypeBuilder<CatalogItemRecord> b)
    {
        b.ToTable("catalog_items");
        b.Property(i => i.IndexNumber).HasMaxLength(100);
        b.Property(i => i.IndexScope).HasMaxLength(100);
        b.Property(i => i.Title).HasMaxLength(500);
        b.Property(i => i.DocumentNumber).HasMaxLength(100);
        b.Property(i => i.Publisher).HasMaxLength(200);
        b.Property(i => i.Channels).HasMaxLength(200);
        b.Property(i => i.Validity).HasMaxLength(16);
        b.Property(i => i.Status).HasMaxLength(16);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.AgencyId, i.IndexNumber }).IsUnique();
        b.HasIndex(i => new { i.AgencyId, i.IndexScope, i.IndexSerial }).IsUnique();
        b.HasIndex(i => new { i.AgencyId, i.Status, i.PublishedOn });
        b.HasIndex(i => new { i.CategoryId, i.Status, i.PublishedOn });
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CatalogCategoryRecord>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CatalogItemEventConfiguration : IEntityTypeConfiguration<CatalogItemEventRecord>
{
    public void Configure(EntityTypeBuilder<CatalogItemEventRecord> b)
    {
        b.ToTable("catalog_item_events");
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.StepName).HasMaxLength(100);
        b.Property(e => e.Role).HasMaxLength(100);
        b.Property(e => e.Actor).HasMaxLength(200);
        b.HasIndex(e => new { e.ItemId, e.Sequence }).IsUnique();
        b.HasOne<CatalogItemRecord>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CatalogAttachmentConfiguration : IEntityTypeConfiguration<CatalogAttachmentRecord>
{
    public void Configure(EntityTypeBuilder<CatalogAttachmentRecord> b)
    {
        b.ToTable("catalog_attachments");
        b.Property(a => a.Name).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.UploadedBy).HasMaxLength(200);
        b.HasIndex(a => a.ItemId);
        b.HasOne<CatalogItemRecord>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NormativeDocumentConfiguration : IEntityTypeConfiguration<NormativeDocumentRecord>
{
    public void Configure(EntityTypeBuilder<NormativeDocumentRecord> b)
    {
        b.ToTable("normative_documents");
        b.Property(d => d.Kind).HasMaxLength(16);
        b.Property(d => d.Title).HasMaxLength(500);
        b.Property(d => d.DocumentNumber).HasMaxLength(100);
        b.HasIndex(d => new { d.AgencyId, d.Kind, d.IssuedOn });
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CatalogItemRecord>().WithMany().HasForeignKey(d => d.CatalogItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class Article20FigureConfiguration : IEntityTypeConfiguration<Article20FigureRecord>
{
    public void Configure(EntityTypeBuilder<Article20FigureRecord> b)
    {
        b.ToTable("article20_figures");
        b.Property(f => f.RowKey).HasMaxLength(64);
        b.Property(f => f.AmountYuan).HasPrecision(18, 2);
        b.HasIndex(f => new { f.AgencyId, f.Year, f.RowKey }).IsUnique();
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
