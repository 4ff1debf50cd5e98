using Microsoft.Extensions.Configuration;

namespace Runwire.WebConsole.Jobs;

/// <summary>
/// A page of <c>GET /jobs</c>: newest first, at most <see cref="Limit"/> jobs older than <see cref="Before"/> (a
/// <see cref="StoredJob.Sequence"/>; null for the newest), matching every filter given.
/// </summary>
public sealed record JobQuery(
    string? Status = null, string? Transformation = null, string? KafkaKey = null, string? Search = null, long? Before = null, int Limit = 50)
{
    public const int MaxLimit = 500;
}

/// <summary>
/// One page. <see cref="NextBefore"/> continues with older jobs (null at the end). <see cref="Matching"/> counts every
/// job the filters match where the store knows it without a scan (no filter, or one indexed filter), else null.
/// </summary>
public sealed record JobPage(IReadOnlyList<StoredJob> Jobs, long? NextBefore, int Held, int? Matching, IReadOnlyDictionary<string, int> ByStatus);

/// <summary>
/// How long finished jobs are kept: the newest <see cref="Count"/>, with at most <see cref="Bytes"/> of requests and
/// results, for <see cref="Age"/> (the host's <c>Jobs:RetainFinished</c>, <c>Jobs:RetainBytes</c>, <c>Jobs:RetainMinutes</c>).
/// </summary>
public sealed record JobRetention(int Count, long Bytes, TimeSpan Age)
{
    /// <summary>The <c>Jobs:</c> settings every host reads alike: 10,000 jobs, 256 MiB, 60 minutes unless configured.</summary>
    public static JobRetention From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Jobs");
        return new JobRetention(
            Math.Max(0, section.GetValue("RetainFinished", 10_000)),
            Math.Max(0, section.GetValue("RetainBytes", 256L * 1024 * 1024)),
            TimeSpan.FromMinutes(Math.Max(0, section.GetValue("RetainMinutes", 60.0))));
    }
}
