using System.Data.Common;
using Gongkai.Data.Records;
using Gongkai.Domain.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Data.Cases;

/// <summary>
/// Writes many cases and their history rows at once, inside the caller's transaction: a reused prepared statement on
/// SQLite, binary COPY on PostgreSQL. Ids are allocated here (the tables are locked for the transaction), so a
/// 100,000-row ledger is written without a round trip per row. Column lists follow the schema scripts; the import
/// tests read every written column back through EF on both providers.
/// </summary>
internal static class CaseBulkWriter
{
    private static readonly string[] CaseColumns =
    [
        "id", "agency_id", "number", "query_code_hash", "applicant_type", "applicant_name", "applicant_id_number", "applicant_contact",
        "channel", "request", "requested_form", "received_on", "department_id", "status", "reply_due", "closed_on", "outcome", "version", "created_at",
    ];

    private static readonly string[] EventColumns =
        ["id", "case_id", "sequence", "type", "occurred_on", "recorded_at", "actor", "payload", "before", "after"];

    public static async Task WriteAsync(GongkaiDbContext db, IReadOnlyList<(CaseRecord Case, CaseEventRecord[] Events)> items, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("CaseBulkWriter runs inside the caller's transaction.");
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection)
        {
            await ExecuteAsync(connection, transaction, "LOCK TABLE cases, case_events IN EXCLUSIVE MODE", cancellationToken);
        }

        var caseId = await MaxIdAsync(connection, transaction, "cases", cancellationToken);
        var eventId = await MaxIdAsync(connection, transaction, "case_events", cancellationToken);
        foreach (var (record, events) in items)
        {
            record.Id = ++caseId;
            foreach (var e in events)
            {
                e.Id = ++eventId;
                e.CaseId = record.Id;
            }
        }

        switch (connection)
        {
            case NpgsqlConnection npgsql:
                await CopyAsync(npgsql, items, cancellationToken);
                await ExecuteAsync(connection, transaction,
                    "SELECT setval(pg_get_serial_sequence('cases', 'id'), GREATEST((SELECT MAX(id) FROM cases), 1)); " +
                    "SELECT setval(pg_get_serial_sequence('case_events', 'id'), GREATEST((SELECT MAX(id) FROM case_events), 1));",
                    cancellationToken);
                break;
            case SqliteConnection sqlite:
                await InsertAsync(sqlite, (SqliteTransaction)transaction, items, cancellationToken);
                break;
            default:
                throw new NotSupportedException(connection.GetType().Name);
        }
    }

    private static object?[] CaseValues(CaseRecord c) =>
    [
        c.Id, c.AgencyId, c.Number, c.QueryCodeHash, c.ApplicantType, c.ApplicantName, c.ApplicantIdNumber, c.ApplicantContact,
        c.Channel, c.Request, c.RequestedForm, c.ReceivedOn, c.DepartmentId, c.Status, c.ReplyDue, c.ClosedOn, c.Outcome, c.Version, c.CreatedAt,
    ];

    private static object?[] EventValues(CaseEventRecord e) =>
        [e.Id, e.CaseId, e.Sequence, e.Type, e.OccurredOn, e.RecordedAt, e.Actor, e.Payload, e.Before, e.After];

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<(CaseRecord Case, CaseEventRecord[] Events)> items, CancellationToken cancellationToken)
    {
        await using var cases = Prepare(connection, transaction, "cases", CaseColumns);
        await using var events = Prepare(connection, transaction, "case_events", EventColumns);
        foreach (var (record, history) in items)
        {
            await RunAsync(cases, CaseValues(record), cancellationToken);
            foreach (var e in history)
            {
                await RunAsync(events, EventValues(e), cancellationToken);
            }
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        command.Prepare();
        return command;
    }

    private static async Task RunAsync(SqliteCommand command, object?[] values, CancellationToken cancellationToken)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateOnly d => DateText.Iso(d),
                DateTimeOffset t => t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
                var v => v,
            };
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<(CaseRecord Case, CaseEventRecord[] Events)> items, CancellationToken cancellationToken)
    {
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY cases ({string.Join(", ", CaseColumns)}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (record, _) in items)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var value in CaseValues(record))
                {
                    await WriteAsync(writer, value, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync($"COPY case_events ({string.Join(", ", EventColumns)}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var e in items.SelectMany(i => i.Events))
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var value in EventValues(e))
                {
                    await WriteAsync(writer, value, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => writer.WriteNullAsync(cancellationToken),
        long l => writer.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
        int i => writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        string s => writer.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        DateOnly d => writer.WriteAsync(d, NpgsqlDbType.Date, cancellationToken),
        DateTimeOffset t => writer.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    private static async Task<long> MaxIdAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COALESCE(MAX(id), 0) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
