using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Application.Staff;

/// <summary>The use cases of staff accounts, roles and 审核岗位 per agency; the host registers <see cref="IStaffAccounts"/>.</summary>
public static class StaffServices
{
    public static IServiceCollection AddStaffUseCases(this IServiceCollection services) => services
        .AddScoped<ReviewDutyStore>()
        .AddScoped<ListStaffAccounts>()
        .AddScoped<CreateStaffAccount>()
        .AddScoped<SetStaffRoles>()
        .AddScoped<ResetStaffPassword>()
        .AddScoped<SetStaffDisabled>()
        .AddScoped<UnlockStaffAccount>()
        .AddScoped<SetReviewDuties>();
}
