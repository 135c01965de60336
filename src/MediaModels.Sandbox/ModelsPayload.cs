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
///     "cost": { "credits_per_second": 24 }          // only where the catalog knows a price
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
            if (model.Pricing?.CreditsPerSecond is double credits)
            {
                item["cost"] = new JsonObject { ["credits_per_second"] = credits };
            }

            models.Add(item);
        }

        return ToolReplies.ToElement(new JsonObject { ["models"] = models, ["count"] = catalog.Models.Count });
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
