using Gongkai.Web.Infrastructure;

// The content root is the application's own folder wherever it is started from (a service manager, or
// `dotnet /opt/gongkai/Gongkai.Web.dll`): its wwwroot and appsettings.json are found there, not in the working
// directory. GONGKAI_DATA stays relative to the working directory, as documented.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
// Started straight from the build output (bin/, not published), the static files are not beside the dll but listed in
// the build's static web assets manifest: serve them from there, as Development does, rather than unstyled pages.
if (!Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")))
{
    builder.WebHost.UseStaticWebAssets();
}

builder.AddGongkai();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseGongkai();
await app.RunAsync();
