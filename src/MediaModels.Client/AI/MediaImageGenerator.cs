using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Drawing;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog;
using Microsoft.Extensions.AI;

namespace MediaModels.Client.AI;

/// <summary>
/// An <see cref="IImageGenerator"/> (Microsoft.Extensions.AI) over a media client, for one default model of the
/// catalog. Made by <see cref="MediaClientImageGeneratorExtensions.AsImageGenerator"/>.
/// </summary>
/// <remarks>
/// <para>How a call maps onto <c>generate_media</c>: <see cref="ImageGenerationOptions.ModelId"/> (else the default
/// model) is the model; no original images is <c>text-to-image</c>, original images make it <c>image-to-image</c> with
/// their URLs as <c>source_media_urls</c> (<see cref="UriContent"/> only: the service takes URLs, so inline
/// <see cref="DataContent"/> is refused with <see cref="NotSupportedException"/>);
/// <see cref="ImageGenerationOptions.ImageSize"/> becomes the aspect ratio (the model's closest listed ratio when the
/// catalog lists them, else width:height reduced); <see cref="ImageGenerationOptions.Count"/> starts that many
/// generations, since every model returns one image per generation; a <see cref="GenerateMediaRequest"/> returned by
/// <see cref="ImageGenerationOptions.RawRepresentationFactory"/> is the starting point for the other parameters
/// (seed, quality, negative prompt). <see cref="ImageGenerationOptions.MediaType"/> is not sent: the service picks the
/// file format.</para>
/// <para>The request is checked by the client's validator before anything is sent: a refused request throws
/// <see cref="MediaModels.Validation.MediaRequestValidationException"/> with the rule ids.</para>
/// <para>Results are <see cref="UriContent"/> (the outputs' URLs) unless
/// <see cref="ImageGenerationOptions.ResponseFormat"/> asks for <see cref="ImageGenerationResponseFormat.Data"/>: then
/// each output is downloaded into a <see cref="DataContent"/>. <see cref="ImageGenerationResponse.RawRepresentation"/>
/// holds the <see cref="GenerationResult"/> (or, for several, the array of them).</para>
/// </remarks>
[Experimental(MediaClientImageGeneratorExtensions.ExperimentalDiagnosticId, UrlFormat = MediaClientImageGeneratorExtensions.ExperimentalUrlFormat)]
public sealed class MediaImageGenerator : IImageGenerator
{
    /// <summary>The provider name in <see cref="ImageGeneratorMetadata"/>.</summary>
    public const string ProviderName = "mediamodels";

    private static readonly Lazy<HttpClient> SharedDownloads = new(() => new HttpClient(MediaClient.CreatePrimaryHandler()));

    private readonly IMediaClient _client;
    private readonly string _modelId;
    private readonly HttpClient? _downloads;
    private readonly ImageGeneratorMetadata _metadata;

