namespace MediaModels;

/// <summary>
/// Facts of the wire contract between a client and the media service (or the sandbox) that the spec leaves open
/// and MediaModels fixes.
/// </summary>
public static class ServiceContract
{
    /// <summary>
    /// The JSON-RPC error code meaning "the call was refused before it was accepted; nothing was started, sending it
    /// again is safe" (the sandbox's <c>--fail-rate</c> uses it over stdio). The client resends
    /// <c>generate_media</c> only after such a refusal, an HTTP 429 or 503 answer, or a connection that could not be
    /// opened.
    /// </summary>
    public const int NotAcceptedErrorCode = -32042;

    /// <summary>The path of the Streamable HTTP endpoint: <c>/mcp</c>.</summary>
    public const string McpPath = "/mcp";

    /// <summary>The tool names.</summary>
    public static class Tools
    {
        /// <summary><c>generate_media</c>.</summary>
        public const string GenerateMedia = "generate_media";

        /// <summary><c>get_generation_status</c>.</summary>
        public const string GetGenerationStatus = "get_generation_status";

        /// <summary><c>get_generation_estimate</c>.</summary>
        public const string GetGenerationEstimate = "get_generation_estimate";

        /// <summary><c>get_models</c>.</summary>
        public const string GetModels = "get_models";
    }
}
