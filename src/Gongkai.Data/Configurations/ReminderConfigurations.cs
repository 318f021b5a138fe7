using Gongkai.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Data.Configurations;

internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettingsRecord>
{
    public void Configure(EntityTypeBuilder<ReminderSettingsRecord> b)
    {
        b.ToTable("reminder_settings");
        b.HasKey(r => r.AgencyId);
        b.Property(r => r.AgencyId).ValueGeneratedNever();
        b.HasOne<AgencyRecord>().WithOne().HasForeignKey<ReminderSettingsRecord>(r => r.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderDigestConfiguration : IEntityTypeConfiguration<ReminderDigestRecord>
{
    public void Configure(EntityTypeBuilder<ReminderDigestRecord> b)
    {
        b.ToTable("reminder_digests");
        b.HasKey(r => r.Day);
        b.Property(r => r.Day).ValueGeneratedNever();
    }
}

// Read-only, like StaffNameRecord: the web application's StaffDbContext owns staff_memberships.
internal sealed class StaffMembershipRecordConfiguration : IEntityTypeConfiguration<StaffMembershipRecord>
{
    public void Configure(EntityTypeBuilder<StaffMembershipRecord> b)
    {
        b.ToTable("staff_memberships", t => t.ExcludeFromMigrations());
        b.HasKey(m => new { m.UserId, m.AgencyId, m.Role });
    }
}
