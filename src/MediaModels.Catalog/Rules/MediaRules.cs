using System.Collections.Generic;
using System.Linq;

namespace MediaModels.Catalog.Rules;

/// <summary>Every rule ID, request rules (MM0xxx) and catalog-file rules (MM1xxx).</summary>
public static class MediaRules
{
    /// <summary>Category of request rules.</summary>
    public const string UsageCategory = "MediaModels.Usage";

    /// <summary>Category of catalog-file rules.</summary>
    public const string CatalogCategory = "MediaModels.Catalog";

#pragma warning disable CS1591 // Each descriptor documents itself.
    public static readonly RuleDescriptor UnknownModel = Usage("MM0001", "Unknown model", Severity.Error,
        "The model id is missing, or it is not in the catalog but within a small edit distance (two edits, ignoring case) of an id that is: a typo, which the service would answer with an error. An id further from every catalogued one is MM0008.",
        "Use the id the message suggests (`mediamodels models` lists them all). If the id is a real model the catalog does not know, add it with a catalog overlay.");

    public static readonly RuleDescriptor GenerationTypeNotOffered = Usage("MM0002", "Generation type not offered", Severity.Error,
        "The model does not offer this generation type. When generation_type is omitted the service assumes text-to-image, which video models do not offer.",
        "Set generation_type to one the model offers.");

    public static readonly RuleDescriptor EmptyPrompt = Usage("MM0003", "Prompt missing or empty", Severity.Error,
        "prompt is required and must contain text.",
        "Describe what to generate in prompt.");

    public static readonly RuleDescriptor PromptTooLong = Usage("MM0004", "Prompt longer than the model's limit", Severity.Error,
        "The model enforces a maximum prompt length (in characters); a longer prompt is rejected or truncated.",
        "Shorten the prompt to the model's limit.");

    public static readonly RuleDescriptor WrongJsonType = Usage("MM0005", "Parameter of the wrong JSON type", Severity.Error,
        "A generate_media parameter has a JSON type the tool does not accept (e.g. sound as a string).",
        "Use the type the parameter table gives: string, boolean, number, or array of strings.");

    public static readonly RuleDescriptor UnknownParameter = Usage("MM0006", "Unknown parameter", Severity.Warning,
        "generate_media has no parameter of this name; the service ignores it.",
        "Remove it or correct its name (the message names the nearest parameter).");

    public static readonly RuleDescriptor MalformedJson = Usage("MM0007", "Malformed JSON", Severity.Error,
        "The request is not a JSON object.",
        "Fix the JSON at the given line and column.");

    public static readonly RuleDescriptor ModelNotInCatalog = Usage("MM0008", "Model not in the catalog", Severity.Warning,
        "The model id is not in the catalog and is no near miss of an id that is. The spec says the service offers '40+ AI models' and names 36 (and unnamed variants of some), so the id may well be real: only the service-wide rules are checked (prompt, generation_type's values, source media for image-to-video and image-to-image, URLs, aspect ratio's form, the common image formats).",
        "If the service offers the model, teach the catalog: `mediamodels drift --write-overlay FILE` drafts an overlay from the live get_models, which you review and pass with `--catalog FILE` or as a `<MediaModelsCatalog>` item. Otherwise correct the id.");

    public static readonly RuleDescriptor SoundIgnored = Usage("MM0101", "sound on a model without audio", Severity.Warning,
        "Only some video models generate audio; the others ignore sound.",
        "Remove sound, or pick a model with audio.");

    public static readonly RuleDescriptor NegativePromptIgnored = Usage("MM0102", "negative_prompt ignored", Severity.Warning,
        "Only some models honour negative_prompt; the others ignore it.",
        "Remove negative_prompt, or pick a model that honours it.");

    public static readonly RuleDescriptor DurationIgnored = Usage("MM0103", "duration not configurable or ignored", Severity.Warning,
        "The model's duration is fixed, not set through this parameter, or the model is an image model.",
        "Remove duration.");

    public static readonly RuleDescriptor QualityIgnored = Usage("MM0104", "quality ignored", Severity.Warning,
        "The model does not use quality (some use a resolution or a separate model id instead).",
        "Remove quality, or pick the model id or resolution the catalog names.");

    public static readonly RuleDescriptor DurationNotAllowed = Usage("MM0201", "Duration value not allowed", Severity.Error,
        "The model accepts only certain durations, written as whole seconds with an s (5s).",
        "Use one of the durations the message lists.");

