namespace MediaModels.Catalog;

/// <summary>A place in a catalog file: 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>MSBuild style: <c>file(line,col)</c>.</summary>
    public override string ToString() => $"{File}({Line},{Column})";
}
