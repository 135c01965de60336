namespace MediaModels.Client;

/// <summary>
/// The names under which <see cref="MediaClient"/> reports traces and metrics, to subscribe with OpenTelemetry
/// (<c>.AddSource(MediaClientTelemetry.ActivitySourceName)</c>, <c>.AddMeter(MediaClientTelemetry.MeterName)</c>) or with an
/// <c>ActivityListener</c> / <c>MeterListener</c>. Attribute names follow the OpenTelemetry semantic-convention style:
/// the client's own under <c>mediamodels.</c>, shared ones (<c>error.type</c>, <c>gen_ai.tool.name</c>,
/// <c>mcp.method.name</c>) as the conventions spell them.
/// </summary>
public static class MediaClientTelemetry
{
    /// <summary>The <c>ActivitySource</c>: <c>MediaModels.Client</c>.</summary>
    public const string ActivitySourceName = "MediaModels.Client";

    /// <summary>The <c>Meter</c>: <c>MediaModels.Client</c>.</summary>
    public const string MeterName = "MediaModels.Client";

    /// <summary>Span and metric attribute names.</summary>
    public static class Attributes
    {
        /// <summary><c>mediamodels.model</c>: the model id.</summary>
        public const string Model = "mediamodels.model";

        /// <summary><c>mediamodels.generation.type</c>: <c>text-to-image</c>, <c>image-to-video</c>…</summary>
        public const string GenerationType = "mediamodels.generation.type";

        /// <summary><c>mediamodels.generation.id</c>: the id <c>generate_media</c> returned.</summary>
        public const string GenerationId = "mediamodels.generation.id";

        /// <summary><c>mediamodels.generation.status</c>: the last status seen.</summary>
        public const string GenerationStatus = "mediamodels.generation.status";

        /// <summary><c>mediamodels.generation.polls</c>: status calls made.</summary>
        public const string Polls = "mediamodels.generation.polls";

        /// <summary><c>mediamodels.generation.estimated_seconds</c>: <c>estimated_time_seconds</c>, when sent.</summary>
        public const string EstimatedSeconds = "mediamodels.generation.estimated_seconds";

        /// <summary><c>mediamodels.generation.estimated_credits</c>: <c>estimated_cost_credits</c>, when sent.</summary>
        public const string EstimatedCredits = "mediamodels.generation.estimated_credits";

        /// <summary><c>mediamodels.generation.outputs</c>: the number of outputs of a completed generation.</summary>
        public const string Outputs = "mediamodels.generation.outputs";

        /// <summary><c>mediamodels.rule.ids</c>: the rule ids (<c>MM0201</c>…) of a refused request.</summary>
        public const string RuleIds = "mediamodels.rule.ids";

        /// <summary><c>mediamodels.refused_by</c>: <c>client</c> (the local rule check) or <c>service</c>.</summary>
        public const string RefusedBy = "mediamodels.refused_by";

        /// <summary><c>error.type</c>: the exception's full type name.</summary>
        public const string ErrorType = "error.type";

        /// <summary><c>gen_ai.tool.name</c>: the MCP tool called.</summary>
        public const string ToolName = "gen_ai.tool.name";

        /// <summary><c>mcp.method.name</c>: <c>tools/call</c>.</summary>
        public const string McpMethod = "mcp.method.name";
    }

    /// <summary>Metric instrument names.</summary>
    public static class Metrics
    {
        /// <summary>Counter of generations the service accepted.</summary>
        public const string Started = "mediamodels.client.generations.started";

        /// <summary>Counter of generations seen <c>completed</c>.</summary>
        public const string Completed = "mediamodels.client.generations.completed";

        /// <summary>Counter of generations seen <c>failed</c>, timed out, or lost to an error after the request was sent (<c>error.type</c> says which).</summary>
        public const string Failed = "mediamodels.client.generations.failed";

        /// <summary>Counter of requests refused by a rule, locally or by the service (<c>mediamodels.refused_by</c>).</summary>
        public const string Refused = "mediamodels.client.generations.refused";

        /// <summary>Histogram of the seconds from sending <c>generate_media</c> to seeing the generation end (started here only).</summary>
        public const string Duration = "mediamodels.client.generation.duration";

        /// <summary>Histogram of <c>get_generation_status</c> calls per generation, recorded when it ends.</summary>
        public const string StatusCalls = "mediamodels.client.generation.status_calls";
    }
}
