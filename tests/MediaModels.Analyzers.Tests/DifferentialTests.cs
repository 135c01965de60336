using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using MediaModels.Catalog.Rules;
using MediaModels.Generators.Analyzers;
using MediaModels.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Analyzers.Tests;

/// <summary>
/// One table of constant requests, checked twice: by the analyzer as loose C# (<c>new GenerateMediaRequest { … }</c>)
/// and by the runtime validator on the JSON (<see cref="RequestJsonReader"/> + <see cref="RequestValidator"/>). The two
/// verdicts — the IDs found, with their counts — are identical for every row.
/// </summary>
public sealed class DifferentialTests
{
    private static readonly string Long801 = new('a', 801);

    private const string TwoImages = """["https://e.com/1.jpg", "https://e.com/2.jpg"]""";

    /// <summary>Name and JSON. Every row names a constant model (the analyzer judges requests whose model is a constant).</summary>
    public static readonly (string Name, string Json)[] Rows =
    {
        ("text-to-image, valid", """{"prompt": "A futuristic city", "model": "nano-banana", "generation_type": "text-to-image", "aspect_ratio": "16:9", "seed": 42}"""),
        ("sora text-to-video, valid", """{"prompt": "A red car", "model": "sora-2", "generation_type": "text-to-video", "duration": "10s"}"""),
        ("spec image-to-video example, valid", """{"prompt": "Gentle motion and subtle movement", "model": "kling-2-6-image-to-video", "generation_type": "image-to-video", "source_media_urls": ["https://example.com/your-image.jpg"], "aspect_ratio": "16:9", "duration": "5s"}"""),
        ("unknown model", """{"prompt": "x", "model": "sora-3", "generation_type": "text-to-video"}"""),
        ("unknown model far from every id", """{"prompt": "x", "model": "zzzzzzzzzzzz"}"""),
        ("generation type not offered", """{"prompt": "x", "model": "sora-2", "generation_type": "text-to-image"}"""),
        ("generation type omitted on a video model", """{"prompt": "x", "model": "sora-2"}"""),
        ("not a generation type", """{"prompt": "x", "model": "sora-2", "generation_type": "video"}"""),
        ("blank prompt", """{"prompt": "  ", "model": "nano-banana"}"""),
        ("missing prompt", """{"model": "nano-banana"}"""),
        ("prompt too long", $$"""{"prompt": "{{Long801}}", "model": "wan-2-5", "generation_type": "text-to-video"}"""),
        ("sound ignored", """{"prompt": "x", "model": "sora-2", "generation_type": "text-to-video", "sound": true}"""),
        ("sound false is fine", """{"prompt": "x", "model": "sora-2", "generation_type": "text-to-video", "sound": false}"""),
        ("negative prompt ignored", """{"prompt": "x", "model": "sora-2", "generation_type": "text-to-video", "negative_prompt": "blur"}"""),
        ("negative prompt honoured", """{"prompt": "x", "model": "imagen-4", "negative_prompt": "blur", "quality": "fast"}"""),
        ("duration on an image model", """{"prompt": "x", "model": "nano-banana", "duration": "5s"}"""),
        ("duration on a fixed-length model", """{"prompt": "x", "model": "grok-text-to-video-6s", "generation_type": "text-to-video", "duration": "6s"}"""),
        ("quality ignored", """{"prompt": "x", "model": "sora-2", "generation_type": "text-to-video", "quality": "pro"}"""),
        ("duration not allowed", """{"prompt": "x", "model": "sora-2", "generation_type": "text-to-video", "duration": "12s"}"""),
        ("duration not a duration", """{"prompt": "x", "model": "kling-3-0-std", "generation_type": "text-to-video", "duration": "long"}"""),
        ("duration in a range", """{"prompt": "x", "model": "kling-3-0-pro", "generation_type": "text-to-video", "duration": "7s", "sound": true}"""),
        ("quality not allowed", """{"prompt": "x", "model": "sora-2-pro", "generation_type": "text-to-video", "quality": "ultra"}"""),
        ("malformed aspect ratio", """{"prompt": "x", "model": "nano-banana", "aspect_ratio": "16/9"}"""),
        ("too many source media", $$"""{"prompt": "x", "model": "kling-2-6-image-to-video", "generation_type": "image-to-video", "source_media_urls": {{TwoImages}}}"""),
        ("missing source media", """{"prompt": "x", "model": "kling-2-6-image-to-video", "generation_type": "image-to-video"}"""),
        ("source media on text-to-video", """{"prompt": "x", "model": "sora-2", "generation_type": "text-to-video", "source_media_urls": ["https://e.com/a.jpg"]}"""),
        ("one source URL as a string", """{"prompt": "x", "model": "sora-2", "generation_type": "image-to-video", "source_media_urls": "https://e.com/a.jpg"}"""),
        ("video where an image is expected", """{"prompt": "x", "model": "kling-2-6-image-to-video", "generation_type": "image-to-video", "source_media_urls": ["https://e.com/clip.mp4"]}"""),
        ("not an http URL", """{"prompt": "x", "model": "kling-2-6-image-to-video", "generation_type": "image-to-video", "source_media_urls": ["ftp://e.com/a.jpg"]}"""),
        ("format not listed", """{"prompt": "x", "model": "kling-3-0-std", "generation_type": "image-to-video", "source_media_urls": ["https://e.com/a.webp"]}"""),
        ("motion control image + video, valid", """{"prompt": "x", "model": "kling-2-6-motion-control-720p", "generation_type": "image-to-video", "source_media_urls": ["https://e.com/a.jpg", "https://e.com/move.mp4"]}"""),
        ("motion control two images", $$"""{"prompt": "x", "model": "kling-3-0-motion-control-1080p", "generation_type": "image-to-video", "source_media_urls": {{TwoImages}}}"""),
        ("seedance image-to-video with one image", """{"prompt": "x", "model": "seedance-1-5-pro", "generation_type": "image-to-video", "source_media_urls": ["https://e.com/a.jpg"], "sound": true}"""),
        ("seedance text-to-video with one image, valid", """{"prompt": "x", "model": "seedance-1-5-pro", "generation_type": "text-to-video", "source_media_urls": ["https://e.com/a.jpg"], "duration": "8s"}"""),
        ("elements on a model without them", """{"prompt": "@dog", "model": "sora-2", "generation_type": "text-to-video", "kling_elements": [{"name": "dog", "description": "a dog", "element_input_urls": ["https://e.com/1.jpg", "https://e.com/2.jpg"]}]}"""),
        ("elements without a picture", """{"prompt": "@dog", "model": "kling-3-0-std", "generation_type": "text-to-video", "kling_elements": [{"name": "dog", "description": "a dog", "element_input_urls": ["https://e.com/1.jpg", "https://e.com/2.jpg"]}]}"""),
        ("element without a description", """{"prompt": "@dog", "model": "kling-3-0-std", "generation_type": "text-to-video", "source_media_urls": ["https://e.com/a.png"], "kling_elements": [{"name": "dog", "element_input_urls": ["https://e.com/1.jpg", "https://e.com/2.jpg"]}]}"""),
        ("element with five images and with a video too", """{"prompt": "@dog", "model": "kling-3-0-pro", "generation_type": "text-to-video", "source_media_urls": ["https://e.com/a.png"], "kling_elements": [{"name": "dog", "description": "d", "element_input_urls": ["https://e.com/1.jpg", "https://e.com/2.jpg", "https://e.com/3.jpg", "https://e.com/4.jpg", "https://e.com/5.jpg"]}, {"name": "cat", "description": "c", "element_input_urls": ["https://e.com/1.jpg", "https://e.com/2.jpg"], "element_input_video_urls": ["https://e.com/c.mp4"]}]}"""),
        ("undeclared element", """{"prompt": "@cat chases @dog", "model": "kling-3-0-std", "generation_type": "text-to-video", "source_media_urls": ["https://e.com/a.png"], "kling_elements": [{"name": "dog", "description": "a dog", "element_input_video_urls": ["https://e.com/d.mp4"]}]}"""),
        ("elements in image-to-video, valid", """{"prompt": "@dog runs", "model": "kling-3-0-pro", "generation_type": "image-to-video", "source_media_urls": ["https://e.com/a.png", "https://e.com/b.jpg"], "kling_elements": [{"name": "dog", "description": "a dog", "element_input_urls": ["https://e.com/1.jpg", "https://e.com/2.png"]}], "duration": "15s"}"""),
        ("many problems at once", """{"prompt": "", "model": "sora-2", "generation_type": "text-to-video", "sound": true, "quality": "pro", "duration": "12s", "aspect_ratio": "wide", "negative_prompt": "n"}"""),
        ("image-to-image with many images", """{"prompt": "x", "model": "nano-banana-edit", "generation_type": "image-to-image", "source_media_urls": ["https://e.com/1.jpg", "https://e.com/2.jpg", "https://e.com/3.jpg", "https://e.com/4.jpg", "https://e.com/5.jpg", "https://e.com/6.jpg", "https://e.com/7.jpg", "https://e.com/8.jpg", "https://e.com/9.jpg", "https://e.com/10.jpg", "https://e.com/11.jpg"]}"""),
        ("v1 image-to-video, valid", """{"prompt": "x", "model": "v1-pro-fast-i2v", "generation_type": "image-to-video", "source_media_urls": ["https://e.com/a.jpg"], "duration": "10s"}"""),
        ("null values read as absent", """{"prompt": "x", "model": "nano-banana", "sound": null, "duration": null, "quality": null}"""),
    };

