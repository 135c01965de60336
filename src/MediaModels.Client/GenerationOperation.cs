using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog.Rules;
using MediaModels.Client.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MediaModels.Client;

/// <summary>
/// A generation running on the service, the way the Azure SDK models long-running operations: its <see cref="Id"/>,
/// the last <see cref="Status"/> seen, <see cref="HasCompleted"/>, one status call with <see cref="UpdateStatusAsync"/>,
/// the outputs with <see cref="WaitForCompletionAsync(CancellationToken)"/>, and each status as it comes with
/// <see cref="WatchAsync"/>. From <see cref="IMediaClient.StartGenerationAsync"/>, or from an id alone with
/// <see cref="IMediaClient.GetGeneration"/> (after a restart, in another process).
/// </summary>
/// <remarks>
/// Reading its properties is thread-safe; run one wait or watch at a time. Waiting never sends <c>generate_media</c>
/// again. Members are virtual, and the protected constructor exists, so tests can substitute it.
/// </remarks>
public class GenerationOperation
{
    private readonly MediaClient? _client;
    private readonly object _gate = new();
    private readonly long _startedAt;
    private readonly bool _startedHere;
    private readonly string? _generationType;
    private string? _model;
    private GenerationStatusResponse? _last;
    private GenerationStatus? _status;
    private GenerationResult? _result;
    private int _polls;
    private int _ended;
    private PollSchedule? _schedule;

    /// <summary>For test doubles: every member is virtual.</summary>
    protected GenerationOperation()
    {
        Id = string.Empty;
        Warnings = Array.Empty<Violation>();
    }

    /// <summary>A generation this client just started.</summary>
    internal GenerationOperation(MediaClient client, GenerateMediaResponse started, IReadOnlyList<Violation> warnings, string? model, string generationType, long startedAt)
    {
        _client = client;
        Id = started.GenerationId!;
        StartResponse = started;
        Warnings = warnings;
        _model = model;
        _generationType = generationType;
        _status = started.Status ?? GenerationStatus.Pending;
        _startedAt = startedAt;
        _startedHere = true;
    }

    /// <summary>A generation resumed from its id: nothing is known until the first status call.</summary>
    internal GenerationOperation(MediaClient client, string generationId)
    {
        _client = client;
        Id = generationId;
        Warnings = Array.Empty<Violation>();
        _startedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>The generation's id: keep it to resume with <see cref="IMediaClient.GetGeneration"/>.</summary>
    public virtual string Id { get; }

    /// <summary>
    /// The model id: the request's when started here; for a resumed generation, the <c>model</c> member of a status
    /// response when the service sends one, otherwise null.
    /// </summary>
    public virtual string? Model
    {
        get
        {
            lock (_gate)
            {
                return _model;
            }
        }
    }

    /// <summary>The last status seen: <c>pending</c> (or what <c>generate_media</c> said) right after the start; null for a resumed generation before its first status call.</summary>
    public virtual GenerationStatus? Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>True once a status call has seen <c>completed</c> or <c>failed</c>; the status no longer changes.</summary>
    public virtual bool HasCompleted => Status is GenerationStatus status && status.IsTerminal;

    /// <summary>True once the generation has completed with outputs: <see cref="Value"/> holds them.</summary>
    public virtual bool HasValue
    {
        get
        {
            lock (_gate)
            {
                return _result is not null;
            }
        }
    }

    /// <summary>
    /// The completed generation. Throws <see cref="GenerationFailedException"/> when it failed, and
    /// <see cref="InvalidOperationException"/> while it has not completed (wait with
    /// <see cref="WaitForCompletionAsync(CancellationToken)"/> or poll with <see cref="UpdateStatusAsync"/>).
    /// </summary>
    public virtual GenerationResult Value => ResultOrThrow();

    /// <summary>The last status response, or null before the first status call.</summary>
    public virtual GenerationStatusResponse? LastResponse
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>The <c>generate_media</c> answer (estimates, unknown fields) when started here; null when resumed.</summary>
    public virtual GenerateMediaResponse? StartResponse { get; }

    /// <summary>The request's warnings (local and from the service) when started here; empty when resumed.</summary>
    public virtual IReadOnlyList<Violation> Warnings { get; }

    /// <summary>Status calls made through this handle.</summary>
    public virtual int Polls => Volatile.Read(ref _polls);

    /// <summary>
    /// Calls <c>get_generation_status</c> once and returns the answer; after <c>completed</c> or <c>failed</c> it
    /// returns the final answer without calling again. A <c>failed</c> status is returned, not thrown
    /// (<see cref="Value"/> throws it).
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<GenerationStatusResponse> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        if (HasCompleted && LastResponse is { } final)
        {
            return final;
        }

        MediaClient client = Client;
        return Record(client, await client.GetStatusAsync(Id, cancellationToken).ConfigureAwait(false), span: null);
    }

