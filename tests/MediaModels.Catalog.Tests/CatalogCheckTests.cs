using System;
using System.Linq;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

/// <summary>The one catalog check: a model with any problem is left out, and checks that span files see the merged model.</summary>
public class CatalogCheckTests
{
    private const string Elements = """
        models:
          - id: kling-like
            media: video
            generation_types:
              image-to-video:
                images: { min: 1, max: 2, roles: [start-frame, end-frame] }
                elements_require_images: 2
            elements: { min_images: 2, max_images: 4, videos: 1 }
          - id: other
            media: image
            generation_types: { text-to-image: }
        """;

    [Fact]
    public void A_model_with_a_problem_in_its_entry_is_left_out_and_the_others_stay()
    {
        const string text = "models:\n  - id: typo\n    media: video\n    generation_types: { text-to-video: }\n    sond: true\n  - id: fine\n    media: image\n    generation_types: { text-to-image: }\n";
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", text) });
        Assert.Equal("MM1002", Assert.Single(result.Diagnostics).Id);
        Assert.Equal(new[] { "fine" }, result.Catalog.Ids);
    }

    [Fact]
    public void An_override_with_a_problem_leaves_its_model_out()
    {
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", Elements), ("b.yaml", "overrides:\n  - id: kling-like\n    sound: loud\n") });
        Assert.Equal("MM1004", Assert.Single(result.Diagnostics).Id);
        Assert.Equal(new[] { "other" }, result.Catalog.Ids);
    }

    [Fact]
    public void An_override_that_takes_away_the_pictures_elements_need_is_MM1013_where_the_requirement_is_written()
    {
        const string overlay = "overrides:\n  - id: kling-like\n    generation_types:\n      image-to-video:\n        images: { count: 1 }\n        elements_require_images: 2\n";
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", Elements), ("b.yaml", overlay) });
        CatalogDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MM1013", diagnostic.Id);
        Assert.Equal(new SourceLocation("b.yaml", 6, 9), diagnostic.Location);
        Assert.DoesNotContain("kling-like", result.Catalog.Ids);
    }

