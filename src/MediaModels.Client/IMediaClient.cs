using System;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Validation;

namespace MediaModels.Client;

/// <summary>
/// The media tools as a service to depend on (and to replace in tests): validate and generate, start and resume
/// long-running generations, estimate, list models. <see cref="MediaClient"/> implements it;
/// <c>services.AddMediaModelsClient()</c> registers both as one singleton.
/// </summary>
public interface IMediaClient
{
    /// <summary>The validator requests are checked with before anything is sent.</summary>
    RequestValidator Validator { get; }

    /// <summary>
    /// Validates <paramref name="request"/>, starts it, waits until it completes and returns its outputs: the one-call
    /// path. Throws <see cref="MediaModels.Validation.MediaRequestValidationException"/> (nothing sent),
    /// <see cref="GenerationFailedException"/>, <see cref="GenerationTimeoutException"/> or a
    /// <see cref="MediaServiceException"/>; all derive from <see cref="MediaModelsException"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">Receives the status after the start and after every status call.</param>
    /// <param name="cancellationToken">Stops waiting (the generation itself keeps running on the service).</param>
    Task<GenerationResult> GenerateAsync(GenerateMediaRequest request, IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates <paramref name="request"/> and calls <c>generate_media</c> once (never resent unless the service
    /// provably did not accept it), returning a handle to poll, wait on or watch. Keep <see cref="GenerationOperation.Id"/>
    /// to resume it with <see cref="GetGeneration"/> after a restart.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<GenerationOperation> StartGenerationAsync(GenerateMediaRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// A handle on a generation started earlier, by this process or another, from its id alone. Nothing is sent until
    /// the handle is used; an unknown id then fails with a <see cref="MediaToolException"/> (<c>not_found</c>).
    /// </summary>
    /// <param name="generationId">The id <c>generate_media</c> returned.</param>
    GenerationOperation GetGeneration(string generationId);

    /// <summary>Validates and calls <c>generate_media</c> once, returning its raw answer and the warnings (see <see cref="StartGenerationAsync"/>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<StartedGeneration> StartAsync(GenerateMediaRequest request, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>get_generation_status</c> once (retried on transient failures).</summary>
    /// <param name="generationId">The generation's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<GenerationStatusResponse> GetStatusAsync(string generationId, CancellationToken cancellationToken = default);

    /// <summary>Validates the estimate request locally and calls <c>get_generation_estimate</c>.</summary>
    /// <param name="request">The estimate request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<GenerationEstimateResponse> EstimateAsync(GenerationEstimateRequest request, CancellationToken cancellationToken = default);

    /// <summary>The estimate for a generation request (its options travel in <c>parameters</c>).</summary>
    /// <param name="request">A generation request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<GenerationEstimateResponse> EstimateAsync(GenerateMediaRequest request, CancellationToken cancellationToken = default);

    /// <summary>Calls <c>get_models</c> and reads the answer leniently.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ModelList> GetModelsAsync(CancellationToken cancellationToken = default);
}
