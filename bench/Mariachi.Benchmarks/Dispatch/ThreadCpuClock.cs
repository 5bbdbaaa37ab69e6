using System.Runtime.InteropServices;

namespace Mariachi.Benchmarks.Dispatch;

/// <summary>
/// The CPU time the calling thread has used (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): unlike the wall clock it does not
/// count the time the thread waits while other processes run, which is most of the time on a loaded shared machine.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsSupported => OperatingSystem.IsLinux();

    public static double Nanoseconds()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (now.Seconds * 1e9) + now.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
