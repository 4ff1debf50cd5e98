using Npgsql;
using Runwire.Core.Adapters;

namespace Runwire.DataAdapters.Sql;

/// <summary>
/// What the SQL sinks wrote for sends that may repeat (<see cref="AdapterContext.Repeatable"/>: Dapr mode's send step):
/// one row per job, sink and output in <see cref="Table"/>, inserted in the transaction that writes the data. A repeated
/// send finds its row and writes nothing, so an append happens once per job however often the step runs. Rows older than
/// <see cref="Retention"/> (Dapr mode's duplicate window) are deleted as new ones come; the table is no source.
/// </summary>
internal static class SentLedger
{
    public const string Table = "runwire_sent_outputs";

    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const string Create =
        $"CREATE TABLE IF NOT EXISTS {Table} (job_id uuid NOT NULL, sink text NOT NULL, output text NOT NULL, "
        + "sent_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (job_id, sink, output))";

    /// <summary>Creates the table if it is missing, outside any transaction (two first sends may race to create it).</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var create = new NpgsqlCommand(Create, connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // the other send created it
        }
    }

    /// <summary>
    /// True when this send is the job's first for the output (the row is now held by <paramref name="tx"/>); false
    /// when an earlier attempt committed it. A concurrent attempt waits here until the other one commits or rolls back.
    /// </summary>
    public static async Task<bool> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction tx, AdapterContext context, string sinkId, CancellationToken ct)
    {
        await using (var expire = new NpgsqlCommand($"DELETE FROM {Table} WHERE sent_at < now() - $1", connection, tx))
        {
            expire.Parameters.Add(new NpgsqlParameter { Value = Retention });
            await expire.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using var claim = new NpgsqlCommand($"INSERT INTO {Table} (job_id, sink, output) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", connection, tx);
        claim.Parameters.Add(new NpgsqlParameter { Value = context.JobId });
        claim.Parameters.Add(new NpgsqlParameter { Value = sinkId });
        claim.Parameters.Add(new NpgsqlParameter { Value = context.OutputName ?? "" });
        return await claim.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }
}
