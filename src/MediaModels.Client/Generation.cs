using System;
using System.Collections.Generic;
using MediaModels.Catalog.Rules;

namespace MediaModels.Client;

/// <summary>
/// Where a generation stands: reported to <see cref="IProgress{T}"/> after it starts and after every poll, and yielded
/// by <see cref="GenerationOperation.WatchAsync"/> after every poll.
/// </summary>
/// <param name="GenerationId">The generation's id.</param>
/// <param name="Status">The last status (<c>pending</c> right after the start).</param>
/// <param name="Progress">The last <c>progress</c> as sent (the sandbox sends 0–100), or null.</param>
/// <param name="Elapsed">Time since the request was sent.</param>
/// <param name="Polls">Status calls made so far.</param>
/// <param name="Warnings">The request's warnings (local and from the service).</param>
public sealed record GenerationProgress(
    string GenerationId,
    GenerationStatus Status,
    double? Progress,
    TimeSpan Elapsed,
    int Polls,
    IReadOnlyList<Violation> Warnings)
{
    /// <summary>The status response this report is made of (outputs, <c>error</c>, unknown fields); null for the report right after the start.</summary>
    public GenerationStatusResponse? Response { get; init; }

    /// <summary><c>gen_… processing 40% (1.2 s)</c>.</summary>
    public override string ToString() =>
        $"{GenerationId} {Status}{(Progress is double p ? $" {p:0}%" : string.Empty)} ({Elapsed.TotalSeconds:0.0} s)";
}

/// <summary>A generation the service accepted: its answer and the request's warnings.</summary>
/// <param name="Response">The <c>generate_media</c> answer (id, status, estimates, unknown fields kept).</param>
/// <param name="Warnings">Warnings from the local check and from the service, without duplicates.</param>
public sealed record StartedGeneration(GenerateMediaResponse Response, IReadOnlyList<Violation> Warnings)
{
    /// <summary>The generation's id.</summary>
    public string GenerationId => Response.GenerationId!;
}

/// <summary>A completed generation.</summary>
/// <param name="GenerationId">The generation's id.</param>
/// <param name="Status">The final status response (outputs, unknown fields kept).</param>
/// <param name="Warnings">The request's warnings (local and from the service).</param>
/// <param name="Elapsed">Time from sending the request to seeing it completed.</param>
/// <param name="Polls">Status calls made.</param>
public sealed record GenerationResult(
    string GenerationId,
    GenerationStatusResponse Status,
    IReadOnlyList<Violation> Warnings,
    TimeSpan Elapsed,
    int Polls)
{
    /// <summary>The outputs (<c>url</c>, <c>thumbnail_url</c>, <c>optimized_url</c>, <c>media_type</c>, <c>dimensions</c>, unknown fields kept).</summary>
    public IReadOnlyList<GenerationOutput> Outputs => Status.Outputs ?? Array.Empty<GenerationOutput>();
}
