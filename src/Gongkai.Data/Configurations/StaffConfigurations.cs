using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

// The staff accounts' tables (staff_*) are mapped by the web application's StaffDbContext (ASP.NET Core Identity);
// here only the names, read-only.
internal sealed class StaffNameConfiguration : IEntityTypeConfiguration<StaffNameRecord>
{
    public void Configure(EntityTypeBuilder<StaffNameRecord> b)
    {
        b.ToTable("staff_users", t => t.ExcludeFromMigrations());
        b.HasKey(u => u.Id);
    }
}

internal sealed class ReviewDutyConfiguration : IEntityTypeConfiguration<ReviewDutyRecord>
{
    public void Configure(EntityTypeBuilder<ReviewDutyRecord> b)
    {
        b.ToTable("review_duties");
        b.HasKey(d => new { d.UserId, d.AgencyId, d.Duty });
        b.HasIndex(d => d.AgencyId);
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> b)
    {
        b.ToTable("data_protection_keys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

internal sealed class AgencyGuideConfiguration : IEntityTypeConfiguration<AgencyGuideRecord>
{
    public void Configure(EntityTypeBuilder<AgencyGuideRecord> b)
    {
        b.ToTable("agency_guides");
        b.HasKey(g => g.AgencyId);
        b.Property(g => g.AgencyId).ValueGeneratedNever();
        b.Property(g => g.OfficeName).HasMaxLength(200);
        b.Property(g => g.Address).HasMaxLength(500);
        b.Property(g => g.OfficeHours).HasMaxLength(500);
        b.Property(g => g.Phone).HasMaxLength(100);
        b.Property(g => g.Fax).HasMaxLength(100);
        b.Property(g => g.OnlineChannel).HasMaxLength(500);
        b.HasOne<AgencyRecord>().WithOne().HasForeignKey<AgencyGuideRecord>(g => g.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
