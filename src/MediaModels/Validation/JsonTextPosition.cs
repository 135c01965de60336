using System.Globalization;

namespace MediaModels.Validation;

/// <summary>
/// A place in JSON text: 1-based line and 1-based column. Lines end at <c>\n</c> (as in Utf8JsonReader);
/// columns count UTF-16 code units, as editors do, not bytes.
/// </summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct JsonTextPosition(int Line, int Column)
{
    /// <summary>MSBuild style: <c>(line,col)</c>, to append to a file name.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "({0},{1})", Line, Column);
}
