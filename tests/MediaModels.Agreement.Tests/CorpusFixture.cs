using System;
using System.Collections.Generic;
using System.Diagnostics;
using MediaModels.Agreement.Tests.Corpus;
using MediaModels.Agreement.Tests.Surfaces;
using MediaModels.Catalog;

namespace MediaModels.Agreement.Tests;

/// <summary>
/// The request corpus over the shipped catalog and the runtime's verdicts on it, made once for all the surfaces.
/// Default size: one round (a few thousand requests); <c>MEDIAMODELS_AGREEMENT_LONG=1</c> runs ten rounds.
/// </summary>
public sealed class CorpusFixture
{
    public const string LongVariable = "MEDIAMODELS_AGREEMENT_LONG";

    /// <summary>The corpus's seed: change it only on purpose (the corpus is the same, byte for byte, for a seed).</summary>
    public const int Seed = 20261103;

    private const int CombinationsPerMode = 12;

    public CorpusFixture()
    {
        Long = Environment.GetEnvironmentVariable(LongVariable) == "1";
        Catalog = ShippedCatalog.Instance;
        Stopwatch clock = Stopwatch.StartNew();
        Requests = RequestCorpus.Build(Catalog, Seed, rounds: Long ? 10 : 1, CombinationsPerMode);
        BuildTime = clock.Elapsed;
        Runtime = RuntimeSurface.Judge(Requests);
    }

    public bool Long { get; }

    public ModelCatalog Catalog { get; }

    internal IReadOnlyList<CorpusRequest> Requests { get; }

    public TimeSpan BuildTime { get; }

    internal SurfaceReport Runtime { get; }
}
