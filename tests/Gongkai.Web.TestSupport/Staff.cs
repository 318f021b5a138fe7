using Gongkai.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Support;

/// <summary>Staff accounts for tests, made through Identity's UserManager as the users page does.</summary>
public static class Staff
{
    public const string Password = "test-pass-2024";

    public static async Task<StaffUser> CreateAsync(GongkaiApp app, string userName, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = userName, DisplayName = userName };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user;
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
