using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaModels.Catalog;

namespace MediaModels.Sandbox;

/// <summary>
/// The answer of the sandbox's <c>get_models</c> (the spec does not document its shape; this is the sandbox's choice):
/// <code>
/// { "models": [ {
///     "id": "seedance-1-5-pro", "media_type": "video",
///     "generation_types": ["text-to-video", "image-to-video"],
///     "input_media_types": ["image"],
///     "requires_input_image": false,
///     "inputs": { "text-to-video": { "images": { "min": 0, "max": 1 } },
///                 "image-to-video": { "images": { "min": 2, "max": 2 } } },
///     "estimated_time_seconds": 2,
///     "cost": { "credits_per_second": 24,             // only what the catalog knows of the price
///               "seconds_of": "reference_video",       // which seconds are counted: "output" or "reference_video"
///               "max_credits": 720,                    // credits_per_second × the longest reference video, where stated
///               "notes": ["…"] }                       // the catalog's pricing notes
/// } ], "count": 36 }
/// </code>
/// <c>requires_input_image</c> is true when every generation type of the model needs at least one image; a mode
/// that takes no media has an empty <c>inputs</c> entry; <c>max</c> is omitted when unbounded.
/// <c>estimated_time_seconds</c> is the sandbox's simulated job time.
/// </summary>
internal static class ModelsPayload
{
    public static JsonElement Build(ModelCatalog catalog, TimeSpan jobDuration)
    {
        var models = new JsonArray();
        foreach (ModelSpec model in catalog.Models)
        {
            var inputs = new JsonObject();
            foreach (GenerationTypeSpec type in model.GenerationTypes)
            {
                var entry = new JsonObject();
                if (type.Images is { } images)
                {
                    entry["images"] = Count(images);
                }

                if (type.Videos is { } videos)
                {
                    entry["videos"] = Count(videos);
                }

                inputs[type.Type] = entry;
            }

            var kinds = new JsonArray();
            if (model.GenerationTypes.Any(t => t.Images is not null))
            {
                kinds.Add("image");
            }

            if (model.GenerationTypes.Any(t => t.Videos is not null))
            {
                kinds.Add("video");
            }

            var item = new JsonObject
            {
                ["id"] = model.Id,
                ["media_type"] = model.Media == MediaKind.Image ? "image" : "video",
                ["generation_types"] = new JsonArray(model.GenerationTypes.Select(t => (JsonNode)JsonValue.Create(t.Type)!).ToArray()),
                ["input_media_types"] = kinds,
                ["requires_input_image"] = model.GenerationTypes.All(t => t.Images is { Min: >= 1 }),
                ["inputs"] = inputs,
                ["estimated_time_seconds"] = Math.Round(jobDuration.TotalSeconds, 3),
            };
            if (Cost(model) is JsonObject cost)
            {
                item["cost"] = cost;
            }

            models.Add(item);
        }

        return ToolReplies.ToElement(new JsonObject { ["models"] = models, ["count"] = catalog.Models.Count });
    }

    /// <summary>What the catalog knows of a model's price, or null when it knows nothing.</summary>
    private static JsonObject? Cost(ModelSpec model)
    {
        if (model.Pricing is not { } pricing)
        {
            return null;
        }

        var cost = new JsonObject();
        if (pricing.CreditsPerSecond is double perSecond)
        {
            cost["credits_per_second"] = perSecond;

            // Motion control: the output is as long as the reference video, whatever the request's duration says.
            SourceMediaLimit? reference = model.GenerationTypes.Select(t => t.Videos).FirstOrDefault(v => v is not null);
            cost["seconds_of"] = reference is null ? "output" : "reference_video";
            if (reference?.MaxDurationSeconds is int longest)
            {
                cost["max_credits"] = perSecond * longest;
            }
        }

        if (!pricing.Notes.IsEmpty)
        {
            cost["notes"] = new JsonArray(pricing.Notes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray());
        }

        return cost;
    }

    private static JsonObject Count(SourceMediaLimit limit)
    {
        var count = new JsonObject { ["min"] = limit.Min };
        if (limit.Max is int max)
        {
            count["max"] = max;
        }

        return count;
    }
}
