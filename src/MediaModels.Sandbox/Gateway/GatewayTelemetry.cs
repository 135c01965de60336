using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// The names under which the gateway reports traces and metrics: an <c>ActivitySource</c> and a <c>Meter</c> named
/// <c>MediaModels.Gateway</c>, attributes in the style of the client's (<c>MediaClientTelemetry</c>): the gateway's own
/// under <c>mediamodels.</c>, shared ones as the OpenTelemetry conventions spell them.
/// </summary>
public static class GatewayTelemetry
{
    /// <summary>The <c>ActivitySource</c> and <c>Meter</c> name: <c>MediaModels.Gateway</c>.</summary>
    public const string Name = "MediaModels.Gateway";

    /// <summary>Counter of tool calls, tagged with the tool and <see cref="Outcome"/>.</summary>
    public const string CallsMetric = "mediamodels.gateway.calls";

    /// <summary>Counter of rule violations that refused a call, tagged with the rule ID.</summary>
    public const string RefusalsMetric = "mediamodels.gateway.refusals";

    /// <summary>Counter of credits, tagged <see cref="CreditsKind"/> = <c>spent</c> or <c>not_spent</c>.</summary>
    public const string CreditsMetric = "mediamodels.gateway.credits";

    /// <summary>Counter of models the upstream listed and the catalog lacks.</summary>
    public const string UnknownModelsMetric = "mediamodels.gateway.unknown_models";

    /// <summary><c>mediamodels.gateway.outcome</c>: <c>forwarded</c>, <c>refused</c> (a rule), <c>guarded</c> (a limit) or <c>failed</c> (upstream).</summary>
    public const string Outcome = "mediamodels.gateway.outcome";

    /// <summary><c>mediamodels.rule.ids</c> on a span, <c>mediamodels.rule.id</c> on the refusals counter.</summary>
    public const string RuleIds = "mediamodels.rule.ids";

    /// <summary><c>mediamodels.rule.id</c>.</summary>
    public const string RuleId = "mediamodels.rule.id";

    /// <summary><c>mediamodels.credits.kind</c> on the credits counter: <c>spent</c> or <c>not_spent</c>.</summary>
    public const string CreditsKind = "mediamodels.credits.kind";

    /// <summary><c>gen_ai.tool.name</c>.</summary>
    public const string ToolName = "gen_ai.tool.name";

    /// <summary><c>mcp.method.name</c>.</summary>
    public const string McpMethod = "mcp.method.name";

    /// <summary><c>mediamodels.model</c>.</summary>
    public const string Model = "mediamodels.model";

    /// <summary><c>error.type</c>: the upstream failure's code.</summary>
    public const string ErrorType = "error.type";

    internal static readonly string? Version = typeof(GatewayTelemetry).Assembly.GetName().Version?.ToString(3);

    internal static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>(CallsMetric, "{call}", "Tool calls through the gateway, by outcome.");

    internal static readonly Counter<long> Refusals = Meter.CreateCounter<long>(RefusalsMetric, "{violation}", "Rule violations that refused a call.");

    internal static readonly Counter<double> Credits = Meter.CreateCounter<double>(CreditsMetric, "{credit}", "Credits spent, and credits not spent on refused calls.");

    internal static readonly Counter<long> UnknownModels = Meter.CreateCounter<long>(UnknownModelsMetric, "{model}", "Models the upstream listed that the catalog lacks.");

    internal static Activity? StartCall(string tool)
    {
        Activity? activity = Source.StartActivity("tools/call " + tool, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(McpMethod, "tools/call");
            activity.SetTag(ToolName, tool);
        }

        return activity;
    }

    internal static void Count(Activity? activity, string tool, string outcome)
    {
        Calls.Add(1, new TagList { { ToolName, tool }, { Outcome, outcome } });
        activity?.SetTag(Outcome, outcome);
    }
}
