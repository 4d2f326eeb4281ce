using System.Runtime.InteropServices;

namespace ImplicitBias.Symbolic.Tests.Cli.Fuzz;

/// <summary>
/// The processor time of the calling thread (Linux's CLOCK_THREAD_CPUTIME_ID): the work a run did, whatever else
/// shares the two cores (parallel test classes); null where the clock is not available.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The calling thread's processor time so far, or null off Linux.</summary>
    public static TimeSpan? Now()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            if (ClockGetTime(ThreadCpuTimeId, out var t) != 0) return null;
            return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        }
        catch (DllNotFoundException) { return null; }
    }
}
