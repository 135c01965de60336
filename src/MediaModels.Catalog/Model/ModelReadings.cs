using System.Collections.Generic;

namespace MediaModels.Catalog;

/// <summary>One reading of a model as the docs and the command line list it: what it qualifies, in words, and why.</summary>
/// <param name="Subject">What the reading qualifies: <c>generation types</c>, <c>image-to-video images</c>, <c>prompt limit</c>….</param>
/// <param name="Note">What the spec says and why the catalog's reading of it is in doubt.</param>
public sealed record ModelReading(string Subject, string Note);

/// <summary>
/// Every reading of a model in one list (model-level readings, read modes, read counts, a read duration), so each place
/// that shows a model's certainty (docs, <c>mediamodels models ID</c>, the generated XML docs) shows the same ones.
/// </summary>
public static class ModelReadings
{
    /// <summary>The readings of <paramref name="model"/>, in the order of its facts; empty when the spec states them all.</summary>
    public static IReadOnlyList<ModelReading> Of(ModelSpec model)
    {
        var readings = new List<ModelReading>();
        Add(readings, model, FactKeys.GenerationTypes, "generation types");
        foreach (GenerationTypeSpec mode in model.GenerationTypes)
        {
            if (mode.Reading is string offered)
            {
                readings.Add(new ModelReading(mode.Type, offered));
            }

            if (mode.Images?.Reading is { } images)
            {
                readings.Add(new ModelReading(mode.Type + " images", images.Note));
            }

            if (mode.Videos?.Reading is { } videos)
            {
                readings.Add(new ModelReading(mode.Type + " videos", videos.Note));
            }
        }

        if (model.Duration.Reading is string duration)
        {
            readings.Add(new ModelReading("duration", duration));
        }

        Add(readings, model, FactKeys.Duration, "duration");
        Add(readings, model, FactKeys.PromptMaxLength, "prompt limit");
        Add(readings, model, FactKeys.Sound, "sound");
        Add(readings, model, FactKeys.NegativePrompt, "negative_prompt");
        Add(readings, model, FactKeys.Quality, "quality");
        return readings;
    }

    /// <summary>True when any fact of <paramref name="model"/> is a reading.</summary>
    public static bool Any(ModelSpec model) => Of(model).Count > 0;

    /// <summary>"up to 100 MB", or with the spec's hedge: "typically up to 100 MB"; null when the limit gives no size.</summary>
    public static string? DescribeMaxFileSize(SourceMediaLimit limit) =>
        limit.MaxFileSizeMb is double size
            ? (limit.HedgeOf(FactKeys.MaxFileSizeMb) is string hedge ? hedge + " " : string.Empty) + "up to " + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB"
            : null;

    private static void Add(List<ModelReading> readings, ModelSpec model, string fact, string subject)
    {
        if (model.ReadingOf(fact) is string note)
        {
            readings.Add(new ModelReading(subject, note));
        }
    }
}