    [Fact]
    public void An_override_adding_a_mode_with_elements_to_a_model_whose_elements_an_earlier_file_declared_is_fine()
    {
        const string overlay = "overrides:\n  - id: kling-like\n    generation_types:\n      text-to-video:\n        images: { min: 0, max: 1 }\n        elements_require_images: 1\n";
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", Elements), ("b.yaml", overlay) });
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Catalog.Find("kling-like")!.FindGenerationType("text-to-video")!.ElementsRequireImages);
    }

    [Fact]
    public void Elements_required_on_a_model_without_elements_is_a_contradiction()
    {
        const string text = "models:\n  - id: m\n    media: video\n    generation_types:\n      image-to-video:\n        images: { count: 1 }\n        elements_require_images: 1\n";
        CatalogDiagnostic diagnostic = Assert.Single(CatalogReader.Read(new[] { ("a.yaml", text) }).Diagnostics);
        Assert.Equal(("MM1006", 7, 9), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_duplicate_id_is_reported_at_both_places()
    {
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", Elements), ("b.yaml", "models:\n  - id: other\n    media: image\n    generation_types: { text-to-image: }\n") });
        CatalogDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MM1005", diagnostic.Id);
        Assert.Equal(new SourceLocation("b.yaml", 2, 5), diagnostic.Location);
        Assert.Equal(new[] { new SourceLocation("a.yaml", 9, 5) }, diagnostic.AdditionalLocations.ToArray());
    }

    [Fact]
    public void A_duplicate_id_names_the_declaration_not_a_later_override()
    {
        CatalogReadResult result = CatalogReader.Read(new[]
        {
            ("a.yaml", Elements),
            ("b.yaml", "overrides:\n  - id: other\n    prompt_max_length: 10\n"),
            ("c.yaml", "models:\n  - id: other\n    media: image\n    generation_types: { text-to-image: }\n"),
        });
        CatalogDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("a.yaml(9,5)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("a.yaml", 9, 5), Assert.Single(diagnostic.AdditionalLocations));
    }

    [Fact]
    public void A_name_clash_across_files_is_reported_at_both_places()
    {
        CatalogReadResult result = CatalogReader.Read(new[]
        {
            ("a.yaml", "models:\n  - id: veo3-1\n    media: video\n    generation_types: { text-to-video: }\n"),
            ("b.yaml", "models:\n  - id: veo-3-1\n    media: video\n    generation_types: { text-to-video: }\n"),
        });
        CatalogDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("MM1010", "b.yaml"), (diagnostic.Id, diagnostic.Location.File));
        Assert.Equal(new SourceLocation("a.yaml", 2, 5), Assert.Single(diagnostic.AdditionalLocations));
    }

    [Fact]
    public void The_reader_catch_all_is_its_own_rule_not_a_yaml_syntax_error()
    {
        CatalogDiagnostic diagnostic = CatalogDiagnostic.InternalError("reading this catalog file", new InvalidOperationException("boom"), new SourceLocation("f.yaml", 1, 1));
        Assert.Equal("MM1017", diagnostic.Id);
        Assert.Equal("f.yaml(1,1): error MM1017: MediaModels failed reading this catalog file: System.InvalidOperationException: boom This is a bug in MediaModels, not in the catalog; please report it with the catalog file.", diagnostic.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(59)]
    [InlineData(DurationRule.MaxSeconds)]
    public void Every_duration_the_catalog_accepts_round_trips_on_the_wire(int seconds)
    {
        Assert.True(DurationRule.TryParse(DurationRule.Format(seconds), out int back));
        Assert.Equal(seconds, back);
    }

    [Fact]
    public void A_duration_at_the_limit_is_accepted_and_one_above_it_is_MM1014()
    {
        string Model(string duration) => $"models:\n  - id: m\n    media: video\n    generation_types: {{ text-to-video: }}\n    duration: {duration}\n";
        Assert.Empty(CatalogReader.Read(new[] { ("a.yaml", Model("{ min: 99990s, max: 100000s }")) }).Diagnostics);
        Assert.Equal("MM1014", Assert.Single(CatalogReader.Read(new[] { ("a.yaml", Model("{ min: 99990s, max: 100001 }")) }).Diagnostics).Id);
    }

    [Theory]
    [InlineData("start-frame", MediaKind.Image)]
    [InlineData("end-frame", MediaKind.Image)]
    [InlineData("reference-image", MediaKind.Image)]
    [InlineData("reference-video", MediaKind.Video)]
    [InlineData("reference", null)]
    [InlineData("keyframe", null)]
    public void A_role_names_its_kind_by_its_last_word(string role, MediaKind? kind)
    {
        Assert.Equal(kind, RoleNames.KindNamed(role));
    }

    [Fact]
    public void A_role_or_quality_value_that_would_be_too_long_a_csharp_name_is_MM1009()
    {
        string longValue = new string('a', CSharpNames.MaxNameLength + 1);
        string text = $"models:\n  - id: m\n    media: image\n    generation_types:\n      image-to-image:\n        images: {{ count: 1, roles: [{longValue}] }}\n    quality: {{ values: [{longValue}] }}\n";
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", text) });
        Assert.Equal(new[] { "MM1009", "MM1009" }, result.Diagnostics.Select(d => d.Id).ToArray());
        Assert.Empty(result.Catalog.Models);
    }

    [Fact]
    public void Nearest_name_with_its_shortcuts_finds_what_the_full_table_finds()
    {
        var random = new Random(7);
        string[] candidates = Enumerable.Range(0, 300).Select(_ => Word(random)).Distinct().ToArray();
        for (int i = 0; i < 2000; i++)
        {
            string input = random.Next(3) == 0 ? Word(random) : Typo(candidates[random.Next(candidates.Length)], random);
            Assert.Equal(Naive(input, candidates), NearestName.Find(input, candidates));
        }

        static string Word(Random random) => new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => "abcdeAB-1"[random.Next(9)]).ToArray());

        static string Typo(string word, Random random)
        {
            var chars = word.ToList();
            int at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, 'x'); break;
                case 2: chars[at] = char.ToUpperInvariant(chars[at]); break;
                default:
                    if (at + 1 < chars.Count)
                    {
                        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    }

                    break;
            }

            return new string(chars.ToArray());
        }
    }

    /// <summary>The suggestion as the full table defines it: smallest case-insensitive distance, ties to the ordinal first.</summary>
    private static string? Naive(string input, string[] candidates)
    {
        if (input.Length == 0)
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = NearestName.Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (best is not null && bestDistance <= Math.Max(2, Math.Max(input.Length, best.Length) / 3))
        {
            return best;
        }

        return input.Length >= 4 ? candidates.FirstOrDefault(c => c.StartsWith(input, StringComparison.OrdinalIgnoreCase)) : null;
    }
}
