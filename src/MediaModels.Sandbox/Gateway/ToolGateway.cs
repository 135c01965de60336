using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// The gateway's two MCP handlers, independent of the transport the agent uses. <c>tools/list</c> is the upstream's
/// list with the catalog's rule table added to the descriptions of the request tools. <c>tools/call</c> checks
/// <c>generate_media</c> and <c>get_generation_estimate</c> with the rule engine (errors are answered here and nothing
/// is sent; warnings travel with the upstream's answer), applies the guards, sends every other call unchanged, each
/// exactly once, and annotates <c>get_models</c>.
/// </summary>
internal sealed class ToolGateway : IAsyncDisposable
{
    /// <summary>The member of an upstream answer the gateway's warnings are added under.</summary>
    public const string WarningsMember = "catalog_warnings";

    private const string Budget = "budget";
    private const string Concurrency = "concurrency";
    private const string Rate = "rate";

    private readonly ModelCatalog _catalog;
    private readonly RequestValidator _validator;
    private readonly Upstream _upstream;
    private readonly GatewayGuards _guards;
    private readonly ModelsAnnotation _models;
    private readonly ILogger _logger;
    private readonly string? _ruleTable;

    public ToolGateway(GatewayOptions options)
    {
        CatalogReadResult read = ShippedCatalog.ReadWith(options.CatalogPaths, options.IncludeShippedCatalog);
        if (read.HasErrors)
        {
            throw new SandboxConfigurationException(
                "The gateway's catalog has errors:" + Environment.NewLine + string.Join(Environment.NewLine, read.Diagnostics));
        }

        _catalog = read.Catalog;
        _validator = new RequestValidator(_catalog);
        _guards = new GatewayGuards(options);
        _upstream = new Upstream(options);
        _models = new ModelsAnnotation(_catalog);
        _logger = (ILogger?)options.LoggerFactory?.CreateLogger(GatewayTelemetry.Name) ?? NullLogger.Instance;
        _ruleTable = RuleTable.Render(_catalog, options.Describe);
    }

    public GatewayStats Stats { get; } = new();

    /// <summary>The upstream endpoint, for messages.</summary>
    public string UpstreamEndpoint => _upstream.Endpoint;

    /// <summary>The handlers on a server's options (stdio) — the HTTP host registers the same two methods.</summary>
    public void Register(McpServerOptions options)
    {
        options.Handlers.ListToolsHandler = ListToolsAsync;
        options.Handlers.CallToolHandler = CallToolAsync;
    }

    public async ValueTask<ListToolsResult> ListToolsAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        ListToolsResult upstream;
        try
        {
            upstream = await _upstream.ListToolsAsync(request.Params, cancellationToken).ConfigureAwait(false);
        }
        catch (UpstreamException failure)
        {
            Stats.CountUpstreamFailure(failure.Code);
            _logger.UpstreamFailed("tools/list", failure.Code, failure.Message);
            throw new McpException(failure.Message, failure);
        }

        foreach (Tool tool in upstream.Tools)
        {
            tool.Description = Describe(tool.Name, tool.Description);
        }

