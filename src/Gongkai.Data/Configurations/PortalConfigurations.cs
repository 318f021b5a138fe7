using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettingsRecord>
{
    public void Configure(EntityTypeBuilder<SiteSettingsRecord> b)
    {
        b.ToTable("site_settings");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.HostName).HasMaxLength(200);
        b.Property(s => s.Contact).HasMaxLength(500);
        b.Property(s => s.SiteCode).HasMaxLength(50);
        b.Property(s => s.IcpNumber).HasMaxLength(100);
        b.Property(s => s.IcpUrl).HasMaxLength(500);
        b.Property(s => s.PoliceNumber).HasMaxLength(100);
        b.Property(s => s.PoliceUrl).HasMaxLength(500);
        b.Property(s => s.PartyMarkUrl).HasMaxLength(500);
    }
}

internal sealed class DisclosureRuleConfiguration : IEntityTypeConfiguration<DisclosureRuleRecord>
{
    public void Configure(EntityTypeBuilder<DisclosureRuleRecord> b)
    {
        b.ToTable("disclosure_rules");
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.DocumentNumber).HasMaxLength(100);
        b.HasIndex(r => new { r.AgencyId, r.IssuedOn });
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
