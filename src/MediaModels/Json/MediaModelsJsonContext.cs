using System.Collections.Generic;
using System.Text.Json.Serialization;
using MediaModels.Validation;

namespace MediaModels.Json;

/// <summary>
/// Source-generated JSON metadata for every wire type (trimming- and AOT-friendly). Nulls are omitted; names are
/// the exact wire names. Pass <c>MediaModelsJsonContext.Default.GenerateMediaRequest</c> (and so on) wherever an
/// API takes a <see cref="System.Text.Json.Serialization.Metadata.JsonTypeInfo{T}"/>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerateMediaRequest))]
[JsonSerializable(typeof(GenerateMediaResponse))]
[JsonSerializable(typeof(GenerationStatusResponse))]
[JsonSerializable(typeof(GenerationEstimateRequest))]
[JsonSerializable(typeof(GenerationEstimateResponse))]
[JsonSerializable(typeof(RequestDiagnostic))]
[JsonSerializable(typeof(IReadOnlyList<RequestDiagnostic>))]
public sealed partial class MediaModelsJsonContext : JsonSerializerContext
{
}