        return upstream;
    }

    /// <summary>The description the agent sees: the upstream's, with the rule table on <c>generate_media</c> and a pointer to it on the estimate.</summary>
    private string? Describe(string tool, string? description)
    {
        if (_ruleTable is null)
        {
            return description;
        }

        return tool switch
        {
            ServiceContract.Tools.GenerateMedia => (description is null ? string.Empty : description + "\n\n") + _ruleTable,
            ServiceContract.Tools.GetGenerationEstimate => (description is null ? string.Empty : description + "\n\n") +
                "Checked with the same model rules as generate_media (listed in its description) before it is sent.",
            _ => description,
        };
    }

    public async ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        CallToolRequestParams call = request.Params ?? throw new McpProtocolException("tools/call needs params with a tool name.", McpErrorCode.InvalidParams);
        using Activity? span = GatewayTelemetry.StartCall(call.Name);
        if (_guards.TryTakeRate(ClientOf(request)) is string limited)
        {
            return Guarded(span, call.Name, Rate, limited, credits: null);
        }

        return call.Name switch
        {
            ServiceContract.Tools.GenerateMedia => await GenerateMediaAsync(call, span, cancellationToken).ConfigureAwait(false),
            ServiceContract.Tools.GetGenerationEstimate => await EstimateAsync(call, span, cancellationToken).ConfigureAwait(false),
            ServiceContract.Tools.GetModels => await GetModelsAsync(call, span, cancellationToken).ConfigureAwait(false),
            _ => await ForwardUncheckedAsync(call, span, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<CallToolResult> GenerateMediaAsync(CallToolRequestParams call, Activity? span, CancellationToken cancellationToken)
    {
        RequestReadResult read = RequestJsonReader.Read(ToolReplies.ArgumentsJson(call.Arguments));
        IReadOnlyList<Violation> violations = _validator.Validate(read);
        GenerateMediaRequest? request = read.Request;
        ModelSpec? model = request?.Model is string id ? _catalog.Find(id) : null;
        double? cost = model is not null ? CatalogCost.Estimate(model, request!).Credits : null;
        span?.SetTag(GatewayTelemetry.Model, request?.Model);
        if (request is null || violations.Any(v => v.Severity == Severity.Error))
        {
            return Refused(span, call.Name, request?.Model, violations, cost);
        }

        if (_guards.TryReserve(cost) is string overBudget)
        {
            return Guarded(span, call.Name, Budget, overBudget, cost);
        }

        double? spent = null;
        try
        {
            CallToolResult? result = await ForwardAsync(call, span, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                _guards.Settle(cost, null);
                return Guarded(span, call.Name, Concurrency, GatewayGuards.ConcurrencyRefusal, cost);
            }

            if (result.IsError != true)
            {
                GenerateMediaResponse? answer = StartedGeneration(result);
                spent = answer?.EstimatedCostCredits ?? cost;
                _logger.GenerationAccepted(answer?.GenerationId, request.Model, spent);
                if (spent is double s)
                {
                    Stats.AddSpent(s);
                    GatewayTelemetry.Credits.Add(s, new TagList { { GatewayTelemetry.CreditsKind, "spent" } });
                }
            }

            _guards.Settle(cost, spent);
            return WithWarnings(result, violations);
        }
        catch (UpstreamException failure) when (failure.Failure != UpstreamFailure.OutcomeUnknown)
        {
            _guards.Settle(cost, null); // proven not started: the reservation goes back
            return Failed(span, call.Name, failure);
        }
        catch (UpstreamException failure)
        {
            // Perhaps started: the reservation stays spent, so the budget errs on the safe side.
            return Failed(span, call.Name, failure);
        }
    }

    private async Task<CallToolResult> EstimateAsync(CallToolRequestParams call, Activity? span, CancellationToken cancellationToken)
    {
        GenerationEstimateRequest request;
        try
        {
            request = GenerationEstimateRequest.FromJson(Encoding.UTF8.GetString(ToolReplies.ArgumentsJson(call.Arguments)));
        }
        catch (JsonException exception)
        {
            GatewayTelemetry.Count(span, call.Name, "refused");
            return ToolReplies.ToolError($"get_generation_estimate: {exception.Message} Nothing was sent.", "invalid_arguments", null);
        }

        IReadOnlyList<Violation> violations = EstimateValidation.Validate(_validator, request);
        span?.SetTag(GatewayTelemetry.Model, request.Model);
        if (violations.Any(v => v.Severity == Severity.Error))
        {
            return Refused(span, call.Name, request.Model, violations, credits: null);
        }

        try
        {
            CallToolResult? result = await ForwardAsync(call, span, cancellationToken).ConfigureAwait(false);
            return result is null ? Guarded(span, call.Name, Concurrency, GatewayGuards.ConcurrencyRefusal, null) : WithWarnings(result, violations);
        }
        catch (UpstreamException failure)
        {
            return Failed(span, call.Name, failure);
        }
    }

    private async Task<CallToolResult> GetModelsAsync(CallToolRequestParams call, Activity? span, CancellationToken cancellationToken)
    {
        try
        {
            CallToolResult? result = await ForwardAsync(call, span, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return Guarded(span, call.Name, Concurrency, GatewayGuards.ConcurrencyRefusal, null);
            }

            var unknown = new List<string>();
            CallToolResult annotated = _models.Annotate(result, unknown);
            foreach (string id in unknown)
            {
                GatewayTelemetry.UnknownModels.Add(1, new TagList { { GatewayTelemetry.Model, id } });
                if (Stats.CountUnknownModel(id))
                {
                    _logger.UnknownModel(id);
                }
            }

            return annotated;
        }
        catch (UpstreamException failure)
        {
            return Failed(span, call.Name, failure);
        }
    }

    /// <summary>A tool the gateway does not check: sent unchanged, its answer returned unchanged.</summary>
    private async Task<CallToolResult> ForwardUncheckedAsync(CallToolRequestParams call, Activity? span, CancellationToken cancellationToken)
    {
        try
        {
            return await ForwardAsync(call, span, cancellationToken).ConfigureAwait(false)
                ?? Guarded(span, call.Name, Concurrency, GatewayGuards.ConcurrencyRefusal, null);
        }
        catch (UpstreamException failure)
        {
            return Failed(span, call.Name, failure);
        }
    }

    /// <summary>Sends the call once within a concurrency slot; null when no slot is free (nothing sent).</summary>
    private async Task<CallToolResult?> ForwardAsync(CallToolRequestParams call, Activity? span, CancellationToken cancellationToken)
    {
        using IDisposable? slot = _guards.TryEnter();
        if (slot is null)
        {
            return null;
        }

        Stats.CountForwarded(call.Name);
        CallToolResult result = await _upstream.CallToolAsync(call, cancellationToken).ConfigureAwait(false);
        GatewayTelemetry.Count(span, call.Name, "forwarded");
        _logger.CallForwarded(call.Name, result.IsError == true ? "a tool error" : "a result");
        return result;
    }

    private CallToolResult Refused(Activity? span, string tool, string? model, IReadOnlyList<Violation> violations, double? credits)
    {
        string[] ids = violations.Where(v => v.Severity == Severity.Error).Select(v => v.Id).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal).ToArray();
        Stats.CountRefused(ids, credits);
        foreach (string id in ids)
        {
            GatewayTelemetry.Refusals.Add(1, new TagList { { GatewayTelemetry.ToolName, tool }, { GatewayTelemetry.RuleId, id } });
        }

        if (credits is double c)
        {
            GatewayTelemetry.Credits.Add(c, new TagList { { GatewayTelemetry.CreditsKind, "not_spent" } });
        }

        GatewayTelemetry.Count(span, tool, "refused");
        span?.SetTag(GatewayTelemetry.RuleIds, string.Join(",", ids));
        _logger.CallRefused(tool, model, string.Join(",", ids));
        return ToolReplies.Refusal(tool, violations, "Checked by the MediaModels gateway against its catalog; nothing was sent to the service.");
    }

    private CallToolResult Guarded(Activity? span, string tool, string guard, string message, double? credits)
    {
        Stats.CountGuarded(guard, credits);
        GatewayTelemetry.Count(span, tool, "guarded");
        _logger.CallGuarded(tool, guard);
        return ToolReplies.ToolError(message, guard switch { Budget => "budget_exceeded", Concurrency => "too_many_concurrent_calls", _ => "rate_limited" }, null);
    }

    private CallToolResult Failed(Activity? span, string tool, UpstreamException failure)
    {
        Stats.CountUpstreamFailure(failure.Code);
        GatewayTelemetry.Count(span, tool, "failed");
        span?.SetStatus(ActivityStatusCode.Error, failure.Message);
        span?.SetTag(GatewayTelemetry.ErrorType, failure.Code);
        _logger.UpstreamFailed(tool, failure.Code, failure.Message);
        return ToolReplies.ToolError(failure.Message, failure.Code, null);
    }

    /// <summary>The upstream's answer with the gateway's warnings added: a text block, and <see cref="WarningsMember"/> in the structured content.</summary>
    private static CallToolResult WithWarnings(CallToolResult result, IReadOnlyList<Violation> warnings)
    {
        if (warnings.Count == 0 || result.IsError == true)
        {
            return result;
        }

        var text = new StringBuilder();
        text.Append("MediaModels gateway: the request was sent with ").Append(warnings.Count).Append(warnings.Count == 1 ? " warning:" : " warnings:");
        foreach (Violation warning in warnings)
        {
            text.Append('\n').Append(ToolReplies.Line(warning));
        }

        var content = new List<ContentBlock>(result.Content ?? Array.Empty<ContentBlock>()) { new TextContentBlock { Text = text.ToString() } };
        JsonElement? structured = result.StructuredContent;
        if (structured is JsonElement element && element.ValueKind == JsonValueKind.Object && JsonNode.Parse(element.GetRawText()) is JsonObject payload)
        {
            payload[WarningsMember] = ToolReplies.DiagnosticsArray(warnings);
            structured = ToolReplies.ToElement(payload);
        }

        return new CallToolResult { Content = content, StructuredContent = structured, IsError = result.IsError, Meta = result.Meta };
    }

    /// <summary>The upstream's <c>generate_media</c> answer read as the wire type (structured content, else JSON text), or null when it is neither.</summary>
    private static GenerateMediaResponse? StartedGeneration(CallToolResult result)
    {
        string? json = result.StructuredContent is JsonElement { ValueKind: JsonValueKind.Object } element ? element.GetRawText()
            : (result.Content ?? Array.Empty<ContentBlock>()).OfType<TextContentBlock>().Select(t => t.Text).FirstOrDefault(t => t?.TrimStart().StartsWith('{') == true);
        if (json is null)
        {
            return null;
        }

        try
        {
            return GenerateMediaResponse.FromJson(json);
        }
        catch (JsonException)
        {
            return null; // an answer the gateway cannot read is still the agent's to see; only the figures lose it
        }
    }

    /// <summary>Who is calling, for the per-client rate: the client's name and, over HTTP, its address; <c>stdio</c> otherwise.</summary>
    private static string ClientOf(RequestContext<CallToolRequestParams> request)
    {
        string name = request.JsonRpcRequest.Context?.ClientInfo?.Name ?? request.Server.ClientInfo?.Name ?? "unnamed";
        HttpContext? http = request.Services?.GetService<IHttpContextAccessor>()?.HttpContext;
        return name + "@" + (http?.Connection.RemoteIpAddress?.ToString() ?? "stdio");
    }

    public async ValueTask DisposeAsync()
    {
        await _upstream.DisposeAsync().ConfigureAwait(false);
        _guards.Dispose();
    }
}