    /// <summary>Creates the generator.</summary>
    /// <param name="client">The media client requests go through.</param>
    /// <param name="modelId">The model used when <see cref="ImageGenerationOptions.ModelId"/> is not set, e.g. <c>nano-banana</c>.</param>
    /// <param name="downloads">Fetches outputs when <see cref="ImageGenerationResponseFormat.Data"/> is asked for; null for a shared client.</param>
    public MediaImageGenerator(IMediaClient client, string modelId, HttpClient? downloads = null)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            throw new ArgumentException("A model id is required (an image model of the catalog, e.g. nano-banana).", nameof(modelId));
        }

        _client = client ?? throw new ArgumentNullException(nameof(client));
        _modelId = modelId;
        _downloads = downloads;
        _metadata = new ImageGeneratorMetadata(ProviderName, (client as MediaClient)?.Options.Endpoint, modelId);
    }

    /// <inheritdoc />
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        int count = options?.Count ?? 1;
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), count, "ImageGenerationOptions.Count must be 1 or more.");
        }

        GenerateMediaRequest generate = ToRequest(request, options);

        // The client checks the request before sending it. A refused request goes through it once, not Count times,
        // so the refusal is logged and counted once.
        bool refused = count > 1 && _client.Validator.Validate(generate).Any(v => v.Severity == Catalog.Rules.Severity.Error);
        GenerationResult[] results = count == 1 || refused
            ? new[] { await _client.GenerateAsync(generate, null, cancellationToken).ConfigureAwait(false) }
            : await Task.WhenAll(Enumerable.Range(0, count).Select(_ => _client.GenerateAsync(generate, null, cancellationToken))).ConfigureAwait(false);

        bool asData = options?.ResponseFormat == ImageGenerationResponseFormat.Data;
        var contents = new List<AIContent>();
        foreach (GenerationOutput output in results.SelectMany(r => r.Outputs))
        {
            if (output.Url is not string url || !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
            {
                throw new MalformedToolResultException(ServiceContract.Tools.GetGenerationStatus, "an output has no absolute url.", output.ToString());
            }

            contents.Add(asData ? await DownloadAsync(uri, cancellationToken).ConfigureAwait(false) : new UriContent(uri, MediaTypeOf(uri, output.MediaType)));
        }

        return new ImageGenerationResponse(contents) { RawRepresentation = results.Length == 1 ? results[0] : results };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType is null ? throw new ArgumentNullException(nameof(serviceType))
        : serviceKey is not null ? null
        : serviceType == typeof(ImageGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(_client) ? _client
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>Nothing to release: the media client belongs to its owner.</summary>
    public void Dispose()
    {
    }

    /// <summary>The <c>generate_media</c> request for an image generation call (see the class remarks).</summary>
    /// <param name="request">The MEAI request.</param>
    /// <param name="options">The MEAI options, or null.</param>
    internal GenerateMediaRequest ToRequest(ImageGenerationRequest request, ImageGenerationOptions? options)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        GenerateMediaRequest start = options?.RawRepresentationFactory?.Invoke(this) as GenerateMediaRequest ?? new GenerateMediaRequest();
        GenerateMediaRequest generate = start with
        {
            Prompt = request.Prompt ?? start.Prompt,
            Model = options?.ModelId ?? start.Model ?? _modelId,
        };

        List<string> sources = SourceUrls(request.OriginalImages);
        if (sources.Count > 0)
        {
            generate.SourceMediaUrls = sources;
            generate.GenerationType ??= GenerationTypes.ImageToImage;
        }
        else
        {
            generate.GenerationType ??= GenerationTypes.TextToImage;
        }

        if (generate.AspectRatio is null && options?.ImageSize is Size size)
        {
            generate.AspectRatio = AspectRatioFor(size, _client.Validator.Catalog.Find(generate.Model)?.AspectRatios.ToArray() ?? Array.Empty<string>());
        }

        return generate;
    }

    /// <summary>
    /// The aspect ratio for a requested size: the closest of <paramref name="listed"/> (the model's ratios, when the
    /// catalog lists them), else <c>width:height</c> reduced by their greatest common divisor (1024×1024 → <c>1:1</c>,
    /// 1920×1080 → <c>16:9</c>).
    /// </summary>
    /// <param name="size">The requested size.</param>
    /// <param name="listed">The ratios the model takes, or empty when it takes any.</param>
    internal static string AspectRatioFor(Size size, IReadOnlyList<string> listed)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "ImageGenerationOptions.ImageSize needs a positive width and height.");
        }

        double wanted = Math.Log((double)size.Width / size.Height);
        string? closest = null;
        double distance = double.MaxValue;
        foreach (string ratio in listed)
        {
            string[] parts = ratio.Split(':');
            if (parts.Length == 2 && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double w)
                && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double h) && w > 0 && h > 0
                && Math.Abs(Math.Log(w / h) - wanted) is double d && d < distance)
            {
                closest = ratio;
                distance = d;
            }
        }

        if (closest is not null)
        {
            return closest;
        }

        int divisor = Gcd(size.Width, size.Height);
        return FormattableString.Invariant($"{size.Width / divisor}:{size.Height / divisor}");
    }

    private static List<string> SourceUrls(IEnumerable<AIContent>? originals)
    {
        var urls = new List<string>();
        foreach (AIContent content in originals ?? Enumerable.Empty<AIContent>())
        {
            switch (content)
            {
                case UriContent uri:
                    urls.Add(uri.Uri.OriginalString);
                    break;
                case DataContent data:
                    throw new NotSupportedException(
                        $"The media service takes source images as URLs (source_media_urls), and this original image is inline data ({data.MediaType}, {data.Data.Length} bytes). " +
                        "Upload it where the service can fetch it and pass a UriContent with its http(s) URL.");
                default:
                    throw new NotSupportedException($"An original image must be a UriContent with an http(s) URL; got {content.GetType().Name}.");
            }
        }

        return urls;
    }

    private async Task<DataContent> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (uri.IsFile)
        {
            // A sandbox over stdio writes its outputs to local files.
#if NET8_0_OR_GREATER
            byte[] local = await File.ReadAllBytesAsync(uri.LocalPath, cancellationToken).ConfigureAwait(false);
#else
            byte[] local = File.ReadAllBytes(uri.LocalPath);
#endif
            return new DataContent(local, MediaTypeOf(uri, null)) { Name = Path.GetFileName(uri.LocalPath) };
        }

        using HttpResponseMessage response = await (_downloads ?? SharedDownloads.Value).GetAsync(uri, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new MediaServiceException($"Downloading the output {uri.GetLeftPart(UriPartial.Path)} failed with HTTP {(int)response.StatusCode}.", (int)response.StatusCode, null);
        }

        byte[] bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        string mediaType = response.Content.Headers.ContentType?.MediaType is { Length: > 0 } sent && sent.IndexOf('/') > 0 ? sent : MediaTypeOf(uri, null);
        return new DataContent(bytes, mediaType) { Name = Path.GetFileName(uri.AbsolutePath) };
    }

    /// <summary>The media type of an output from its file extension, falling back on its kind (<c>image/*</c>).</summary>
    private static string MediaTypeOf(Uri uri, string? kind) =>
        Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".webp" => "image/webp",
            ".gif" => "image/gif",
            ".mp4" => "video/mp4",
            _ => string.Equals(kind, "video", StringComparison.OrdinalIgnoreCase) ? "video/*" : "image/*",
        };

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
