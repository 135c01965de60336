namespace MediaModels.Catalog;

/// <summary>One service-wide default: the wire parameter and the value assumed when a request omits it.</summary>
/// <param name="Parameter">The wire name: <c>generation_type</c>, <c>aspect_ratio</c>, <c>quality</c>, <c>sound</c>.</param>
/// <param name="Value">The value as the wire writes it: <c>text-to-image</c>, <c>1:1</c>, <c>standard</c>, <c>false</c>.</param>
public sealed record ParameterDefault(string Parameter, string Value);
