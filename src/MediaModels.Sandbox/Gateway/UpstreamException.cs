using System;

namespace MediaModels.Sandbox.Gateway;

/// <summary>What an upstream failure proves about the call.</summary>
internal enum UpstreamFailure
{
    /// <summary>The upstream could not be reached: the call was not sent.</summary>
    Unreachable,

    /// <summary>HTTP 401/403: refused before anything started.</summary>
    Unauthorized,

    /// <summary>HTTP 429/503 or JSON-RPC -32042: refused before acceptance.</summary>
    NotAccepted,

    /// <summary>A JSON-RPC error answer.</summary>
    ProtocolError,

    /// <summary>Failed after sending: the upstream may have processed it.</summary>
    OutcomeUnknown,
}

/// <summary>A call to the upstream failed; <see cref="Failure"/> says what that proves.</summary>
internal sealed class UpstreamException : Exception
{
    public UpstreamException(UpstreamFailure failure, string message, Exception inner)
        : base(message, inner)
    {
        Failure = failure;
    }

    public UpstreamFailure Failure { get; }

    /// <summary>The <c>error</c> code of the tool error the agent gets.</summary>
    public string Code => Failure switch
    {
        UpstreamFailure.Unreachable => "upstream_unreachable",
        UpstreamFailure.Unauthorized => "upstream_unauthorized",
        UpstreamFailure.NotAccepted => "upstream_not_accepted",
        UpstreamFailure.ProtocolError => "upstream_error",
        _ => "upstream_outcome_unknown",
    };
}
