using System;
using System.Threading;

namespace MediaModels.Generators.Analyzers;

/// <summary>
/// Runs every analyzer callback so that a bug of ours never becomes AD0001 in a user's build or editor (on incomplete
/// code typed mid-edit above all): an unexpected exception skips that one call site. Cancellation still cancels.
/// </summary>
internal static class AnalyzerGuard
{
    private static int s_failures;

    /// <summary>How many unexpected exceptions were swallowed in this process; tests assert it stays 0.</summary>
    internal static int Failures => Volatile.Read(ref s_failures);

    /// <summary>Runs <paramref name="action"/>.</summary>
    public static void Run<T>(Action<T> action, T context, CancellationToken cancellationToken)
    {
        try
        {
            action(context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            Interlocked.Increment(ref s_failures);
        }
    }
}
