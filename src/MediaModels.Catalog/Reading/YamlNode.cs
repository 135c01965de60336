using System.Collections.Generic;

namespace MediaModels.Catalog.Reading;

/// <summary>
/// A YAML node with its position. Built from the parser's events (not YamlStream, which overflows the stack on
/// deep input), so every node the checks look at can be reported at its line and column.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(SourceLocation location) => Location = location;

    /// <summary>Where the node starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>The node's shape in words, for messages.</summary>
    public abstract string Shape { get; }
}

/// <summary>A scalar: its text and whether it was written plain (so <c>5</c> may be a number but <c>"5"</c> is text).</summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(SourceLocation location, string value, bool isPlain)
        : base(location)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    /// <summary>A plain empty, <c>~</c> or <c>null</c> scalar.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string Shape => IsNull ? "null" : "a scalar";
}

/// <summary>A mapping, entries in document order (duplicates kept so they can be reported).</summary>
internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(SourceLocation location)
        : base(location)
    {
    }

    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = new();

    public override string Shape => "a mapping";
}

/// <summary>A sequence.</summary>
internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(SourceLocation location)
        : base(location)
    {
    }

    public List<YamlNode> Items { get; } = new();

    public override string Shape => "a sequence";
}
