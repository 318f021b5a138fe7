using System.CommandLine;
using Gongkai.Application;
using Gongkai.Application.Agencies;
using Gongkai.Data;
using Gongkai.Data.Records;

namespace Gongkai.Cli.Commands;

/// <summary>
/// What every data command needs, in one place: the database named by <c>--db</c>/<c>--connection</c> (opened by
/// <see cref="CliDatabase"/>), the agency named by <c>--agency</c> (one lookup for every command: an unknown name is
/// refused with exit 2, nothing created) and the use cases (<see cref="ApplicationServices.AddGongkaiApplication"/>)
/// on that database, for one command. Handlers reach the database only through the use cases.
/// </summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly GongkaiDbContext _db;
    private readonly UseCaseScope _useCases;
    private AgencyRecord? _agency;

    private CliContext(GongkaiDbContext db, TimeProvider clock)
    {
        _db = db;
        Clock = clock;
        _useCases = new UseCaseScope(db, clock);
    }

    /// <summary>The <c>--agency</c> option of a data command (required): the code or the exact name of an existing agency.</summary>
    public static Option<string> AgencyOption() => new("--agency") { Description = AgencyDescription, Required = true };

    /// <summary>How every <c>--agency</c> option describes itself.</summary>
    public const string AgencyDescription = "机关代码或完整名称，如 wjj 或 示范县卫生健康局（须为已有机关，新机关先用 gongkai agencies add 新建）";

    /// <summary>The clock of the command line (tests pin it).</summary>
    public TimeProvider Clock { get; }

    /// <summary>The agency named by <c>--agency</c>; only for a context opened with one.</summary>
    public AgencyRecord Agency => _agency ?? throw new InvalidOperationException("This command was opened without an agency.");

    /// <summary>The agency's id, as the stores and use cases take it.</summary>
    public int AgencyId => Agency.Id;

    /// <summary>A use case (or a store registered with them) for this command.</summary>
    public T Get<T>()
        where T : notnull => _useCases.Get<T>();

    /// <summary>
    /// Opens the database and finds the agency <paramref name="agencyName"/> by code or name (none when null); null after the message
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

        var context = new CliContext(db, clock);
        if (agencyName is not null)
        {
            // The one lookup of every --agency: its code or exact name; an unknown one is refused and nothing is created.
            var found = await context.Get<ResolveAgency>().ExecuteAsync(agencyName, cancellationToken);
            if (found.Value is not { } agency)
            {
                output.Fail(found.Error!.Message);
                await context.DisposeAsync();
                return null;
            }

            context._agency = agency;
        }

        return context;
    }

    /// <summary><see cref="OpenAsync(CliDatabase, ParseResult, CliOutput, TimeProvider, string?, CancellationToken)"/> with the value of <paramref name="agency"/>.</summary>
    public static Task<CliContext?> OpenAsync(CliDatabase database, ParseResult parse, CliOutput output, TimeProvider clock, Option<string> agency,
        CancellationToken cancellationToken) =>
        OpenAsync(database, parse, output, clock, parse.GetValue(agency), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _useCases.DisposeAsync();
        await _db.DisposeAsync();
    }
}
