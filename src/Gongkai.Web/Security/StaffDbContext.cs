using Gongkai.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Security;

/// <summary>
/// The staff accounts (ASP.NET Core Identity) on the same database as <see cref="GongkaiDbContext"/>: its
/// <c>staff_*</c> tables are created by the same versioned schema scripts (0003), with the same snake_case names.
/// A context of its own keeps ASP.NET Core out of Gongkai.Data and everything built on it (the command line does
/// not sign anybody in).
/// </summary>
public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    /// <summary>Who works for which agency in which role (schema 0013): the roles a person holds, per agency.</summary>
    public DbSet<StaffMembership> Memberships => Set<StaffMembership>();

    /// <summary>Opens a context on the database (tests, tools).</summary>
    public static StaffDbContext Open(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<StaffDbContext>();
        settings.Configure(builder);
        return new StaffDbContext(builder.Options);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's own model first (tables, keys, indexes); then Gongkai's table names and snake_case columns.
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(b =>
        {
            b.ToTable("staff_users");
            b.Property(u => u.DisplayName).HasMaxLength(200);
            // agency_id and department_id reference agencies and departments in the schema (RESTRICT, SET NULL);
            // those tables belong to GongkaiDbContext, so the keys are the database's business here.
            b.HasIndex(u => u.AgencyId);
            b.HasIndex(u => u.DepartmentId);
        });
        builder.Entity<StaffMembership>(b =>
        {
            b.ToTable("staff_memberships");
            b.HasKey(m => new { m.UserId, m.AgencyId, m.Role });
            b.Property(m => m.Role).HasMaxLength(32);
            b.HasIndex(m => m.AgencyId);
        });
        builder.Entity<IdentityRole>(b => b.ToTable("staff_roles"));
        builder.Entity<IdentityUserRole<string>>(b => b.ToTable("staff_user_roles"));
        builder.Entity<IdentityUserClaim<string>>(b => b.ToTable("staff_user_claims"));
        builder.Entity<IdentityUserLogin<string>>(b => b.ToTable("staff_user_logins"));
        builder.Entity<IdentityUserToken<string>>(b => b.ToTable("staff_user_tokens"));
        builder.Entity<IdentityRoleClaim<string>>(b => b.ToTable("staff_role_claims"));
        GongkaiDbContext.ApplySnakeCaseNames(builder);
    }
}
