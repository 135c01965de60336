using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using Microsoft.Extensions.AI;

namespace MediaModels.Client.AI;

/// <summary>Microsoft.Extensions.AI on top of the media client.</summary>
public static class MediaClientImageGeneratorExtensions
{
    /// <summary>
    /// The diagnostic id of this experimental API: <c>MEAI001</c>, the id Microsoft.Extensions.AI.Abstractions 11
    /// gives <see cref="IImageGenerator"/> itself, so one suppression covers both.
    /// </summary>
    public const string ExperimentalDiagnosticId = "MEAI001";

    /// <summary>Where the diagnostic points (Microsoft.Extensions.AI's page for its ids).</summary>
    public const string ExperimentalUrlFormat = "https://aka.ms/dotnet-extensions-warnings/{0}";

    /// <summary>
    /// An <see cref="IImageGenerator"/> that generates with <paramref name="modelId"/> (or the model named in
    /// <see cref="ImageGenerationOptions.ModelId"/>) through this client; see <see cref="MediaImageGenerator"/> for
    /// how requests and results map.
    /// </summary>
    /// <param name="client">The media client.</param>
    /// <param name="modelId">The default model, an image model of the catalog (e.g. <c>nano-banana</c>).</param>
    /// <param name="downloads">Fetches outputs when <see cref="ImageGenerationResponseFormat.Data"/> is asked for; null for a shared client.</param>
    [Experimental(ExperimentalDiagnosticId, UrlFormat = ExperimentalUrlFormat)]
    public static IImageGenerator AsImageGenerator(this IMediaClient client, string modelId, HttpClient? downloads = null) =>
        new MediaImageGenerator(client, modelId, downloads);
}
