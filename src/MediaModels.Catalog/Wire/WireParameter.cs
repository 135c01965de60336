namespace MediaModels.Catalog.Wire;

/// <summary>One parameter of a tool (or member of a Kling element) on the wire: one row of <see cref="WireParameters"/>.</summary>
public sealed class WireParameter
{
    internal WireParameter(string name, WireJsonKind kind, string memberName, RequestFact fact, bool required, string description, string pathPrefix = "$.")
    {
        Name = name;
        Kind = kind;
        MemberName = memberName;
        Fact = fact;
        Required = required;
        Description = description;
        Path = pathPrefix + name;
    }

    /// <summary>The wire name, e.g. <c>negative_prompt</c>.</summary>
    public string Name { get; }

    /// <summary>The JSON it takes.</summary>
    public WireJsonKind Kind { get; }

    /// <summary>
    /// The C# member that carries it: the property of <c>GenerateMediaRequest</c> / <c>KlingElement</c>, the member of
    /// <see cref="Rules.RequestFacts"/>, and the suffix of the generated builder's <c>With…</c> method.
    /// </summary>
    public string MemberName { get; }

    /// <summary>The request fact it feeds, or <see cref="RequestFact.None"/>.</summary>
    public RequestFact Fact { get; }

    /// <summary>True when the spec marks it required.</summary>
    public bool Required { get; }

    /// <summary>The spec's description of the parameter.</summary>
    public string Description { get; }

    /// <summary>The spec's description of the parameter in <c>get_generation_estimate</c>, where it differs.</summary>
    public string? EstimateDescription { get; init; }

    /// <summary>True when <c>get_generation_estimate</c> requires it.</summary>
    public bool RequiredInEstimate { get; init; }

    /// <summary>The JSON path the rules report for a request parameter (<c>$.negative_prompt</c>); for an element member, its name.</summary>
    public string Path { get; }

    /// <summary>The spec's word for the type: <c>string</c>, <c>boolean</c>, <c>number</c>, <c>string or array</c>, <c>array</c>, <c>object</c>.</summary>
    public string SpecType => Kind switch
    {
        WireJsonKind.String => "string",
        WireJsonKind.Boolean => "boolean",
        WireJsonKind.Number => "number",
        WireJsonKind.StringOrStringArray => "string or array",
        WireJsonKind.Object => "object",
        _ => "array",
    };

    /// <summary>What a value must be, as a message says it: "a string", "a string or an array of strings"….</summary>
    public string Expected => Kind switch
    {
        WireJsonKind.String => "a string",
        WireJsonKind.Boolean => "a boolean (true or false)",
        WireJsonKind.Number => "a number",
        WireJsonKind.StringOrStringArray => "a string or an array of strings",
        WireJsonKind.StringArray => "an array of strings",
        WireJsonKind.Object => "an object",
        _ => "an array of element objects",
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
