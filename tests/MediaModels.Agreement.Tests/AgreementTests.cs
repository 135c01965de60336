using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Agreement.Tests.Corpus;
using MediaModels.Agreement.Tests.Surfaces;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;
using Xunit.Abstractions;

namespace MediaModels.Agreement.Tests;

/// <summary>
/// Issue 11's proof, request half: one seeded corpus of valid and invalid requests across every model and generation
/// type of the shipped catalog, and the same rule IDs for every request from the runtime validator, the analyzer, the
/// sandbox and <c>mediamodels validate</c>; where a typed builder can say the request, the same wire JSON.
/// </summary>
public sealed class AgreementTests : IClassFixture<CorpusFixture>
{
    private readonly CorpusFixture _corpus;
    private readonly ITestOutputHelper _output;

    public AgreementTests(CorpusFixture corpus, ITestOutputHelper output)
    {
        _corpus = corpus;
        _output = output;
    }

    [Fact]
    public void The_corpus_covers_every_model_generation_type_and_reachable_request_rule()
    {
        IReadOnlyList<CorpusRequest> requests = _corpus.Requests;
        var verdicts = _corpus.Runtime.Verdicts;
        _output.WriteLine($"corpus: {requests.Count} requests (seed {CorpusFixture.Seed}, {(_corpus.Long ? "long" : "default")} size) made in {_corpus.BuildTime.TotalSeconds:0.0} s, judged by the runtime in {_corpus.Runtime.Elapsed.TotalSeconds:0.0} s");
        _output.WriteLine($"  {verdicts.Values.Count(v => v.Accepted == true)} valid, {verdicts.Values.Count(v => v.Accepted != true)} refused; "
            + string.Join(", ", Enum.GetValues<RequestShape>().Skip(1).Select(s => $"{requests.Count(r => r.Has(s))} {s}")));

        foreach (ModelSpec model in _corpus.Catalog.Models)
        {
            foreach (GenerationTypeSpec mode in model.GenerationTypes)
            {
                CorpusRequest[] ofMode = requests.Where(r => r.Model == model.Id && r.GenerationType == mode.Type).ToArray();
                Assert.True(ofMode.Any(r => verdicts[r.Index].Accepted == true), $"no valid request for {model.Id} {mode.Type}");
                Assert.True(ofMode.Count(r => verdicts[r.Index].Accepted == false) >= 20, $"few invalid requests for {model.Id} {mode.Type}");
            }
        }

        // Every request rule, except those no request can break with this catalog (said here, from its facts).
        var unreachable = new HashSet<string>(StringComparer.Ordinal);
        if (_corpus.Catalog.Models.All(m => m.AspectRatios.IsEmpty))
        {
            unreachable.Add(MediaRules.AspectRatioNotOffered.Id);
        }

        var seen = verdicts.Values.SelectMany(v => v.Ids).GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _output.WriteLine("  rule IDs: " + string.Join(", ", seen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}×{p.Value}")));
        _output.WriteLine("  not reachable with the shipped catalog: " + (unreachable.Count == 0 ? "none" : string.Join(", ", unreachable) + " (no model lists aspect ratios)"));
        string[] missing = MediaRules.All
            .Where(r => r.Category == MediaRules.UsageCategory && !unreachable.Contains(r.Id) && !seen.ContainsKey(r.Id))
            .Select(r => r.Id)
            .ToArray();
        Assert.True(missing.Length == 0, "The corpus breaks no request with " + string.Join(", ", missing));
        Assert.All(seen.Keys, id => Assert.NotNull(MediaRules.Find(id)));
    }

    [Fact]
    public void The_corpus_is_the_same_for_the_same_seed()
    {
        IReadOnlyList<CorpusRequest> again = RequestCorpus.Build(_corpus.Catalog, CorpusFixture.Seed, rounds: 1, combinations: 2);
        IReadOnlyList<CorpusRequest> once = RequestCorpus.Build(_corpus.Catalog, CorpusFixture.Seed, rounds: 1, combinations: 2);
        Assert.Equal(once.Select(r => r.Json), again.Select(r => r.Json));
    }

    [Fact]
    public async Task The_analyzer_reports_the_runtime_rule_ids()
    {
        SurfaceReport analyzer = await AnalyzerSurface.JudgeAsync(_corpus.Requests);
        SurfaceComparison.CompareIds(_corpus.Requests, _corpus.Runtime, analyzer);
        SurfaceComparison.Report(_output, _corpus.Requests, _corpus.Runtime, analyzer);
    }

    [Fact]
    public async Task The_sandbox_answers_with_the_runtime_rule_ids_and_accepts_exactly_the_valid_requests()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(_corpus.Long ? 30 : 5));
        SurfaceReport sandbox = await SandboxSurface.JudgeAsync(_corpus.Requests, timeout.Token);
        SurfaceComparison.CompareIds(_corpus.Requests, _corpus.Runtime, sandbox);
        SurfaceComparison.Report(_output, _corpus.Requests, _corpus.Runtime, sandbox);
    }

    [Fact]
    public void Validate_prints_the_runtime_rule_ids_for_every_file()
    {
        SurfaceReport cli = CliSurface.Judge(_corpus.Requests, out int exitCode);
        SurfaceComparison.CompareIds(_corpus.Requests, _corpus.Runtime, cli);
        SurfaceComparison.Report(_output, _corpus.Requests, _corpus.Runtime, cli);

        // Exit 2 when a file is not a JSON object, else 1 when a request has an error (README, the validate command).
        int expected = _corpus.Requests.Any(r => RequestJsonReader.Read(r.Json).Request is null) ? 2
            : _corpus.Runtime.Verdicts.Values.Any(v => v.Accepted != true) ? 1
            : 0;
        Assert.Equal(expected, exitCode);
    }

    [Fact]
    public void Typed_builders_build_the_wire_json_of_every_valid_request_they_can_say()
    {
        SurfaceReport builders = BuilderSurface.Judge(_corpus.Requests, _corpus.Runtime, _corpus.Catalog);
        SurfaceComparison.Report(_output, _corpus.Requests, _corpus.Runtime, builders);
        Assert.True(builders.Verdicts.Count >= 100, $"only {builders.Verdicts.Count} requests went through a builder");
    }
}
