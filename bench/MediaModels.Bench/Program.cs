using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace MediaModels.Bench;

internal static class Program
{
    // dotnet run -c Release --project bench/MediaModels.Bench -- --filter '*ValidationBenchmarks*'
    // Exit code 1 when a validation target is missed.
    private static int Main(string[] args)
    {
        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        bool met = true;
        foreach (Summary summary in summaries)
        {
            met &= ValidationTargets.Report(summary);
        }

        return met ? 0 : 1;
    }
}
