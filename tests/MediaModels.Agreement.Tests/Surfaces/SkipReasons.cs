using MediaModels.Agreement.Tests.Corpus;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>Why a surface cannot carry a request, by what its text is made of.</summary>
internal static class SkipReasons
{
    public const string MalformedJson = "not one well-formed JSON object without duplicate keys (MM0007)";
    public const string WrongJsonType = "a value of another JSON kind than the parameter table's (MM0005)";
    public const string UnknownParameter = "a member the parameter table does not have (MM0006)";
    public const string UnpairedSurrogate = "a string with an unpaired surrogate escape, which no C# literal says the same way (MM0007)";

    /// <summary>The reason C# cannot write the request as loose C#, or null when it can.</summary>
    public static string? ForCSharp(CorpusRequest request) =>
        request.Has(RequestShape.MalformedJson) ? MalformedJson
        : request.Has(RequestShape.WrongJsonType) ? WrongJsonType
        : request.Has(RequestShape.UnknownParameter) ? UnknownParameter
        : request.Has(RequestShape.UnpairedSurrogate) ? UnpairedSurrogate
        : null;
}
