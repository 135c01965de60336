using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Reports;

namespace MediaModels.Bench;

/// <summary>The validation bench's targets, checked against one run's figures: ours vs FluentValidation per shape.</summary>
internal static class ValidationTargets
{
    /// <summary>Ours must be at least this many times faster than FluentValidation on every shape.</summary>
    public const double MinSpeedup = 10.0;

    /// <summary>Bytes ours may allocate validating a valid request.</summary>
    public const long MaxAllocatedBytes = 0;

    /// <summary>Prints the per-shape comparison of <paramref name="summary"/>; false when a target is missed.</summary>
    public static bool Report(Summary summary)
    {
        var shapes = summary.Reports
            .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(ValidationBenchmarks) && r.ResultStatistics is not null)
            .GroupBy(r => (string)r.BenchmarkCase.Parameters[nameof(ValidationBenchmarks.Shape)]!)
            .ToList();
        if (shapes.Count == 0)
        {
            return true;
        }

        bool met = true;
        Console.WriteLine();
        Console.WriteLine($"Validation of a valid request, ours vs FluentValidation on the same rules (median time per validation; targets: >= {MinSpeedup:0}x faster, {MaxAllocatedBytes} B allocated by ours)");
        Console.WriteLine($"{"shape",-22} {"ours",10} {"FluentValidation",17} {"ratio",7} {"ours B/op",10} {"FV B/op",8}  met");
        foreach (IGrouping<string, BenchmarkReport> shape in shapes)
        {
            BenchmarkReport? ours = shape.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ValidationBenchmarks.Ours));
            BenchmarkReport? fluent = shape.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ValidationBenchmarks.FluentValidation));
            if (ours is null || fluent is null)
            {
                Console.WriteLine($"{shape.Key,-22} (run both Ours and FluentValidation to compare)");
                met = false;
                continue;
            }

            // Medians: on a shared machine a few slow iterations move a mean, and the ratio is what is judged.
            double oursNs = ours.ResultStatistics!.Median;
            double fluentNs = fluent.ResultStatistics!.Median;
            double ratio = fluentNs / oursNs;
            long oursBytes = ours.GcStats.GetBytesAllocatedPerOperation(ours.BenchmarkCase) ?? -1;
            long fluentBytes = fluent.GcStats.GetBytesAllocatedPerOperation(fluent.BenchmarkCase) ?? -1;
            bool shapeMet = ratio >= MinSpeedup && oursBytes >= 0 && oursBytes <= MaxAllocatedBytes;
            met &= shapeMet;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shape.Key,-22} {oursNs,7:0.0} ns {fluentNs,14:0.0} ns {ratio,6:0.0}x {oursBytes,10} {fluentBytes,8}  {(shapeMet ? "yes" : "NO")}"));
        }

        Console.WriteLine(met ? "Targets met on every shape." : "Targets NOT met (see the rows marked NO or not compared).");
        return met;
    }
}
