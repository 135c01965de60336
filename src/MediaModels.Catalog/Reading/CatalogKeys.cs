namespace MediaModels.Catalog.Reading;

/// <summary>The keys of each mapping in the catalog format (catalog/catalog.schema.json says the same).</summary>
internal static class CatalogKeys
{
    public static readonly string[] File = { "defaults", "models", "overrides" };

    public static readonly string[] Defaults =
        { "generation_type", "aspect_ratio", "aspect_ratio_examples", "quality", "sound", "image_input", "notes" };

    public static readonly string[] Model =
    {
        "id", "name", "family", "media", "generation_types", "duration", "sound", "negative_prompt", "quality",
        "resolution", "prompt_max_length", "elements", "aspect_ratios", "pricing", "estimated_time_seconds", "notes", "sources",
        "readings",
    };

    public static readonly string[] GenerationType = { "images", "videos", "elements_require_images", "notes", "reading" };

    public static readonly string[] MediaLimit =
        { "count", "min", "max", "roles", "formats", "max_file_size_mb", "max_duration_seconds", "notes", "reading", "hedges" };

    public static readonly string[] Duration = { "values", "min", "max", "fixed", "configurable", "notes", "reading" };

    /// <summary>The <c>reading:</c> of a mode or a duration: why it is the catalog's reading of the spec.</summary>
    public static readonly string[] Reading = { "note" };

    /// <summary>The <c>reading:</c> of an input limit: the narrower counts and why.</summary>
    public static readonly string[] CountReading = { "count", "min", "max", "note" };

    public static readonly string[] Quality = { "values", "open", "maps_to", "notes" };

    public static readonly string[] QualityValue = { "value", "meaning" };

    public static readonly string[] Resolution = { "values", "parameter", "notes" };

    public static readonly string[] Elements =
    {
        "min_images", "max_images", "videos", "image_formats", "video_formats", "min_image_pixels",
        "max_image_file_size_mb", "max_video_file_size_mb", "notes",
    };

    public static readonly string[] Pricing = { "credits_per_second", "notes" };

    public static readonly string[] MediaKinds = { "image", "video" };
}