    /// <summary>
    /// Polls until the generation completes (on the client's schedule: around the estimate, then backing off between
    /// <see cref="MediaClientOptions.MinPollInterval"/> and <see cref="MediaClientOptions.MaxPollInterval"/>; a resumed
    /// generation is asked at once) and returns its outputs.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the generation keeps running on the service.</param>
    /// <exception cref="GenerationFailedException">It ended <c>failed</c>.</exception>
    /// <exception cref="GenerationTimeoutException">It did not end within <see cref="MediaClientOptions.GenerationTimeout"/> of this call.</exception>
    public virtual Task<GenerationResult> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(progress: null, cancellationToken);

    /// <summary>As <see cref="WaitForCompletionAsync(CancellationToken)"/>, reporting the status after every poll.</summary>
    /// <param name="progress">Receives the status after every status call.</param>
    /// <param name="cancellationToken">Stops waiting; the generation keeps running on the service.</param>
    public virtual async Task<GenerationResult> WaitForCompletionAsync(IProgress<GenerationProgress>? progress, CancellationToken cancellationToken = default)
    {
        MediaClient client = Client;
        long began = Stopwatch.GetTimestamp();
        using Activity? span = ClientActivities.StartWait(Id, Model);
        using var timeout = new CancellationTokenSource(client.Options.GenerationTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await WaitCoreAsync(progress, span, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var timedOut = new GenerationTimeoutException(Id, Clock.Since(began), LastResponse);
            client.OnTimedOut(this, Model, _generationType, timedOut, span);
            throw timedOut;
        }
        catch (Exception exception) when (ClientActivities.FailAndContinue(span, exception, cancellationToken))
        {
            throw;
        }
    }

    /// <summary>
    /// Yields the status after every status call, on the same schedule as <see cref="WaitForCompletionAsync(CancellationToken)"/>,
    /// and ends after <c>completed</c> or <c>failed</c> (yielded, not thrown). An operation that has already completed
    /// yields its final status once. No overall timeout: stop with <paramref name="cancellationToken"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops watching; the generation keeps running on the service.</param>
    public virtual async IAsyncEnumerable<GenerationProgress> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        MediaClient client = Client;
        if (HasCompleted && LastResponse is { } final)
        {
            yield return ProgressOf(final);
            yield break;
        }

        bool askNow = BeginPolling(client, out PollSchedule schedule);
        while (!HasCompleted)
        {
            if (!askNow)
            {
                await Task.Delay(schedule.Next(), cancellationToken).ConfigureAwait(false);
            }

            askNow = false;
            yield return ProgressOf(Record(client, await client.GetStatusAsync(Id, cancellationToken).ConfigureAwait(false), span: null));
        }
    }

    /// <summary>The id and the last status.</summary>
    public override string ToString() => $"{Id} {Status?.Value ?? "(not polled yet)"}";

    /// <summary>The report made right after the start.</summary>
    internal GenerationProgress StartProgress() =>
        new(Id, Status ?? GenerationStatus.Pending, null, Clock.Since(_startedAt), 0, Warnings);

    /// <summary>The loop of <see cref="WaitForCompletionAsync(IProgress{GenerationProgress}, CancellationToken)"/> and <see cref="MediaClient.GenerateAsync"/>; <see cref="WatchAsync"/> runs the same one as an iterator.</summary>
    internal async Task<GenerationResult> WaitCoreAsync(IProgress<GenerationProgress>? progress, Activity? span, CancellationToken cancellationToken)
    {
        MediaClient client = Client;
        bool askNow = BeginPolling(client, out PollSchedule schedule);
        while (!HasCompleted)
        {
            if (!askNow)
            {
                await Task.Delay(schedule.Next(), cancellationToken).ConfigureAwait(false);
            }

            askNow = false;
            GenerationStatusResponse response = Record(client, await client.GetStatusAsync(Id, cancellationToken).ConfigureAwait(false), span);
            progress?.Report(ProgressOf(response));
        }

        return ResultOrThrow();
    }

