using System.Collections.Generic;
using System.Linq;

namespace MediaModels.Cli.Docs;

/// <summary>One example per rule ID; a docs test proves each triggers its rule.</summary>
internal static class RuleExamples
{
    private static readonly string LongPrompt = string.Concat(Enumerable.Repeat("A storm over a dark sea. ", 33)) + "Lightning.";

    public static readonly IReadOnlyList<RuleExample> All = new RuleExample[]
    {
        new("MM0001", Json("""{"prompt": "A paper boat on a river", "model": "sora2", "generation_type": "text-to-video"}""")),
        new("MM0002", Json("""{"prompt": "A paper boat on a river", "model": "sora-2"}""")),
        new("MM0003", Json("""{"prompt": "", "model": "sora-2", "generation_type": "text-to-video"}""")),
        new("MM0004", Json($$"""{"prompt": "{{LongPrompt}}", "model": "wan-2-5", "generation_type": "text-to-video"}"""),
            Json("""{"prompt": "A storm over a dark sea. A storm over … (835 characters)", "model": "wan-2-5", "generation_type": "text-to-video"}""")),
        new("MM0005", Json("""{"prompt": "A paper boat on a river", "model": "kling-2-6-text-to-video", "generation_type": "text-to-video", "sound": "yes"}""")),
        new("MM0006", Json("""{"prompt": "A paper boat on a river", "model": "sora-2", "generation_type": "text-to-video", "durations": "10s"}""")),
        new("MM0007", "{\n  \"prompt\": \"A paper boat on a river\",\n  \"model\": \"sora-2\",\n}\n"),
        new("MM0008", Json("""{"prompt": "A paper boat on a river", "model": "nano-banana-pro-4k", "aspect_ratio": "16:9"}""")),
        new("MM0101", Json("""{"prompt": "A paper boat on a river", "model": "sora-2", "generation_type": "text-to-video", "sound": true}""")),
        new("MM0102", Json("""{"prompt": "A fox in the snow", "model": "nano-banana", "negative_prompt": "blurry"}""")),
        new("MM0103", Json("""{"prompt": "A fox in the snow", "model": "veo3-1", "generation_type": "text-to-video", "duration": "8s"}""")),
        new("MM0104", Json("""{"prompt": "A futuristic city at sunset", "model": "nano-banana", "generation_type": "text-to-image", "quality": "pro"}""")),
        new("MM0201", Json("""{"prompt": "A paper boat on a river", "model": "kling-2-6-text-to-video", "generation_type": "text-to-video", "duration": "8s"}""")),
        new("MM0202", Json("""{"prompt": "A fox in the snow", "model": "imagen-4", "quality": "pro"}""")),
        new("MM0203", Json("""{"prompt": "A fox in the snow", "model": "imagen-4", "aspect_ratio": "16x9"}""")),
        new("MM0204", Json("""{"prompt": "A fox in the snow", "model": "square-painter", "aspect_ratio": "16:9"}"""),
            CatalogOverlay: "models:\n  - id: square-painter\n    media: image\n    generation_types: { text-to-image: }\n    aspect_ratios: [\"1:1\"]\n"),
        new("MM0301", Json("""{"prompt": "The flower opens", "model": "kling-2-5-image-to-video-pro", "generation_type": "image-to-video", "source_media_urls": ["https://example.com/bud.jpg"]}""")),
        new("MM0302", Json("""{"prompt": "A fox in the snow", "model": "imagen-4", "source_media_urls": ["https://example.com/fox.jpg"]}""")),
        new("MM0303", Json("""{"prompt": "Gentle motion", "model": "sora-2", "generation_type": "image-to-video", "source_media_urls": ["https://example.com/clip.mp4"]}""")),
        new("MM0304", Json("""{"prompt": "Gentle motion", "model": "sora-2", "generation_type": "image-to-video", "source_media_urls": ["images/boat.jpg"]}""")),
        new("MM0305", Json("""{"prompt": "Gentle motion", "model": "kling-3-0-std", "generation_type": "image-to-video", "source_media_urls": ["https://example.com/start.webp"]}""")),
        new("MM0401", Json("""{"prompt": "@hero waves", "model": "kling-2-6-text-to-video", "generation_type": "text-to-video", "kling_elements": [{"name": "hero", "description": "A knight", "element_input_urls": ["https://example.com/a.jpg", "https://example.com/b.jpg"]}]}""")),
        new("MM0402", Json("""{"prompt": "@hero waves", "model": "kling-3-0-std", "generation_type": "text-to-video", "kling_elements": [{"name": "hero", "description": "A knight", "element_input_urls": ["https://example.com/a.jpg", "https://example.com/b.jpg"]}]}""")),
        new("MM0403", Json("""{"prompt": "@hero waves", "model": "kling-3-0-std", "generation_type": "text-to-video", "source_media_urls": ["https://example.com/start.jpg"], "kling_elements": [{"name": "hero", "description": "A knight", "element_input_urls": ["https://example.com/a.jpg"]}]}""")),
        new("MM0404", Json("""{"prompt": "@villain chases @hero", "model": "kling-3-0-std", "generation_type": "text-to-video", "source_media_urls": ["https://example.com/start.jpg"], "kling_elements": [{"name": "hero", "description": "A knight", "element_input_urls": ["https://example.com/a.jpg", "https://example.com/b.jpg"]}]}""")),
        new("MM1000", string.Empty),
        new("MM1001", "models:\n  - id: my-model\n    media: [video\n"),
        new("MM1002", "models:\n  - id: my-model\n    media: video\n    generation_types: { text-to-video: }\n    sond: true\n"),
        new("MM1003", "models:\n  - id: my-model\n    generation_types: { text-to-video: }\n"),
        new("MM1004", "models:\n  - id: my-model\n    media: video\n    generation_types: { text-to-video: }\n    prompt_max_length: long\n"),
        new("MM1005", "models:\n  - id: sora-2\n    media: video\n    generation_types: { text-to-video: }\n"),
        new("MM1006", "models:\n  - id: my-model\n    media: image\n    generation_types: { text-to-image: }\n    sound: true\n"),
        new("MM1007", "overrides:\n  - id: sora-3\n    prompt_max_length: 4000\n"),
        new("MM1008", "models:\n  - id: my-model\n    media: video\n    media: image\n    generation_types: { text-to-video: }\n"),
        new("MM1009", "models:\n  - id: my-model\n    media: video\n    generation_types: { text-to-video: }\n    duration: { values: [five] }\n"),
        new("MM1010", "models:\n  - id: sora-2-\n    media: video\n    generation_types: { text-to-video: }\n"),
        new("MM1011", "models:\n  - id: my-model\n    media: image\n    generation_types:\n      image-to-image:\n        images: { min: 3, max: 2 }\n"),
        new("MM1012", "models:\n  - id: my-model\n    media: image\n    generation_types:\n      image-to-image:\n        images: { min: 1, max: 500 }\n"),
        new("MM1013", "models:\n  - id: my-model\n    media: video\n    generation_types:\n      image-to-video:\n        images: { count: 1 }\n        elements_require_images: 2\n    elements: { min_images: 2, max_images: 4, videos: 1 }\n"),
        new("MM1014", "models:\n  - id: my-model\n    media: video\n    generation_types: { text-to-video: }\n    duration: { values: [5s, 200000s] }\n"),
        new("MM1015", "models:\n  - id: my-model\n    media: video\n    generation_types:\n      image-to-video:\n        images: { count: 1, roles: [reference-video] }\n"),
        new("MM1016", "models:\n  - id: my-model\n    media: image\n    generation_types: { text-to-image: }\n    quality: { values: [] }\n"),
        new("MM1017", string.Empty),
    };

    /// <summary>The request as a person would write it: indented, one parameter per line.</summary>
    private static string Json(string compact)
    {
        System.Text.Json.Nodes.JsonNode node = System.Text.Json.Nodes.JsonNode.Parse(compact)!;
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return node.ToJsonString(options) + "\n";
    }
}
