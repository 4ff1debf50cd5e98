using System.Runtime.InteropServices;

namespace Runwire.ProcessBench;

/// <summary>
/// The kernel's account of the CPU time of finished children (getrusage RUSAGE_CHILDREN): a `runwire run` process is
/// measured whole, from its start to its exit, the way /usr/bin/time measures it.
/// </summary>
internal static partial class ChildCpu
{
    private const int RusageChildren = -1;

    /// <summary>User plus system seconds of every child waited for so far.</summary>
    public static double Seconds()
    {
        // struct rusage on 64-bit Linux: ru_utime and ru_stime (two timevals of two longs each), then 14 longs.
        var usage = new long[18];
        if (GetRusage(RusageChildren, usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }
        return usage[0] + (usage[1] / 1e6) + usage[2] + (usage[3] / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, [Out] long[] usage);
}
