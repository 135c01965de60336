using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog.Rules;
using MediaModels.Json;
using MediaModels.Validation;

namespace MediaModels.Tests;

/// <summary>The one diagnostic shape: its exact JSON, its round trip, and how leniently it reads.</summary>
public class RequestDiagnosticTests
{
    private static readonly Violation Duration = new(MediaRules.DurationNotAllowed.Id, Severity.Error, "$.duration", "sora-2 accepts durations of 10s, 15s; got 8s.", "10s");

    [Fact]
    public void A_placed_diagnostic_has_every_field_in_the_documented_order()
    {
        string json = RequestDiagnostic.From(Duration, new JsonTextPosition(5, 3)).ToJson();

        Assert.Equal(
            "{\"id\":\"MM0201\",\"severity\":\"error\",\"path\":\"$.duration\",\"message\":\"sora-2 accepts durations of 10s, 15s; got 8s.\",\"line\":5,\"column\":3,\"suggestion\":\"10s\"}",
            json);
    }

    [Fact]
    public void Place_and_suggestion_are_left_out_when_there_are_none()
    {
        var warning = new Violation("MM0101", Severity.Warning, "$.sound", "sora-2 has no audio & ignores <sound>.");

        Assert.Equal(
            "{\"id\":\"MM0101\",\"severity\":\"warning\",\"path\":\"$.sound\",\"message\":\"sora-2 has no audio & ignores <sound>.\"}",
            RequestDiagnostic.From(warning).ToJson());
    }

    [Fact]
    public void It_round_trips_through_the_runtime_context_and_back_to_the_violation()
    {
        RequestDiagnostic[] diagnostics =
        {
            RequestDiagnostic.From(Duration, new JsonTextPosition(5, 3)),
            RequestDiagnostic.From(new Violation("MM0101", Severity.Warning, "$.sound", "ignored")),
        };

        string json = JsonSerializer.Serialize<IReadOnlyList<RequestDiagnostic>>(diagnostics, MediaModelsJsonContext.Default.IReadOnlyListRequestDiagnostic);
        IReadOnlyList<RequestDiagnostic> back = JsonSerializer.Deserialize(json, MediaModelsJsonContext.Default.IReadOnlyListRequestDiagnostic)!;

        Assert.Equal(diagnostics, back);
        Assert.Equal(diagnostics[0], RequestDiagnostic.FromJson(diagnostics[0].ToJson(indented: true)));
        Assert.Equal(Duration, back[0].ToViolation());
    }

    [Fact]
    public void A_reader_meeting_less_fills_in_the_safe_defaults()
    {
        RequestDiagnostic diagnostic = RequestDiagnostic.FromJson("{\"id\":\"MM0201\",\"path\":null,\"message\":null,\"severity\":null}");

        Assert.Equal(new Violation("MM0201", Severity.Error, "$", string.Empty), diagnostic.ToViolation());
        Assert.Null(diagnostic.Line);
        Assert.Equal(new Violation("MM0201", Severity.Error, "$", string.Empty), RequestDiagnostic.FromJson("{\"id\":\"MM0201\"}").ToViolation());
        Assert.Equal(Severity.Warning, RequestDiagnostic.FromJson("{\"id\":\"MM0101\",\"severity\":\"Warning\"}").Severity);
        Assert.Equal("MM0101", RequestDiagnostic.FromJson("{\"id\":\"MM0101\",\"extra\":[1,2]}").Id);
    }

    [Theory]
    [InlineData("{\"severity\":\"error\",\"path\":\"$\",\"message\":\"m\"}", "id")]
    [InlineData("{\"id\":\"MM0201\",\"severity\":\"fatal\"}", "severity")]
    [InlineData("{\"id\":\"MM0201\",\"severity\":2}", "severity")]
    [InlineData("{\"id\":42}", null)]
    [InlineData("{\"id\":\"MM0201\",\"line\":\"5\"}", null)]
    [InlineData("[]", null)]
    public void What_does_not_fit_the_shape_is_a_JsonException(string json, string? named)
    {
        JsonException exception = Assert.ThrowsAny<JsonException>(() => RequestDiagnostic.FromJson(json));
        if (named is not null)
        {
            Assert.Contains(named, exception.Message);
        }
    }

    [Fact]
    public void The_validator_s_violations_become_diagnostics_placed_where_the_reader_found_them()
    {
        RequestReadResult read = RequestJsonReader.Read(System.Text.Encoding.UTF8.GetBytes("{\n  \"prompt\": \"A boat\",\n  \"model\": \"sora-2\",\n  \"generation_type\": \"text-to-video\",\n  \"duration\": \"8s\"\n}"));
        Violation violation = Assert.Single(RequestValidator.Default.Validate(read));
        Assert.True(read.TryGetPosition(violation, out JsonTextPosition position));

        RequestDiagnostic diagnostic = RequestDiagnostic.From(violation, position);

        Assert.Equal(("MM0201", Severity.Error, "$.duration", 5, 3, "10s"), (diagnostic.Id, diagnostic.Severity, diagnostic.Path, diagnostic.Line!.Value, diagnostic.Column!.Value, diagnostic.Suggestion));
        Assert.Equal(violation, diagnostic.ToViolation());
    }
}
