namespace MediaModels.Catalog.Facts;

/// <summary>
/// One fact of a model's <see cref="ModelFactSheet"/>: what it is about, its value as text, the parts of that value for
/// surfaces that format them one by one, and the catalog's notes on it — notes of this model only.
/// </summary>
/// <param name="Subject">What the fact is about.</param>
/// <param name="Label">
/// The fact's name as every surface writes it: the wire name of a parameter (<c>duration</c>, <c>negative_prompt</c>),
/// the generation type of a mode (<c>image-to-video</c>), or words (<c>prompt limit</c>, <c>spec sections</c>).</param>
/// <param name="Applies">
/// True when the model honours the parameter or the catalog records the limit; false when the model ignores it or the
/// catalog records nothing (<see cref="Value"/> then says so: <c>ignored</c>, <c>not documented</c>, <c>not used</c>).</param>
/// <param name="Value">
/// The whole value as text, details included: <c>5s, 10s</c>, <c>2,500 characters</c>,
/// <c>exactly 2 images (start-frame + end-frame)</c>, <c>standard, fast, ultra; mapped to model_variant</c>.</param>
/// <param name="Terms">
/// The parts of the value a surface may format one by one (quality values with their meanings, the media of a generation
/// type with their limits, the two kinds of Kling element, aspect ratios, resolutions); empty when the value has none.</param>
/// <param name="Details">
/// Phrases that qualify the value, already part of <see cref="Value"/>: <c>mapped to model_variant</c>,
/// <c>other API values accepted</c>, the states Kling elements can be used in (<c>text-to-video with 1 image</c>).</param>
/// <param name="Notes">The catalog's notes on this subject for this model, each a sentence, in catalog order.</param>
public sealed record ModelFact(
    FactSubject Subject,
    string Label,
    bool Applies,
    string Value,
    EquatableArray<FactTerm> Terms,
    EquatableArray<string> Details,
    EquatableArray<string> Notes)
{
    /// <summary>
    /// True when <see cref="Label"/> is a name on the wire — a parameter (<c>duration</c>, <c>kling_elements</c>) or a
    /// generation type — which surfaces write as code; false for words (<c>prompt limit</c>, <c>pricing</c>).</summary>
    public bool LabelIsWireName => Subject is FactSubject.GenerationType or FactSubject.Duration or FactSubject.Sound
        or FactSubject.NegativePrompt or FactSubject.Quality or FactSubject.Elements or FactSubject.AspectRatio;

    /// <summary><c>label: value</c>.</summary>
    public override string ToString() => Label + ": " + Value;
}

/// <summary>One part of a fact's value and what qualifies it: <c>hd</c> with <c>HD size</c>; <c>exactly 1 video</c> with <c>reference-video, MP4/WebM, up to 100 MB</c>.</summary>
/// <param name="Text">The part itself.</param>
/// <param name="Detail">What qualifies it, or null.</param>
public sealed record FactTerm(string Text, string? Detail)
{
    /// <summary><c>text (detail)</c>, or the text alone.</summary>
    public override string ToString() => Detail is null ? Text : Text + " (" + Detail + ")";
}
