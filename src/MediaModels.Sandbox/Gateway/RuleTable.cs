using System.Linq;
using System.Text;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// The catalog's rules as text for a tool description, rendered from each model's <see cref="ModelFactSheet"/> (the
/// projection the docs, the terminal and the generated XML docs render): this class only chooses and formats facts.
/// </summary>
internal static class RuleTable
{
    /// <summary>The table for <paramref name="detail"/>, or null for <see cref="RuleDescription.None"/>.</summary>
    public static string? Render(ModelCatalog catalog, RuleDescription detail) => detail switch
    {
        RuleDescription.Compact => Compact(catalog),
        RuleDescription.Full => Full(catalog),
        _ => null,
    };

    /// <summary>
    /// One line per model: <c>id (media): generation types [source media]; honoured parameters with their values</c>.
    /// Parameters a model ignores are left out (the heading says so); pricing, timing, notes and sources too.
    /// </summary>
    private static string Compact(ModelCatalog catalog)
    {
        var text = new StringBuilder();
        text.Append(
            "Model rules (MediaModels catalog). A value outside a listed set is refused. Not listed for a model: duration, sound, "
            + "negative_prompt, quality are ignored by it; aspect_ratio takes any W:H; the prompt has no documented limit.");
        foreach (ModelSpec model in catalog.Models)
        {
            ModelFactSheet sheet = ModelFactSheet.Of(model, catalog.Defaults);
            text.Append('\n').Append(model.Id).Append(" (").Append(sheet.Media).Append("):");
            bool first = true;
            foreach (ModelFact fact in sheet.Facts)
            {
                if (CompactTerm(fact, model) is not string term)
                {
                    continue;
                }

                text.Append(first ? " " : fact.Subject == FactSubject.GenerationType ? ", " : "; ").Append(term);
                first = false;
            }
        }

        return text.ToString();
    }

    /// <summary>A fact as the compact table writes it, or null when it is left out.</summary>
    private static string? CompactTerm(ModelFact fact, ModelSpec model)
    {
        switch (fact.Subject)
        {
            case FactSubject.GenerationType:
                return fact.Terms.IsEmpty ? fact.Label : fact.Label + " [" + string.Join(" + ", fact.Terms.Select(t => t.Text)) + "]";
            case FactSubject.Sound or FactSubject.NegativePrompt:
                return fact.Applies ? fact.Label : null;
            case FactSubject.Prompt or FactSubject.Duration or FactSubject.Quality or FactSubject.Resolution or FactSubject.Elements or FactSubject.AspectRatio:
                if (!fact.Applies)
                {
                    return null;
                }

                string value = fact.Terms.IsEmpty ? fact.Value : string.Join(", ", fact.Terms.Select(t => t.Text));
                if (fact.Subject == FactSubject.Quality && model.Quality is { Open: true })
                {
                    value += " (" + fact.Details[0] + ")"; // the sheet's first quality detail says the list is open: not refused
                }

                return fact.Label + " " + value;
            default:
                return null;
        }
    }

    /// <summary>Every fact of every sheet, <c>label: value</c>, with the notes under it.</summary>
    private static string Full(ModelCatalog catalog)
    {
        var text = new StringBuilder();
        text.Append("Model rules (MediaModels catalog):");
        foreach (ModelSpec model in catalog.Models)
        {
            ModelFactSheet sheet = ModelFactSheet.Of(model, catalog.Defaults);
            text.Append("\n\n").Append(model.Id).Append(" (").Append(sheet.Media).Append(')');
            foreach (ModelFact fact in sheet.Facts)
            {
                if (fact.Subject == FactSubject.Notes)
                {
                    continue; // each fact carries its own notes; the sheet's Notes fact repeats the model-level ones below
                }

                text.Append("\n- ").Append(fact.ToString());
                foreach (string note in fact.Notes)
                {
                    text.Append("\n  note: ").Append(note);
                }
            }

            foreach (string note in model.Notes)
            {
                text.Append("\n  note: ").Append(note);
            }
        }

        return text.ToString();
    }
}
