using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;

namespace MediaModels.Bench;

/// <summary>
/// Validating a valid request, one per model shape. Target: 0 bytes allocated per call (the rule engine only
/// allocates once something is wrong).
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly Dictionary<string, GenerateMediaRequest> _requests = new()
    {
        ["nano-banana t2i"] = new() { Prompt = "A futuristic city at sunset with flying cars", Model = "nano-banana", GenerationType = "text-to-image", AspectRatio = "16:9" },
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

    private readonly RequestValidator _validator = RequestValidator.Default;

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "nano-banana t2i";

    public static IEnumerable<string> Shapes => new[] { "nano-banana t2i", "kling-2-6 i2v", "seedance i2v", "motion control", "kling-3-0 elements" };

    [GlobalSetup]
    public void Setup()
    {
        // A benchmark of a request that is not valid would measure the wrong path.
        IReadOnlyList<Violation> violations = _validator.Validate(_requests[Shape]);
        if (violations.Count != 0)
        {
            throw new System.InvalidOperationException($"{Shape} is not valid: {string.Join("; ", violations)}");
        }
    }

    [Benchmark]
    public int Validate() => _validator.Validate(_requests[Shape]).Count;
}
