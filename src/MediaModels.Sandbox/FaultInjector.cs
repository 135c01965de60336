using System;

namespace MediaModels.Sandbox;

/// <summary>The kinds of transient fault the sandbox injects.</summary>
internal enum FaultKind
{
    None,

    /// <summary>HTTP 503 with <c>Retry-After: 0</c>, before the call reaches the tool (refused, not accepted).</summary>
    ServiceUnavailable,

    /// <summary>HTTP 429 with <c>Retry-After: 0</c>, before the call reaches the tool (refused, not accepted).</summary>
    TooManyRequests,

    /// <summary>HTTP 500 (only on calls that are safe to repeat).</summary>
    InternalError,

    /// <summary>HTTP 502 (only on calls that are safe to repeat).</summary>
    BadGateway,

    /// <summary>The connection is dropped without an answer (only on calls that are safe to repeat).</summary>
    ConnectionDrop,

    /// <summary>Over stdio: a JSON-RPC error with <see cref="ServiceContract.NotAcceptedErrorCode"/>.</summary>
    NotAccepted,
}

/// <summary>Draws faults at <see cref="SandboxOptions.FailRate"/> and generation failures at <see cref="SandboxOptions.FailedRate"/>.</summary>
internal sealed class FaultInjector
{
    private readonly Random _random;
    private readonly object _gate = new();
    private readonly double _failRate;
    private readonly double _failedRate;

    public FaultInjector(SandboxOptions options)
    {
        _random = options.RandomSeed is int seed ? new Random(seed) : new Random();
        _failRate = Math.Clamp(options.FailRate, 0, 1);
        _failedRate = Math.Clamp(options.FailedRate, 0, 1);
    }

    /// <summary>
    /// The fault for one HTTP call of <paramref name="tool"/>. <c>generate_media</c> only ever gets a refusal that
    /// happens before acceptance (503/429), so the service's contract "a refused call was not accepted" holds;
    /// idempotent calls also get ambiguous faults (500, 502, dropped connection).
    /// </summary>
    public FaultKind NextHttpFault(string tool)
    {
        lock (_gate)
        {
            if (_failRate <= 0 || _random.NextDouble() >= _failRate)
            {
                return FaultKind.None;
            }

            int pick = _random.Next(tool == ServiceContract.Tools.GenerateMedia ? 2 : 5);
            return pick switch
            {
                0 => FaultKind.ServiceUnavailable,
                1 => FaultKind.TooManyRequests,
                2 => FaultKind.InternalError,
                3 => FaultKind.BadGateway,
                _ => FaultKind.ConnectionDrop,
            };
        }
    }

    /// <summary>The fault for one stdio (JSON-RPC) call: a refusal with <see cref="ServiceContract.NotAcceptedErrorCode"/>.</summary>
    public FaultKind NextRpcFault()
    {
        lock (_gate)
        {
            return _failRate > 0 && _random.NextDouble() < _failRate ? FaultKind.NotAccepted : FaultKind.None;
        }
    }

    /// <summary>True when a new generation should end <c>failed</c>.</summary>
    public bool NextGenerationFails()
    {
        lock (_gate)
        {
            return _failedRate > 0 && _random.NextDouble() < _failedRate;
        }
    }
}