    /// <summary>
    /// The poll schedule (one per operation, so waits in turn continue its backoff) and whether to ask at once: a
    /// resumed generation may have ended long ago, a new one is asked around its estimate.
    /// </summary>
    private bool BeginPolling(MediaClient client, out PollSchedule schedule)
    {
        lock (_gate)
        {
            schedule = _schedule ??= new PollSchedule(StartResponse?.EstimatedTimeSeconds, client.Options.MinPollInterval, client.Options.MaxPollInterval);
            return _status is null;
        }
    }

    /// <summary>Takes in a status answer: the state, the log, the span, and (once) the end's metrics.</summary>
    private GenerationStatusResponse Record(MediaClient client, GenerationStatusResponse response, Activity? span)
    {
        GenerationStatus status = response.Status!.Value; // GetStatusAsync refuses an answer without one
        int polls;
        lock (_gate)
        {
            if (_status is GenerationStatus known && known.IsTerminal)
            {
                return _last!; // a concurrent poll already saw the end
            }

            _last = response;
            _status = status;
            _model ??= ModelNamedIn(response);
            polls = ++_polls;
            if (status == GenerationStatus.Completed)
            {
                _result = new GenerationResult(Id, response, Warnings, Clock.Since(_startedAt), polls);
            }
        }

        client.Logger.StatusPolled(Id, status.Value, response.Progress, polls);
        ClientActivities.Polled(span, status, polls);
        if (status.IsTerminal && Interlocked.Exchange(ref _ended, 1) == 0)
        {
            RecordEnd(client, response, status, polls, span);
        }

        return response;
    }

    private void RecordEnd(MediaClient client, GenerationStatusResponse response, GenerationStatus status, int polls, Activity? span)
    {
        TimeSpan elapsed = Clock.Since(_startedAt);
        TagList tags = ClientInstruments.Tags(Model, _generationType);
        tags.Add(MediaClientTelemetry.Attributes.GenerationStatus, status.Value);
        if (status == GenerationStatus.Completed)
        {
            client.Instruments.Completed.Add(1, ClientInstruments.Tags(Model, _generationType));
            client.Logger.GenerationCompleted(Id, response.Outputs?.Count ?? 0, elapsed.TotalSeconds, polls);
            ClientActivities.Completed(span, _result!);
        }
        else
        {
            client.Instruments.Failed.Add(1, MediaClient.WithError(ClientInstruments.Tags(Model, _generationType), typeof(GenerationFailedException)));
            client.Logger.GenerationFailed(Id, elapsed.TotalSeconds, polls, response.GetErrorMessage() ?? "the service gave no reason.");
        }

        if (_startedHere)
        {
            client.Instruments.Duration.Record(elapsed.TotalSeconds, tags);
        }

        client.Instruments.StatusCalls.Record(polls, tags);
    }

    private GenerationResult ResultOrThrow()
    {
        lock (_gate)
        {
            if (_result is not null)
            {
                return _result;
            }

            if (_status == GenerationStatus.Failed && _last is not null)
            {
                throw new GenerationFailedException(_last, Warnings);
            }

            throw new InvalidOperationException($"Generation {Id} has not completed (last status: {_status?.Value ?? "not polled yet"}). Wait with WaitForCompletionAsync or poll with UpdateStatusAsync.");
        }
    }

    private GenerationProgress ProgressOf(GenerationStatusResponse response) =>
        new(Id, response.Status ?? default, response.Progress, Clock.Since(_startedAt), Polls, Warnings) { Response = response };

    /// <summary>The <c>model</c> member of a status answer, which the spec does not define but a service may send.</summary>
    private static string? ModelNamedIn(GenerationStatusResponse response) =>
        response.ExtensionData is not null && response.ExtensionData.TryGetValue("model", out JsonElement model) && model.ValueKind == JsonValueKind.String
            ? model.GetString()
            : null;

    private MediaClient Client => _client ?? throw new NotSupportedException("This GenerationOperation was made with the protected constructor for tests; override the member used.");
}
