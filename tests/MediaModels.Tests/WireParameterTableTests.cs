using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using MediaModels.Json;
using MediaModels.Validation;
using Xunit;

namespace MediaModels.Tests;

/// <summary>
/// The wire-parameter table is the one list of the tools' parameters: the request types, the JSON reader and the
/// estimate mapping must carry exactly its rows (the sandbox's schemas and the analyzers are checked in their own projects).
/// </summary>
public sealed class WireParameterTableTests
{
    [Fact]
    public void The_request_type_carries_exactly_the_generate_media_parameters_under_their_members()
    {
        JsonTypeInfo info = MediaModelsJsonContext.Default.GenerateMediaRequest;
        Assert.Equal(Names(WireParameters.GenerateMedia), WireProperties(info));
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            PropertyInfo? member = typeof(GenerateMediaRequest).GetProperty(parameter.MemberName);
            Assert.True(member is not null, $"GenerateMediaRequest has no {parameter.MemberName} for {parameter.Name}");
            Assert.Equal(parameter.Name, member!.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name);
        }
    }

    [Fact]
    public void The_element_and_estimate_types_carry_exactly_their_tables()
    {
        Assert.Equal(Names(WireParameters.KlingElement), WireProperties(MediaModelsJsonContext.Default.KlingElement));
        Assert.Equal(Names(WireParameters.GenerationEstimate), WireProperties(MediaModelsJsonContext.Default.GenerationEstimateRequest));
        foreach (WireParameter member in WireParameters.KlingElement)
        {
            Assert.NotNull(typeof(KlingElement).GetProperty(member.MemberName));
        }
    }

    [Fact]
    public void Every_parameter_is_read_by_the_json_reader_as_its_kind_and_nothing_else_is_known()
    {
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            string value = parameter.Kind switch
            {
                WireJsonKind.String => "\"x\"",
                WireJsonKind.Boolean => "true",
                WireJsonKind.Number => "7",
                WireJsonKind.StringOrStringArray or WireJsonKind.StringArray => "[\"https://e.x/a.png\"]",
                _ => "[{\"name\":\"a\",\"description\":\"b\",\"element_input_urls\":[\"https://e.x/1.png\",\"https://e.x/2.png\"]}]",
            };
            RequestReadResult read = RequestJsonReader.Read($"{{\"{parameter.Name}\": {value}}}");
            Assert.DoesNotContain(read.Violations, v => v.Id is "MM0005" or "MM0006");
            Assert.NotNull(read.Request);
            Assert.Contains($"\"{parameter.Name}\"", read.Request!.ToJson(), StringComparison.Ordinal);

            // The wrong kind is MM0005 at the parameter's path, with the table's wording of what it must be.
            string wrong = parameter.Kind == WireJsonKind.Boolean ? "\"yes\"" : "true";
            RequestReadResult bad = RequestJsonReader.Read($"{{\"{parameter.Name}\": {wrong}}}");
            Violation violation = Assert.Single(bad.Violations, v => v.Id == "MM0005");
            Assert.Equal(parameter.Path, violation.Path);
        }

        RequestReadResult unknown = RequestJsonReader.Read("{\"durations\": \"5s\"}");
        Violation suggestion = Assert.Single(unknown.Violations);
        Assert.Equal("MM0006", suggestion.Id);
        Assert.Equal(WireNames.Duration, suggestion.Suggestion);
    }

    [Fact]
    public void Every_settable_request_property_maps_to_a_row_as_the_analyzers_read_it()
    {
        // The analyzers turn `new GenerateMediaRequest { X = … }` into facts by looking the property up in the table.
        foreach (PropertyInfo property in typeof(GenerateMediaRequest).GetProperties().Where(p => p.CanWrite && p.Name != nameof(GenerateMediaRequest.ExtensionData)))
        {
            Assert.True(WireParameters.FindByMember(property.Name) is not null, $"GenerateMediaRequest.{property.Name} has no row");
        }

        foreach (PropertyInfo property in typeof(KlingElement).GetProperties().Where(p => p.CanWrite && p.Name != nameof(KlingElement.ExtensionData)))
        {
            Assert.True(WireParameters.FindElementMemberByMember(property.Name) is not null, $"KlingElement.{property.Name} has no row");
        }
    }

    [Fact]
    public void Wire_paths_are_built_from_the_table()
    {
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            FieldInfo? path = typeof(WirePaths).GetField(parameter.MemberName);
            Assert.True(path is not null, $"WirePaths has no {parameter.MemberName}");
            Assert.Equal(parameter.Path, path!.GetValue(null));
        }
    }

    [Fact]
    public void An_estimate_request_carries_its_own_parameters_on_top_and_the_others_in_parameters()
    {
        var request = new GenerateMediaRequest { Prompt = "p", Model = "sora-2", GenerationType = "text-to-video", NegativePrompt = "n", Duration = "10s", Sound = false };
        GenerationEstimateRequest estimate = GenerationEstimateRequest.For(request);
        Assert.Equal("sora-2", estimate.Model);
        Assert.Equal("n", estimate.NegativePrompt);
        Assert.NotNull(estimate.Parameters);
        Assert.Equal(new[] { "duration", "sound" }, estimate.Parameters!.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(WireParameters.GenerationEstimate, own => Assert.False(estimate.Parameters.ContainsKey(own.Name)));
    }

    /// <summary>The JSON properties a type writes by name (its extension data, which holds members the spec does not define, aside).</summary>
    private static IEnumerable<string> WireProperties(JsonTypeInfo info) =>
        info.Properties.Where(p => !p.IsExtensionData).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);

    private static IEnumerable<string> Names(IEnumerable<WireParameter> table) =>
        table.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
}
