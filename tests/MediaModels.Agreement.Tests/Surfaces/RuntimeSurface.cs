using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using MediaModels.Agreement.Tests.Corpus;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>(a) The runtime: <see cref="RequestJsonReader"/> and <see cref="RequestValidator"/> over the shipped catalog. The reference verdicts.</summary>
internal static class RuntimeSurface
{
    public const string Name = "runtime (RequestJsonReader + RequestValidator)";

    public static SurfaceReport Judge(IReadOnlyList<CorpusRequest> corpus)
    {
        var report = new SurfaceReport(Name);
        Stopwatch clock = Stopwatch.StartNew();
        RequestValidator validator = RequestValidator.ShippedDefault;
        foreach (CorpusRequest request in corpus)
        {
            RequestReadResult read = RequestJsonReader.Read(request.Json);
            IReadOnlyList<Violation> violations = validator.Validate(read);
            bool accepted = read.Request is not null && violations.All(v => v.Severity != Severity.Error);
            report.Verdicts[request.Index] = Verdict.Of(violations.Select(v => v.Id), accepted, Describe(violations));
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static string Describe(IReadOnlyList<Violation> violations) =>
        string.Join("; ", violations.Select(v => $"{v.Id} {v.Path}: {v.Message}"));
}