    public static readonly RuleDescriptor QualityNotAllowed = Usage("MM0202", "Quality value not allowed", Severity.Error,
        "The model accepts only the quality values the catalog lists.",
        "Use one of the values the message lists.");

    public static readonly RuleDescriptor MalformedAspectRatio = Usage("MM0203", "Malformed aspect ratio", Severity.Error,
        "aspect_ratio is written as two positive whole numbers with a colon, e.g. 16:9.",
        "Write the ratio as W:H.");

    public static readonly RuleDescriptor AspectRatioNotOffered = Usage("MM0204", "Aspect ratio not offered", Severity.Error,
        "The catalog lists the aspect ratios this model offers and the value is not among them.",
        "Use one of the aspect ratios the message lists.");

    public static readonly RuleDescriptor WrongSourceMediaCount = Usage("MM0301", "Wrong number of source media", Severity.Error,
        "The model and generation type take a set number of images (and videos) in source_media_urls.",
        "Send the number of URLs the message gives.");

    public static readonly RuleDescriptor SourceMediaNotTaken = Usage("MM0302", "Source media on a mode that takes none", Severity.Error,
        "Text-to-image and text-to-video modes take no source_media_urls unless the model supports an optional reference.",
        "Remove source_media_urls, or use an image-to-video / image-to-image mode.");

    public static readonly RuleDescriptor MediaKindMismatch = Usage("MM0303", "Video where an image is expected, or the reverse", Severity.Error,
        "Judged by the URL's file extension: a .mp4 where the mode takes images, or an image where a reference video is expected.",
        "Put an image URL where an image is expected and a video URL where a video is expected.");

    public static readonly RuleDescriptor NotHttpUrl = Usage("MM0304", "Not an absolute http(s) URL", Severity.Error,
        "Source media and element inputs are fetched by the service, so they must be absolute http or https URLs.",
        "Use an absolute http(s) URL.");

    public static readonly RuleDescriptor FormatNotAccepted = Usage("MM0305", "File format not accepted", Severity.Warning,
        "The URL's extension is not one of the formats this input accepts: the model's own list where the catalog gives one, otherwise the common image formats the spec says most models accept (JPEG, PNG, WebP).",
        "Convert the file to an accepted format.");

    public static readonly RuleDescriptor ElementsNotSupported = Usage("MM0401", "Elements on a model without them", Severity.Error,
        "Only Kling 3.0 models take kling_elements.",
        "Remove kling_elements, or use kling-3-0-std / kling-3-0-pro.");

    public static readonly RuleDescriptor ElementsWithoutPicture = Usage("MM0402", "Elements without the picture they need", Severity.Error,
        "Elements need at least one picture: text-to-video with 1 image, or image-to-video with first and last frame.",
        "Add the source image(s) the message names, or remove the elements.");

    public static readonly RuleDescriptor MalformedElement = Usage("MM0403", "Malformed element", Severity.Error,
        "Each element needs a name and a description, and either image URLs or video URLs in the numbers the model's element rules give (the message names them).",
        "Complete the element as the message says.");

    public static readonly RuleDescriptor UndeclaredElementReference = Usage("MM0404", "Prompt names an undeclared element", Severity.Warning,
        "The prompt mentions @name but no element in the request has that name.",
        "Declare the element, or correct the name in the prompt.");

    public static readonly RuleDescriptor CatalogUnreadable = Catalog("MM1000", "Catalog file unreadable",
        "The catalog file could not be read.", "Check the path and permissions.");

    public static readonly RuleDescriptor CatalogSyntax = Catalog("MM1001", "Catalog YAML syntax error",
        "The file is not valid YAML, or uses YAML features the catalog does not accept (tabs for indentation, anchors and aliases, several documents, nesting deeper than 64, files over 8 MiB).",
        "Fix the YAML at the given line and column.");

    public static readonly RuleDescriptor CatalogUnknownKey = Catalog("MM1002", "Unknown catalog key",
        "The key is not part of the catalog format (see catalog/catalog.schema.json).",
        "Correct the key; the message names the nearest known one.");

    public static readonly RuleDescriptor CatalogMissingField = Catalog("MM1003", "Missing catalog field",
        "A required field is missing.", "Add the field the message names.");

    public static readonly RuleDescriptor CatalogWrongType = Catalog("MM1004", "Catalog field of the wrong type",
        "A field has the wrong YAML shape (mapping, sequence, scalar) or its value is not of the expected kind (number, boolean, duration).",
        "Write the value as the message says.");

