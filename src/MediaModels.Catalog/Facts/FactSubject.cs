namespace MediaModels.Catalog.Facts;

/// <summary>What one fact of a <see cref="ModelFactSheet"/> is about. The members are in the sheet's order.</summary>
public enum FactSubject
{
    /// <summary>One generation type the model offers and the source media it takes (one fact per type, catalog order).</summary>
    GenerationType,

    /// <summary>The prompt's length limit.</summary>
    Prompt,

    /// <summary>The <c>duration</c> parameter.</summary>
    Duration,

    /// <summary>The <c>sound</c> parameter.</summary>
    Sound,

    /// <summary>The <c>negative_prompt</c> parameter.</summary>
    NegativePrompt,

    /// <summary>The <c>quality</c> parameter.</summary>
    Quality,

    /// <summary>Resolution choices (only on models that have them).</summary>
    Resolution,

    /// <summary>Kling elements, <c>kling_elements</c> (only on models that have them).</summary>
    Elements,

    /// <summary>The <c>aspect_ratio</c> parameter.</summary>
    AspectRatio,

    /// <summary>Pricing (only on models whose catalog entry gives any).</summary>
    Pricing,

    /// <summary>A documented typical processing time (only where the catalog gives one).</summary>
    ProcessingTime,

    /// <summary>The model's own notes: ambiguities of the spec, decisions and their reasons (only when there are any).</summary>
    Notes,

    /// <summary>The spec sections the model's facts come from (only when there are any).</summary>
    Sources,

    /// <summary>
    /// Whether the spec states every fact above or some are the catalog's readings of it; one term per reading (what it
    /// qualifies, and the note saying what the spec says and why it is in doubt). Every sheet has it.
    /// </summary>
    Certainty,
}
