using Gongkai.Data;
using Gongkai.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Browser.Tests;

/// <summary>Gongkai listening on a real loopback port (Kestrel), so that a real browser can reach it.</summary>
public static class LiveApp
{
    public static (GongkaiApp App, string BaseUrl) Start(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var app = new GongkaiApp(provider, settings);
        app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, address.TrimEnd('/'));
    }
}
