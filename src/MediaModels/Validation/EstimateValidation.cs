using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;

namespace MediaModels.Validation;

/// <summary>
/// Checks a <c>get_generation_estimate</c> request with the same rule engine as <c>generate_media</c>: the estimate's
/// <c>model</c>, <c>generation_type</c>, <c>prompt</c>, <c>negative_prompt</c> and the <c>generate_media</c>
/// parameters found in <c>parameters</c> (<c>duration</c>, <c>quality</c>, <c>sound</c>…) are checked as the
/// generation request they describe. An estimate need not carry a prompt or source media, so MM0003 (prompt
/// missing) is dropped when no prompt was given and MM0301 (count of source media) when no
/// <c>source_media_urls</c> was given; every other rule applies unchanged.
/// </summary>
public static class EstimateValidation
{
    /// <summary>Every violation of <paramref name="request"/> (errors and warnings) under <paramref name="validator"/>.</summary>
    /// <param name="validator">The validator (catalog) to use.</param>
    /// <param name="request">The estimate request.</param>
    public static IReadOnlyList<Violation> Validate(RequestValidator validator, GenerationEstimateRequest request)
    {
        if (validator is null)
        {
            throw new ArgumentNullException(nameof(validator));
        }

        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        bool hasSourceMedia = false;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            WriteString(writer, WireNames.Prompt, request.Prompt);
            WriteString(writer, WireNames.Model, request.Model);
            WriteString(writer, WireNames.GenerationType, request.GenerationType);
            WriteString(writer, WireNames.NegativePrompt, request.NegativePrompt);
            if (request.Parameters is JsonObject parameters)
            {
                foreach (KeyValuePair<string, JsonNode?> member in parameters)
                {
                    // Only generate_media's own parameters are checked; the estimate's top-level ones are written above,
                    // and extra parameters the generation request does not define are the service's business.
                    if (WireParameters.Find(member.Key) is not WireParameter parameter || WireParameters.IsEstimateParameter(parameter))
                    {
                        continue;
                    }

                    hasSourceMedia |= parameter == WireParameters.SourceMediaUrls && member.Value is not null;
                    writer.WritePropertyName(member.Key);
                    if (member.Value is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        member.Value.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
        }

        RequestReadResult read = RequestJsonReader.Read(new ReadOnlyMemory<byte>(stream.GetBuffer(), 0, (int)stream.Length));
        var kept = new List<Violation>();
        foreach (Violation violation in validator.Validate(read))
        {
            if ((violation.Id == MediaRules.EmptyPrompt.Id && request.Prompt is null)
                || (violation.Id == MediaRules.WrongSourceMediaCount.Id && !hasSourceMedia))
            {
                continue;
            }

            kept.Add(violation);
        }

        return kept;
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
