using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using MediaModels.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Analyzers.Tests;

/// <summary>
/// The analyzer never throws, also on code typed mid-edit: 200 truncated or mutated versions of a valid consumer file
/// (loose requests, <c>with</c>, assignments, typed builder chains) are analysed with the compiler's own driver; no
/// exception escapes (<c>onAnalyzerException</c>), none is reported as AD0001, and the analyzer's guard swallowed none.
/// With <c>MEDIAMODELS_FUZZ_LONG=1</c> the same test runs 4,000 mutants.
/// </summary>
public sealed class RobustnessTests
{
    /// <summary>Set to 1 for the long campaign (the catalog fuzz test of the generator's tests reads it too).</summary>
    public const string LongVariable = "MEDIAMODELS_FUZZ_LONG";

    internal const string ValidConsumer = """
        using System.Collections.Generic;
        using MediaModels;

        namespace Consumer
        {
            public sealed class Requests
            {
                private const string Style = "cinematic, ";
                private GenerateMediaRequest _field = new GenerateMediaRequest { Model = "nano-banana", Prompt = "A lighthouse" };

                public GenerateMediaRequest Loose(string url, bool sound)
                {
                    var request = new GenerateMediaRequest
                    {
                        Prompt = Style + "A red car on a mountain road",
                        Model = "kling-2-6-image-to-video",
                        GenerationType = "image-to-video",
                        SourceMediaUrls = new[] { url },
                        AspectRatio = "16:9",
                        Duration = "5s",
                        Sound = sound,
                    };
                    request.Seed = 42;
                    request.Prompt = $"{Style}a blue car at night";
                    var copy = request with { Duration = "10s", Quality = null };
                    _field.Model = "sora-2";
                    return copy;
                }

                public GenerateMediaRequest Elements() => new GenerateMediaRequest
                {
                    Prompt = "@dog runs on the beach",
                    Model = "kling-3-0-pro",
                    GenerationType = "image-to-video",
                    SourceMediaUrls = ["https://e.com/a.png", "https://e.com/b.png"],
                    KlingElements = new List<KlingElement>
                    {
                        new KlingElement { Name = "dog", Description = "a dog", ElementInputUrls = new[] { "https://e.com/1.jpg", "https://e.com/2.jpg" } },
                    },
                };

                public GenerateMediaRequest Typed(string image) => MediaCatalog.Kling30Std
                    .ImageToVideo("@dog jumps", image, "https://e.com/end.png")
                    .WithElement("dog", "a dog", "https://e.com/1.jpg", "https://e.com/2.jpg")
                    .WithDuration(MediaCatalog.Kling30Std.Duration.FromSeconds(12))
                    .WithAspectRatio(AspectRatio.Parse("9:16"))
                    .WithSound()
                    .Build();

                public GenerateMediaRequest Quality() => MediaCatalog.Sora2Pro.TextToVideo("A storm").WithQuality(MediaCatalog.Sora2Pro.Quality.FromValue("hd")).Build();
            }
        }
        """;

    private static readonly string[] Tokens =
    {
        "{", "}", "(", ")", "[", "]", ";", ",", ".", "=", "\"", "$\"", "@", "new", "with", "GenerateMediaRequest", "Model =",
        "KlingElements = ", "new[] {", "..", "Build()", "MediaCatalog.", "null", "?", "=>", "\n", "/*", "'", "{|", "#if X",
    };

    [Fact]
    public async Task The_valid_consumer_compiles_and_is_clean()
    {
        CSharpCompilation compilation = DirectAnalysis.Compile(ValidConsumer, withBuilders: true);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions) = await DirectAnalysis.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Truncated_or_mutated_files_raise_no_analyzer_exception()
    {
        int count = Environment.GetEnvironmentVariable(LongVariable) == "1" ? 4000 : 200;
        int swallowed = AnalyzerGuard.Failures;
        var random = new Random(20240611);
        var failures = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string mutated = Mutate(ValidConsumer, i * 200 / count, random);
            CSharpCompilation compilation = DirectAnalysis.Compile(new[] { CSharpSyntaxTree.ParseText(mutated, DirectAnalysis.ParseOptions, "/project/Consumer.cs") }.Concat(DirectAnalysis.GeneratedTrees));
            (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions) = await DirectAnalysis.AnalyzeAsync(compilation);
            if (exceptions.Count > 0 || diagnostics.Any(d => d.Id == "AD0001"))
            {
                failures.Add($"mutation {i}: {string.Join("; ", exceptions.Select(e => e.GetType().Name + ": " + e.Message))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(swallowed, AnalyzerGuard.Failures);
    }

    /// <summary>Truncations (a file being typed), deleted spans, inserted tokens and replaced characters, a quarter of each (by <paramref name="index"/> out of 200).</summary>
    private static string Mutate(string source, int index, Random random)
    {
        int at = random.Next(source.Length);
        switch (index / 50)
        {
            case 0:
                return source.Substring(0, at);
            case 1:
                return source.Remove(at, Math.Min(random.Next(1, 40), source.Length - at));
            case 2:
                return source.Insert(at, Tokens[random.Next(Tokens.Length)]);
            default:
                char[] chars = source.ToCharArray();
                for (int k = 0; k < 3; k++)
                {
                    chars[random.Next(chars.Length)] = "{}()[];,.\"=@$ \n"[random.Next(15)];
                }

                return new string(chars);
        }
    }
}
