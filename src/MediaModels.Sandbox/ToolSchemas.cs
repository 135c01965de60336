using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace MediaModels.Sandbox;

/// <summary>The four tools as the spec (<c>spec/media-tools.md</c>) describes them: names, descriptions, input schemas.</summary>
internal static class ToolSchemas
{
    public static Tool GenerateMedia() => Make(
        ServiceContract.Tools.GenerateMedia,
        "Starts an image or video generation. Response: generation_id, status (e.g. pending), and often estimated_time_seconds and estimated_cost_credits. Poll with get_generation_status until status is completed or failed.",
        """
        {
          "type": "object",
          "properties": {
            "prompt": { "type": "string", "description": "What to generate (e.g. \"A red car on a mountain road\")." },
            "model": { "type": "string", "description": "Model ID (from get_models). Examples: nano-banana, sora-2, kling-2-6-image-to-video." },
            "generation_type": {
              "type": "string",
              "enum": ["text-to-image", "text-to-video", "image-to-video", "image-to-image"],
              "default": "text-to-image",
              "description": "text-to-image, text-to-video, image-to-video, or image-to-image. Default: text-to-image."
            },
            "negative_prompt": { "type": "string", "description": "What to avoid in the output." },
            "source_media_urls": {
              "type": ["string", "array"],
              "items": { "type": "string" },
              "description": "Required for image-to-video and image-to-image. URL(s) to image(s), or for some models (e.g. Kling 2.6 Motion) image + video. Omit for text-to-image and text-to-video."
            },
            "aspect_ratio": { "type": "string", "default": "1:1", "description": "e.g. 1:1, 16:9, 9:16, 4:5, 21:9. Default: 1:1." },
            "duration": { "type": "string", "description": "Video length. Only certain video models use this." },
            "quality": { "type": "string", "default": "standard", "description": "e.g. fast, standard, pro, ultra. Default: standard." },
            "sound": { "type": "boolean", "default": false, "description": "When true, request video with generated audio. Only certain video models use this. Default: false." },
            "seed": { "type": "number", "description": "Seed for reproducible results." },
            "kling_elements": {
              "type": "array",
              "description": "Kling 3.0 only. Elements the prompt references as @name: each has name, description, and either element_input_urls (2-4 image URLs) or element_input_video_urls (1 video URL).",
              "items": {
                "type": "object",
                "properties": {
                  "name": { "type": "string", "description": "The element's title, referenced in the prompt as @name." },
                  "description": { "type": "string" },
                  "element_input_urls": { "type": "array", "items": { "type": "string" }, "description": "2-4 image URLs (JPG/PNG, min 300x300 px, max 10 MB each)." },
                  "element_input_video_urls": { "type": "array", "items": { "type": "string" }, "description": "1 video URL (MP4/MOV, max 50 MB)." }
                },
                "required": ["name", "description"]
              }
            }
          },
          "required": ["prompt", "model"]
        }
        """);

    public static Tool GetGenerationStatus() => Make(
        ServiceContract.Tools.GetGenerationStatus,
        "Checks the status of a media generation and gets output URLs when done. Response: status (pending, queued, processing, completed, failed), progress, and when completed an outputs array with url, thumbnail_url, optimized_url, media_type, dimensions.",
        """
        {
          "type": "object",
          "properties": {
            "generation_id": { "type": "string", "description": "ID returned from generate_media." }
          },
          "required": ["generation_id"]
        }
        """);

    public static Tool GetGenerationEstimate() => Make(
        ServiceContract.Tools.GetGenerationEstimate,
        "Gets a parameter-specific estimated processing time for a given model and options (no job is started). For a per-model estimated duration in one call, use get_models.",
        """
        {
          "type": "object",
          "properties": {
            "model": { "type": "string", "description": "Model ID." },
            "generation_type": {
              "type": "string",
              "enum": ["text-to-image", "text-to-video", "image-to-video", "image-to-image"],
              "default": "text-to-image",
              "description": "Same as in generate_media. Default: text-to-image."
            },
            "prompt": { "type": "string", "description": "Optional; can affect the estimate." },
            "negative_prompt": { "type": "string", "description": "Optional." },
            "parameters": { "type": "object", "description": "Optional extra parameters (e.g. duration, quality, sound)." }
          },
          "required": ["model"]
        }
        """);

    public static Tool GetModels() => Make(
        ServiceContract.Tools.GetModels,
        "Lists the available models with costs (where known), whether a model needs an input image, supported generation types, input_media_types (image, video), required input counts per generation type, and estimated_time_seconds.",
        """
        { "type": "object", "properties": {} }
        """);

    private static Tool Make(string name, string description, string schema)
    {
        using JsonDocument document = JsonDocument.Parse(schema);
        return new Tool { Name = name, Description = description, InputSchema = document.RootElement.Clone() };
    }
}
