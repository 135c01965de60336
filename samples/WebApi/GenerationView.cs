using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Client;

namespace MediaModels.Samples.WebApi;

/// <summary>What the API answers about a generation (written in snake_case, like the service's own JSON).</summary>
/// <param name="Id">The generation's id: GET /generations/{id} resumes it.</param>
/// <param name="Status">The last status seen, or null before the first status call.</param>
/// <param name="Model">The model, when known.</param>
/// <param name="Progress">The service's progress figure, when sent.</param>
/// <param name="EstimatedTimeSeconds">The service's estimate, right after the start.</param>
/// <param name="EstimatedCostCredits">The service's cost estimate, right after the start.</param>
/// <param name="Outputs">The outputs' URLs once completed.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Warnings">The request's warnings (rule ids and messages), right after the start.</param>
public sealed record GenerationView(
    string Id,
    string? Status,
    string? Model,
    double? Progress,
    double? EstimatedTimeSeconds,
    double? EstimatedCostCredits,
    IReadOnlyList<string> Outputs,
    string? Error,
    IReadOnlyList<ViolationView> Warnings)
{
    /// <summary>The view of an operation as it stands.</summary>
    public static GenerationView Of(GenerationOperation operation) => new(
        operation.Id,
        operation.Status?.Value,
        operation.Model,
        operation.LastResponse?.Progress,
        operation.StartResponse?.EstimatedTimeSeconds,
        operation.StartResponse?.EstimatedCostCredits,
        operation.LastResponse?.Outputs?.Select(o => o.Url).OfType<string>().ToArray() ?? Array.Empty<string>(),
        operation.Status == GenerationStatus.Failed ? operation.LastResponse?.GetErrorMessage() : null,
        operation.Warnings.Select(ViolationView.Of).ToArray());
}
