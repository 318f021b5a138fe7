using System.CommandLine;
using Gongkai.Application;
using Gongkai.Data;
using Gongkai.Data.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary>
/// What every data command needs, in one place: the database named by <c>--db</c>/<c>--connection</c> (opened by
/// <see cref="CliDatabase"/>), the agency named by <c>--agency</c> (one lookup for every command: an unknown name is
/// refused with exit 2, nothing created) and the use cases (<see cref="ApplicationServices.AddGongkaiApplication"/>)
/// on that database, for one command.
/// </summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;
    private readonly AgencyRecord? _agency;

    private CliContext(GongkaiDbContext db, AgencyRecord? agency, TimeProvider clock)
    {
        Db = db;
        _agency = agency;
        Clock = clock;
        var services = new ServiceCollection();
        services.AddSingleton(db);
        services.AddSingleton(clock);
        services.AddGongkaiApplication();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
    }

    /// <summary>The <c>--agency</c> option of a data command (required): the name of an existing agency.</summary>
    public static Option<string> AgencyOption() => new("--agency") { Description = "机关名称", Required = true };

    /// <summary>The open database; disposed with the context.</summary>
    public GongkaiDbContext Db { get; }

    /// <summary>The clock of the command line (tests pin it).</summary>
    public TimeProvider Clock { get; }

    /// <summary>The agency named by <c>--agency</c>; only for a context opened with one.</summary>
    public AgencyRecord Agency => _agency ?? throw new InvalidOperationException("This command was opened without an agency.");

    /// <summary>The agency's id, as the stores and use cases take it.</summary>
    public int AgencyId => Agency.Id;

    /// <summary>A use case (or a store registered with them) for this command.</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>
    /// Opens the database and finds the agency <paramref name="agencyName"/> (none when null); null after the message
    /// on stderr when either fails: the caller exits with <see cref="ExitCodes.BadInput"/>.
    /// </summary>
    public static async Task<CliContext?> OpenAsync(CliDatabase database, ParseResult parse, CliOutput output, TimeProvider clock, string? agencyName,
        CancellationToken cancellationToken)
    {
        var db = await database.OpenAsync(parse, output, cancellationToken);
        if (db is null)
        {
            return null;
        }

        AgencyRecord? agency = null;
        if (agencyName is not null && (agency = await AgencyCommands.FindAsync(db, agencyName, output, cancellationToken)) is null)
        {
            await db.DisposeAsync();
            return null;
        }

        return new CliContext(db, agency, clock);
    }

    /// <summary><see cref="OpenAsync(CliDatabase, ParseResult, CliOutput, TimeProvider, string?, CancellationToken)"/> with the value of <paramref name="agency"/>.</summary>
    public static Task<CliContext?> OpenAsync(CliDatabase database, ParseResult parse, CliOutput output, TimeProvider clock, Option<string> agency,
        CancellationToken cancellationToken) =>
        OpenAsync(database, parse, output, clock, parse.GetValue(agency), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        await Db.DisposeAsync();
    }
}
