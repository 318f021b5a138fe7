using Gongkai.Data.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

// The Identity tables get Gongkai's snake_case names; their columns, keys and indexes are renamed by the loop
// in GongkaiDbContext.OnModelCreating like every other table.
internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.ToTable("staff_users");
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasOne<AgencyRecord>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DepartmentRecord>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> b) => b.ToTable("staff_roles");
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> b) => b.ToTable("staff_user_roles");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> b) => b.ToTable("staff_user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> b) => b.ToTable("staff_user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> b) => b.ToTable("staff_user_tokens");
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> b) => b.ToTable("staff_role_claims");
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
