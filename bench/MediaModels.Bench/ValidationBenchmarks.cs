using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FluentValidation.Results;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;

namespace MediaModels.Bench;

/// <summary>
/// Validating a valid request, one per request shape, with our rule engine and with FluentValidation on the same rules
/// (<see cref="FluentRequestValidator"/>). Targets (<see cref="ValidationTargets"/>): 0 bytes allocated per call by ours
/// (the rule engine only allocates once something is wrong) and ours at least 10× faster on every shape.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickInProcess))]
public class ValidationBenchmarks
{
    private static readonly Dictionary<string, GenerateMediaRequest> Requests = new()
    {
        ["nano-banana t2i"] = new() { Prompt = "A futuristic city at sunset with flying cars", Model = "nano-banana", GenerationType = "text-to-image", AspectRatio = "16:9" },
        ["sora-2 t2v duration"] = new() { Prompt = "A paper boat drifts down a rainy street", Model = "sora-2", GenerationType = "text-to-video", Duration = "10s" },
        ["kling-2-6 i2v"] = new() { Prompt = "Gentle motion and subtle movement", Model = "kling-2-6-image-to-video", GenerationType = "image-to-video", SourceMediaUrls = new[] { "https://example.com/your-image.jpg" }, AspectRatio = "16:9", Duration = "5s", Sound = true },
        ["seedance i2v"] = new() { Prompt = "The flower opens", Model = "seedance-1-5-pro", GenerationType = "image-to-video", SourceMediaUrls = new[] { "https://example.com/bud.png", "https://example.com/bloom.png" }, Duration = "8s" },
        ["motion control"] = new() { Prompt = "The dancer follows the moves", Model = "kling-3-0-motion-control-1080p", GenerationType = "image-to-video", SourceMediaUrls = new[] { "https://example.com/dancer.jpg", "https://example.com/moves.mp4" } },
        ["kling-3-0 elements"] = new()
        {
            Prompt = "@hero walks through the rain",
            Model = "kling-3-0-pro",
            GenerationType = "text-to-video",
            SourceMediaUrls = new[] { "https://example.com/start.jpg" },
            Duration = "12s",
            Sound = true,
            KlingElements = new[] { new KlingElement { Name = "hero", Description = "A woman in a raincoat", ElementInputUrls = new[] { "https://example.com/a.jpg", "https://example.com/b.png" } } },
        },
    };

    private readonly RequestValidator _ours = RequestValidator.Default;
    private readonly FluentRequestValidator _fluent = new(RequestValidator.Default.Catalog);
    private GenerateMediaRequest _request = null!;

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "nano-banana t2i";

    public static IEnumerable<string> Shapes => Requests.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _request = Requests[Shape];

        // A benchmark of a request that is not valid would measure the wrong path, and an anchor that does not judge
        // as ours does would not be the same rules: both must pass the shape and both must refuse each broken copy.
        Agree(_request, expectValid: true, "as written");
        Agree(_request with { Prompt = " " }, expectValid: false, "blank prompt");
        Agree(_request with { Duration = "99s" }, expectValid: false, "duration 99s");
        Agree(_request with { GenerationType = "image-to-image" }, expectValid: false, "generation_type image-to-image");
        Agree(_request with { SourceMediaUrls = new[] { "https://example.com/1.jpg", "https://example.com/2.jpg", "https://example.com/3.jpg", "https://example.com/4.jpg", "https://example.com/5.jpg" } }, expectValid: false, "five source images");
        Agree(_request with { NegativePrompt = "blur", Sound = true }, expectValid: null, "negative_prompt and sound");
        Agree(_request with { KlingElements = new[] { new KlingElement { Name = "hero", Description = "d", ElementInputUrls = new[] { "https://example.com/a.jpg" } } } }, expectValid: null, "an element with one image");
    }

    [Benchmark(Baseline = true)]
    public int Ours() => _ours.Validate(_request).Count;

    [Benchmark]
    public int FluentValidation() => _fluent.Validate(_request).Errors.Count;

    private void Agree(GenerateMediaRequest request, bool? expectValid, string change)
    {
        IReadOnlyList<Violation> ours = _ours.Validate(request);
        ValidationResult fluent = _fluent.Validate(request);
        bool oursValid = ours.Count == 0;
        if (oursValid != fluent.IsValid || (expectValid is bool expected && oursValid != expected))
        {
            throw new System.InvalidOperationException(
                $"{Shape} ({change}): ours {(oursValid ? "valid" : string.Join("; ", ours))}, FluentValidation {(fluent.IsValid ? "valid" : fluent.ToString("; "))}.");
        }
    }

    /// <summary>In process (no generated project to build), short iterations: a few seconds per benchmark.</summary>
    private sealed class QuickInProcess : ManualConfig
    {
        public QuickInProcess() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)));
    }
}
