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
public sealed record JobRetention(int Count, long Bytes, TimeSpan Age);
