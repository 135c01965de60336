using Microsoft.Extensions.Logging;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// The gateway's log messages (category <c>MediaModels.Gateway</c>), source-generated, event ids stable once shipped
/// (listed in the README). No message carries prompt text, arguments or a token.
/// </summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 101, EventName = "CallRefused", Level = LogLevel.Information,
        Message = "{Tool} for {Model} refused by the catalog's rules ({RuleIds}); nothing was sent upstream.")]
    public static partial void CallRefused(this ILogger logger, string tool, string? model, string ruleIds);

    [LoggerMessage(EventId = 102, EventName = "CallForwarded", Level = LogLevel.Debug,
        Message = "{Tool} forwarded upstream; it answered {Answer}.")]
    public static partial void CallForwarded(this ILogger logger, string tool, string answer);

    [LoggerMessage(EventId = 103, EventName = "CallGuarded", Level = LogLevel.Warning,
        Message = "{Tool} refused by the {Guard} guard; nothing was sent upstream.")]
    public static partial void CallGuarded(this ILogger logger, string tool, string guard);

    [LoggerMessage(EventId = 104, EventName = "UpstreamFailed", Level = LogLevel.Warning,
        Message = "{Tool} failed upstream ({Code}): {Reason}")]
    public static partial void UpstreamFailed(this ILogger logger, string tool, string code, string reason);

    [LoggerMessage(EventId = 105, EventName = "UnknownModel", Level = LogLevel.Warning,
        Message = "The upstream lists model {Model}, which the catalog lacks: passed through without rules. Add it with --catalog to check calls to it.")]
    public static partial void UnknownModel(this ILogger logger, string model);

    [LoggerMessage(EventId = 106, EventName = "GenerationAccepted", Level = LogLevel.Information,
        Message = "Generation {GenerationId} accepted upstream for {Model}: {Credits} credits.")]
    public static partial void GenerationAccepted(this ILogger logger, string? generationId, string? model, double? credits);
}
