using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace MediaModels.Generators.Tests.Infrastructure;

/// <summary>
/// The processor time the current thread has used, so a time budget measures the work and not how many other
/// processes share the machine's cores (the generator runs on the thread that calls the driver). Read from
/// <c>/proc/thread-self/stat</c> on Linux (10 ms resolution); elsewhere the process's time, which includes other
/// threads and so only errs on the safe side.
/// </summary>
internal static class ThreadCpuTime
{
    private const string ThreadStat = "/proc/thread-self/stat";

    /// <summary>The current thread's processor time so far.</summary>
    public static TimeSpan Now()
    {
        if (File.Exists(ThreadStat))
        {
            // Fields after the command name (which may hold spaces, hence the last ')'): state is field 3, utime 14, stime 15.
            string stat = File.ReadAllText(ThreadStat);
            string[] fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }
}
