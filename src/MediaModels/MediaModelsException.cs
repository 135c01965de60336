using System;

namespace MediaModels;

/// <summary>
/// The root of every exception MediaModels throws about a request or a generation: a request that breaks a rule
/// (<see cref="Validation.MediaRequestValidationException"/>) and, in the client package, the service's refusals,
/// authentication failures, an unreachable service, a failed or timed-out generation. Catch this type to handle all
/// of them in one place; catch a derived type for what it carries (rule violations, generation id, HTTP status).
/// </summary>
/// <remarks>
/// Argument errors (<see cref="ArgumentException"/>), a disposed client (<see cref="ObjectDisposedException"/>) and
/// cancellation by the caller (<see cref="OperationCanceledException"/>) keep their standard types.
/// </remarks>
public abstract class MediaModelsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for a person to read.</param>
    /// <param name="innerException">The failure underneath, if any.</param>
    protected MediaModelsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
