using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Support;

/// <summary>Staff accounts for tests, made through Identity's UserManager as the users page does.</summary>
public static class Staff
{
    public const string Password = "test-pass-2024";

    /// <summary>An account with the roles in the root government (the agency the portal's own pages show).</summary>
    public static async Task<StaffUser> CreateAsync(GongkaiApp app, string userName, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var root = await scope.ServiceProvider.GetRequiredService<Gongkai.Web.Infrastructure.AgencyList>().RootAsync();
        return await CreateInAsync(app, userName, root.Id, roles);
    }

    /// <summary>An account with the roles in the agency (a membership per role, as the users page gives them).</summary>
    public static async Task<StaffUser> CreateInAsync(GongkaiApp app, string userName, int agencyId, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = userName, DisplayName = userName, AgencyId = agencyId };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await scope.ServiceProvider.GetRequiredService<StaffMemberships>().AddAsync(user.Id, agencyId, roles);
        return user;
    }

    /// <summary>The root government's id (the agency accounts made by <see cref="CreateAsync"/> work for).</summary>
    public static async Task<int> RootIdAsync(GongkaiApp app)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<Gongkai.Web.Infrastructure.AgencyList>().RootAsync()).Id;
    }

    /// <summary>The roles the account holds in the agency, in ordinal order.</summary>
    public static async Task<IReadOnlyList<string>> RolesInAsync(GongkaiApp app, string userName, int agencyId)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
        Assert.NotNull(user);
        var held = await scope.ServiceProvider.GetRequiredService<StaffMemberships>().OfUsersAsync([user.Id]);
        return held.Where(m => m.AgencyId == agencyId).Select(m => m.Role).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Gives an existing account roles in another agency.</summary>
    public static async Task AddMembershipAsync(GongkaiApp app, StaffUser user, int agencyId, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<StaffMemberships>().AddAsync(user.Id, agencyId, roles);
    }

    /// <summary>A new client signed in as a new account with the roles.</summary>
    public static async Task<StaffClient> SignedInAsync(GongkaiApp app, string userName, params string[] roles)
    {
        await CreateAsync(app, userName, roles);
        var client = app.NewClient();
        await client.SignInOkAsync(userName, Password);
        return client;
    }
}