    public static readonly RuleDescriptor CatalogDuplicateId = Catalog("MM1005", "Duplicate model id",
        "Two entries under models: declare the same id. To change a model from an earlier file, use overrides:.",
        "Remove one, or move the later one under overrides:.");

    public static readonly RuleDescriptor CatalogContradiction = Catalog("MM1006", "Contradiction in the catalog",
        "Two facts of one model cannot both hold (sound on an image-only model, a duration list on a model whose duration is not configurable, elements_require_images on a model without elements…); a minimum above its maximum is MM1011.",
        "Correct one of the two facts.");

    public static readonly RuleDescriptor CatalogOverrideUnknown = Catalog("MM1007", "Override of an unknown model",
        "An entry under overrides: names an id that no catalog file declares.",
        "Correct the id, or declare the model under models:.");

    public static readonly RuleDescriptor CatalogDuplicateKey = Catalog("MM1008", "Duplicate key",
        "A mapping has the same key twice; YAML parsers keep one of them silently.",
        "Remove one of the two.");

    public static readonly RuleDescriptor CatalogInvalidValue = Catalog("MM1009", "Invalid catalog value",
        "The value is of the right type but not allowed (an unknown generation type, a negative count, a malformed duration).",
        "Use one of the values the message lists.");

    public static readonly RuleDescriptor CatalogNameClash = Catalog("MM1010", "Two models map to one C# name",
        "Two model ids produce the same generated type name.",
        "Give one of them a name: in the catalog.");

    public static readonly RuleDescriptor CatalogMinAboveMax = Catalog("MM1011", "Minimum above maximum",
        "A lower bound is greater than its upper bound (images or videos min above max, elements min_images above max_images, a duration range whose min is above its max), so no count or length would be allowed.",
        "Lower the minimum or raise the maximum.");

    public static readonly RuleDescriptor CatalogCountOutOfRange = Catalog("MM1012", "Count beyond the catalog's limit",
        "Counts of inputs (images, videos, element images and videos, elements_require_images) are at most 100: no model takes more, and each counted input becomes a parameter of the generated builders.",
        "Use the count the spec gives; a mode that takes any number of inputs gives no max.");

    public static readonly RuleDescriptor CatalogElementsNeedMoreImages = Catalog("MM1013", "Elements need more images than the mode takes",
        "elements_require_images is the number of source images a request needs before Kling elements may be used; a mode that takes fewer images could never use them.",
        "Lower elements_require_images to what the mode's images allow, or raise the mode's max.");

    public static readonly RuleDescriptor CatalogDurationOutOfRange = Catalog("MM1014", "Duration out of range",
        "Durations are whole seconds from 1s to 100000s, so that every one of them is written and read back the same on the wire.",
        "Use a duration the spec gives for the model.");

    public static readonly RuleDescriptor CatalogRoleOfOtherKind = Catalog("MM1015", "Role of the other media kind",
        "A role under images names a video (reference-video), or a role under videos names an image (start-frame, reference-image): the generated parameter would claim one kind and take the other.",
        "Move the role to the list of its kind, or rename it.");

    public static readonly RuleDescriptor CatalogQualityAllowsNothing = Catalog("MM1016", "Quality that allows no value",
        "A quality: entry with no values that is not open would refuse every quality, so no request could set one.",
        "List the values the spec gives, set open: true when the spec says other values exist, or remove quality.");

    public static readonly RuleDescriptor CatalogInternalError = Catalog("MM1017", "MediaModels failed on the catalog",
        "The catalog reader or the source generator failed unexpectedly. This is a bug in MediaModels, not in the catalog: every catalog, broken or not, is meant to get the other MM1xxx diagnostics instead.",
        "Report it with the catalog file that caused it; the message names the exception.");
#pragma warning restore CS1591

    /// <summary>Every rule, ordered by ID.</summary>
    public static readonly IReadOnlyList<RuleDescriptor> All = typeof(MediaRules)
        .GetFields()
        .Where(f => f.FieldType == typeof(RuleDescriptor))
        .Select(f => (RuleDescriptor)f.GetValue(null)!)
        .OrderBy(r => r.Id, System.StringComparer.Ordinal)
        .ToArray();

    /// <summary>The rule with this ID, or null.</summary>
    public static RuleDescriptor? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    private static RuleDescriptor Usage(string id, string title, Severity severity, string description, string fix) =>
        new(id, title, severity, UsageCategory, description, fix);

    private static RuleDescriptor Catalog(string id, string title, string description, string fix) =>
        new(id, title, Severity.Error, CatalogCategory, description, fix);
}
