using System.Collections.Generic;

namespace MediaModels.Agreement.Tests.Corpus;

/// <summary>What a request of the corpus is made of, as far as the surfaces that cannot carry every JSON text care.</summary>
internal enum RequestShape
{
    /// <summary>A JSON object whose parameters all have their table's JSON kind: every surface can carry it.</summary>
    Typed,

    /// <summary>A parameter (or element member) of another JSON kind than the table's (MM0005): C# cannot write it.</summary>
    WrongJsonType,

    /// <summary>A member the table does not have (MM0006): C# has no property for it.</summary>
    UnknownParameter,

    /// <summary>Not one well-formed JSON object without duplicate keys (MM0007): neither C# nor MCP arguments carry it.</summary>
    MalformedJson,

    /// <summary>
    /// A string with an unpaired surrogate escape (<c>"\ud83c"</c>): well-formed JSON that is not Unicode text (MM0007).
    /// MCP arguments carry it as written; a C# string would hold the lone UTF-16 unit as if it were text.
    /// </summary>
    UnpairedSurrogate,
}

/// <summary>One request of the corpus: its JSON text and how it was made.</summary>
/// <param name="Index">Its position in the corpus (also its file name and its C# method name).</param>
/// <param name="Model">The catalog model its valid base was made for.</param>
/// <param name="GenerationType">The generation type of that base.</param>
/// <param name="Perturbations">What was changed in the valid base, in order (empty: the base itself).</param>
/// <param name="Json">The request as sent: the <c>generate_media</c> argument object's text.</param>
/// <param name="Shapes">What its text is made of (<see cref="RequestShapes"/>; empty: typed).</param>
internal sealed record CorpusRequest(
    int Index,
    string Model,
    string GenerationType,
    IReadOnlyList<string> Perturbations,
    string Json,
    IReadOnlySet<RequestShape> Shapes)
{
    public string Name => $"#{Index} {Model} {GenerationType}" + (Perturbations.Count == 0 ? " (valid base)" : " + " + string.Join(" + ", Perturbations));

    public bool Has(RequestShape shape) => Shapes.Contains(shape);
}
