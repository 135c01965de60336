using System.Threading;

namespace MediaModels.Sandbox;

/// <summary>What the sandbox has seen, for tests and benchmarks. Thread-safe.</summary>
public sealed class SandboxCounters
{
    private long _generateMediaCalls;
    private long _accepted;
    private long _rejected;
    private long _statusCalls;
    private long _estimateCalls;
    private long _modelsCalls;
    private long _faults;
    private long _generateFaults;
    private long _sessionsOpened;
    private long _unknownSessions;

    /// <summary>
    /// <c>generate_media</c> calls that reached the tool (valid or not). A call refused by an injected transient fault
    /// never reaches the tool and is not counted here (see <see cref="GenerateMediaFaults"/>).
    /// </summary>
    public long GenerateMediaCalls => Interlocked.Read(ref _generateMediaCalls);

    /// <summary><c>generate_media</c> calls accepted (a job was started).</summary>
    public long GenerationsAccepted => Interlocked.Read(ref _accepted);

    /// <summary><c>generate_media</c> calls refused by the rule engine (a tool error listing the MM ids).</summary>
    public long GenerationsRejected => Interlocked.Read(ref _rejected);

    /// <summary><c>get_generation_status</c> calls that reached the tool.</summary>
    public long StatusCalls => Interlocked.Read(ref _statusCalls);

    /// <summary><c>get_generation_estimate</c> calls that reached the tool.</summary>
    public long EstimateCalls => Interlocked.Read(ref _estimateCalls);

    /// <summary><c>get_models</c> calls that reached the tool.</summary>
    public long ModelsCalls => Interlocked.Read(ref _modelsCalls);

    /// <summary>Transient faults injected (all tools).</summary>
    public long FaultsInjected => Interlocked.Read(ref _faults);

    /// <summary>Transient faults injected on <c>generate_media</c> (each refused before acceptance).</summary>
    public long GenerateMediaFaults => Interlocked.Read(ref _generateFaults);

    /// <summary>Sessions the HTTP server opened (only with <see cref="SandboxOptions.StatefulSessions"/>).</summary>
    public long SessionsOpened => Interlocked.Read(ref _sessionsOpened);

    /// <summary>
    /// Requests that named a session the HTTP server does not have (answered 404; only with
    /// <see cref="SandboxOptions.StatefulSessions"/>), e.g. a client's session from before a restart.
    /// </summary>
    public long UnknownSessionRequests => Interlocked.Read(ref _unknownSessions);

    internal void CountSessionOpened() => Interlocked.Increment(ref _sessionsOpened);

    internal void CountUnknownSession() => Interlocked.Increment(ref _unknownSessions);

    internal void CountGenerateCall() => Interlocked.Increment(ref _generateMediaCalls);

    internal void CountAccepted() => Interlocked.Increment(ref _accepted);

    internal void CountRejected() => Interlocked.Increment(ref _rejected);

    internal void CountStatus() => Interlocked.Increment(ref _statusCalls);

    internal void CountEstimate() => Interlocked.Increment(ref _estimateCalls);

    internal void CountModels() => Interlocked.Increment(ref _modelsCalls);

    internal void CountFault(string tool)
    {
        Interlocked.Increment(ref _faults);
        if (tool == ServiceContract.Tools.GenerateMedia)
        {
            Interlocked.Increment(ref _generateFaults);
        }
    }

    /// <summary>One line for logs.</summary>
    public override string ToString() =>
        $"generate_media calls: {GenerateMediaCalls} ({GenerationsAccepted} accepted, {GenerationsRejected} rejected); " +
        $"status: {StatusCalls}; estimate: {EstimateCalls}; models: {ModelsCalls}; faults injected: {FaultsInjected} ({GenerateMediaFaults} on generate_media)";
}