    [Fact]
    public void The_table_is_large_and_varied()
    {
        Assert.True(Rows.Length >= 30);
        var ids = Rows.SelectMany(r => RuntimeVerdict(r.Json)).Distinct().ToArray();
        Assert.True(ids.Length >= 20, "The rows break only " + string.Join(", ", ids));
        Assert.Contains(Rows, r => RuntimeVerdict(r.Json).Count == 0);
    }

    [Fact]
    public async Task Analyzer_and_runtime_validator_agree_on_every_row()
    {
        var source = new StringBuilder("using System.Collections.Generic;\nusing MediaModels;\n\nclass Rows\n{\n");
        for (int i = 0; i < Rows.Length; i++)
        {
            source.Append("    GenerateMediaRequest Row").Append(i).Append("() => ").Append(ToCSharp(Rows[i].Json, i)).Append(";\n\n");
        }

        source.Append("}\n");
        CSharpCompilation compilation = DirectAnalysis.Compile(source.ToString());
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions) = await DirectAnalysis.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);

        SyntaxTree tree = compilation.SyntaxTrees.Single();
        var methods = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().ToArray();
        var mismatches = new List<string>();
        for (int i = 0; i < Rows.Length; i++)
        {
            var span = methods[i].Span;
            string analyzer = Verdict(diagnostics.Where(d => span.Contains(d.Location.SourceSpan)).Select(d => d.Id));
            string runtime = Verdict(RuntimeVerdict(Rows[i].Json));
            if (analyzer != runtime)
            {
                mismatches.Add($"row {i} ({Rows[i].Name}): analyzer [{analyzer}] vs runtime [{runtime}]");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string Verdict(IEnumerable<string> ids) => string.Join(", ", ids.OrderBy(id => id, StringComparer.Ordinal));

    private static List<string> RuntimeVerdict(string json)
    {
        RequestReadResult read = RequestJsonReader.Read(json);
        Assert.False(read.HasErrors, "The row is not a well-formed request: " + string.Join("; ", read.Violations));
        return RequestValidator.Default.Validate(read).Select(v => v.Id).ToList();
    }

    /// <summary>The row as loose C#; lists alternate between array, List and collection expression syntax.</summary>
    private static string ToCSharp(string json, int row)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var members = new List<string>();
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            string value = property.Name switch
            {
                "sound" => property.Value.ValueKind == JsonValueKind.Null ? "null" : property.Value.GetBoolean() ? "true" : "false",
                "seed" => property.Value.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "source_media_urls" => Urls(property.Value, row),
                "kling_elements" => "new[] { " + string.Join(", ", property.Value.EnumerateArray().Select(e => Element(e, row))) + " }",
                _ => Literal(property.Value),
            };
            members.Add(CSharpName(property.Name) + " = " + value);
        }

        return "new GenerateMediaRequest { " + string.Join(", ", members) + " }";
    }

    private static string Element(JsonElement element, int row) =>
        "new KlingElement { " + string.Join(", ", element.EnumerateObject().Select(p => p.Name switch
        {
            "name" => "Name = " + Literal(p.Value),
            "description" => "Description = " + Literal(p.Value),
            "element_input_urls" => "ElementInputUrls = " + Urls(p.Value, row),
            _ => "ElementInputVideoUrls = " + Urls(p.Value, row),
        })) + " }";

    private static string Urls(JsonElement value, int row)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return "new[] { " + Literal(value) + " }";
        }

        string items = string.Join(", ", value.EnumerateArray().Select(Literal));
        return (row % 3) switch
        {
            0 => "new[] { " + items + " }",
            1 => "new List<string> { " + items + " }",
            _ => "[" + items + "]",
        };
    }

    private static string Literal(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "null" : SymbolDisplay.FormatLiteral(value.GetString()!, quote: true);

    private static string CSharpName(string wire) => string.Concat(wire.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));
}
