using System.Collections.Generic;
using System.Linq;
using System.Text;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;

namespace MediaModels.Generators.Emit;

/// <summary>
/// Renders a model's <see cref="ModelFactSheet"/> as XML doc text: the value text and notes are the sheet's, what is
/// added here is only XML (escaping, <c>&lt;c&gt;</c>) and pointers to the generated members that set each parameter.
/// </summary>
internal static class FactDocs
{
    /// <summary>The generation types for a summary: <c>&lt;c&gt;image-to-video&lt;/c&gt; (exactly 1 image)</c>, joined by "; ".</summary>
    public static string Modes(ModelFactSheet sheet)
    {
        var text = new StringBuilder();
        foreach (ModelFact fact in sheet.Facts)
        {
            if (fact.Subject == FactSubject.GenerationType)
            {
                text.Append(text.Length == 0 ? string.Empty : "; ").Append(Literals.Code(fact.Label)).Append(" (").Append(Literals.Xml(fact.Value)).Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The paragraphs of a model's remarks (XML), in the sheet's order, except that the notes of each generation type
    /// (whose inputs the summary already gives) come after the parameters, before the model's own notes.
    /// </summary>
    public static List<string> Remarks(ModelFactSheet sheet)
    {
        var paragraphs = new List<string>(sheet.Facts.Count);
        List<string>? modeNotes = null;
        bool modeNotesWritten = false;
        foreach (ModelFact fact in sheet.Facts)
        {
            if (fact.Subject == FactSubject.GenerationType)
            {
                if (!fact.Notes.IsEmpty)
                {
                    (modeNotes ??= new List<string>()).Add(Literals.Code(fact.Label) + ": " + Docs.Notes(fact.Notes));
                }

                continue;
            }

            if (!modeNotesWritten && fact.Subject >= FactSubject.Notes)
            {
                Add(paragraphs, modeNotes);
                modeNotesWritten = true;
            }

            if (Paragraph(sheet.Model, fact) is string paragraph)
            {
                paragraphs.Add(paragraph);
            }
        }

        if (!modeNotesWritten)
        {
            Add(paragraphs, modeNotes);
        }

        return paragraphs;
    }

    private static void Add(List<string> paragraphs, List<string>? more)
    {
        if (more is not null)
        {
            paragraphs.AddRange(more);
        }
    }

    /// <summary>The notes of a fact after a sentence: " " + notes, or empty.</summary>
    public static string TrailingNotes(ModelFact fact) => fact.Notes.IsEmpty ? string.Empty : " " + Docs.Notes(fact.Notes);

    /// <summary>Terms as <c>&lt;c&gt;hd&lt;/c&gt; (HD size)</c>, joined by ", ".</summary>
    public static string CodeTerms(EquatableArray<FactTerm> terms)
    {
        var text = new StringBuilder();
        foreach (FactTerm term in terms)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(Literals.Code(term.Text));
            if (term.Detail is string detail)
            {
                text.Append(" (").Append(Literals.Xml(detail)).Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>The texts of terms without their details, joined: <c>standard, pro</c>.</summary>
    public static string Texts(EquatableArray<FactTerm> terms, string separator)
    {
        var text = new StringBuilder();
        foreach (FactTerm term in terms)
        {
            text.Append(text.Length == 0 ? string.Empty : separator).Append(term.Text);
        }

        return text.ToString();
    }

    /// <summary>One remarks paragraph, or null when the fact says nothing worth a paragraph on this model.</summary>
    private static string? Paragraph(ModelSpec model, ModelFact fact)
    {
        bool video = model.Media == MediaKind.Video;
        string value = Literals.Xml(fact.Value);
        string notes = TrailingNotes(fact);
        switch (fact.Subject)
        {
            case FactSubject.Prompt:
                return fact.Applies
                    ? $"Prompt: at most {value} (<see cref=\"MaxPromptLength\"/>), checked by <c>Build()</c>."
                    : "Prompt: the catalog records no length limit for this model.";
            case FactSubject.Duration:
                if (fact.Applies)
                {
                    return model.Duration.Kind == DurationKind.Range
                        ? $"<c>duration</c>: whole seconds, {value}, set with <c>WithDuration</c> and <see cref=\"Duration.FromSeconds(int)\"/> or a value of <see cref=\"Durations\"/>.{notes}"
                        : $"<c>duration</c>: {value}, set with <c>WithDuration</c> and a value of <see cref=\"Durations\"/>.{notes}";
                }

                return video || model.Duration.Kind != DurationKind.Unsupported ? $"<c>duration</c>: {value}, so there is no <c>WithDuration</c>.{notes}" : null;
            case FactSubject.Sound:
                return fact.Applies ? "<c>sound</c>: generated audio with <c>WithSound()</c>."
                    : video ? "<c>sound</c>: no audio; the model ignores <c>sound</c>, so there is no <c>WithSound</c>." : null;
            case FactSubject.NegativePrompt:
                return fact.Applies
                    ? "<c>negative_prompt</c>: honoured, set with <c>WithNegativePrompt</c>."
                    : "<c>negative_prompt</c>: ignored by this model, so there is no <c>WithNegativePrompt</c>.";
            case FactSubject.Quality:
                if (!fact.Applies || model.Quality is not QualityRule quality)
                {
                    return "<c>quality</c>: ignored by this model, so there is no <c>WithQuality</c>.";
                }

                string maps = quality.MapsTo is null ? string.Empty : $" The service maps it to {Literals.Code(quality.MapsTo)}.";
                string open = quality.Open ? " The catalog says other values exist, so <c>Quality.Custom</c> accepts any value." : string.Empty;
                return $"<c>quality</c>: {CodeTerms(fact.Terms)}, set with <c>WithQuality</c> and a value of <see cref=\"Qualities\"/>.{maps}{open}{notes}";
            case FactSubject.Resolution:
                string why = model.Resolution?.Parameter is string parameter
                    ? $"The catalog names the wire parameter {Literals.Code(parameter)}, which <c>GenerateMediaRequest</c> does not carry"
                    : "The spec does not name the wire parameter that carries it, and no request field is invented for it";
                return $"Resolution: {Literals.Xml(Texts(fact.Terms, ", "))}. {why}, so there is no <c>WithResolution</c>; <c>quality</c> is not a substitute (the model ignores it).{notes}";
            case FactSubject.Elements:
                string where = fact.Details.IsEmpty ? string.Empty : " (" + Literals.Xml(string.Join(", ", fact.Details)) + ")";
                return $"Kling elements (kling_elements), referenced in the prompt as @name: each has a name, a description and either {Literals.Xml(string.Join(" or ", fact.Terms))}. They need the picture(s) to be there{where}, so WithElement exists only on the builders of those states.{notes}";
            case FactSubject.AspectRatio:
                return fact.Applies ? $"Aspect ratios offered: {value}." : null;
            case FactSubject.Pricing:
                return fact.Applies ? $"Pricing: {value}.{notes}" : fact.Notes.IsEmpty ? null : "Pricing: " + Docs.Notes(fact.Notes);
            case FactSubject.ProcessingTime:
                return $"Typical processing time: {value}.";
            case FactSubject.Notes:
                return "Catalog notes: " + Docs.Notes(fact.Notes);
            case FactSubject.Sources:
                return $"Spec sections: {value}.";
            case FactSubject.Certainty:
                return fact.Terms.IsEmpty
                    ? null
                    : "Readings of the spec, not stated by it (a request outside one gets a warning, not an error): "
                        + string.Join(" ", fact.Terms.Select(t => Literals.Xml(Docs.Capital(t.Text) + ": " + t.Detail)));
            default:
                return null;
        }
    }
}
