using Microsoft.Extensions.Logging;

namespace MediaModels.Client.Diagnostics;

/// <summary>
/// The client's log messages (category <c>MediaModels.Client.MediaClient</c>), source-generated, with event ids that
/// stay stable once shipped (they are listed in the README). No message above Trace carries prompt text, a token or a
/// header value; only <see cref="SendingTool"/> (Trace) shows the arguments sent.
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1, EventName = "RequestRefused", Level = LogLevel.Warning,
        Message = "The {Model} request was refused by the local rule check ({RuleIds}); nothing was sent.")]
    public static partial void RequestRefused(this ILogger logger, string? model, string ruleIds);

    [LoggerMessage(EventId = 2, EventName = "GenerationStarted", Level = LogLevel.Information,
        Message = "Generation {GenerationId} started: model {Model}, {GenerationType}, estimated {EstimatedSeconds} s and {EstimatedCredits} credits.")]
    public static partial void GenerationStarted(this ILogger logger, string generationId, string? model, string generationType, double? estimatedSeconds, double? estimatedCredits);

    [LoggerMessage(EventId = 3, EventName = "StatusPolled", Level = LogLevel.Debug,
        Message = "Generation {GenerationId} is {Status} (progress {Progress}) after status call {Polls}.")]
    public static partial void StatusPolled(this ILogger logger, string generationId, string status, double? progress, int polls);

    [LoggerMessage(EventId = 4, EventName = "GenerationCompleted", Level = LogLevel.Information,
        Message = "Generation {GenerationId} completed with {OutputCount} output(s) after {ElapsedSeconds} s and {Polls} status call(s).")]
    public static partial void GenerationCompleted(this ILogger logger, string generationId, int outputCount, double elapsedSeconds, int polls);

    [LoggerMessage(EventId = 5, EventName = "GenerationFailed", Level = LogLevel.Information,
        Message = "Generation {GenerationId} failed after {ElapsedSeconds} s and {Polls} status call(s): {Reason}")]
    public static partial void GenerationFailed(this ILogger logger, string generationId, double elapsedSeconds, int polls, string reason);

    [LoggerMessage(EventId = 6, EventName = "GenerationTimedOut", Level = LogLevel.Information,
        Message = "Stopped waiting for generation {GenerationId} after {ElapsedSeconds} s (last status {Status}); it may still finish.")]
    public static partial void GenerationTimedOut(this ILogger logger, string? generationId, double elapsedSeconds, string? status);

    [LoggerMessage(EventId = 7, EventName = "RetryingCall", Level = LogLevel.Warning,
        Message = "{Tool} failed ({ErrorType}: {Error}); retry {Attempt} of {MaxAttempts} in {DelayMilliseconds} ms.")]
    public static partial void RetryingCall(this ILogger logger, string tool, string errorType, string error, int attempt, int maxAttempts, double delayMilliseconds);

    [LoggerMessage(EventId = 8, EventName = "Reconnecting", Level = LogLevel.Warning,
        Message = "The session with {Endpoint} ended; opening a new one.")]
    public static partial void Reconnecting(this ILogger logger, string endpoint);

    [LoggerMessage(EventId = 9, EventName = "Connected", Level = LogLevel.Debug,
        Message = "Connected to {Endpoint}.")]
    public static partial void Connected(this ILogger logger, string endpoint);

    [LoggerMessage(EventId = 10, EventName = "RefusedByService", Level = LogLevel.Warning,
        Message = "{Tool} was refused by the service: error {ErrorCode}, rules ({RuleIds}).")]
    public static partial void RefusedByService(this ILogger logger, string tool, string? errorCode, string ruleIds);

    [LoggerMessage(EventId = 11, EventName = "OutcomeUnknown", Level = LogLevel.Warning,
        Message = "generate_media for {Model} may or may not have started ({ErrorType}: {Error}); it is not sent again.")]
    public static partial void OutcomeUnknown(this ILogger logger, string? model, string errorType, string error);

    [LoggerMessage(EventId = 12, EventName = "Unauthorized", Level = LogLevel.Warning,
        Message = "{Endpoint} refused the credentials with HTTP {HttpStatus} on {Tool}.")]
    public static partial void Unauthorized(this ILogger logger, string endpoint, int httpStatus, string tool);

    [LoggerMessage(EventId = 13, EventName = "Unreachable", Level = LogLevel.Warning,
        Message = "{Tool} could not reach {Endpoint}: {Error}")]
    public static partial void Unreachable(this ILogger logger, string tool, string endpoint, string error);

    [LoggerMessage(EventId = 14, EventName = "SendingTool", Level = LogLevel.Trace,
        Message = "Sending {Tool} {Arguments}")]
    public static partial void SendingTool(this ILogger logger, string tool, string arguments);
}
