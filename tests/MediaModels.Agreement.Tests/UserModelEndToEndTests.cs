using System;
using System.Buffers.Binary;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Agreement.Tests.Infrastructure;
using MediaModels.Client;
using MediaModels.Sandbox;
using MediaModels.Validation;

// Two calls below break a rule on purpose, to see the run time refuse them; with constant values the analyzers (which
// this project also runs) report the same rules at compile time, which is right but not the point here.
#pragma warning disable MM0201, MM0204

namespace MediaModels.Agreement.Tests;

/// <summary>
/// Issue 11, point 5: a model the user adds in their own catalog file (this project's <c>user-models.yaml</c>, compiled
/// by the generator beside the shipped catalog) goes end to end — typed builder, <c>Build()</c>, a client created
/// without a validator, a sandbox started with the same catalog files — and the compiled catalog being the default
/// is what lets it through.
/// </summary>
public sealed class UserModelEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static MediaClientOptions Options(SandboxServer sandbox, RequestValidator? validator = null) => new()
    {
        Endpoint = sandbox.Endpoint,
        Validator = validator,
        MinPollInterval = TimeSpan.FromMilliseconds(20),
        MaxPollInterval = TimeSpan.FromMilliseconds(200),
        GenerationTimeout = Patience,
    };

    /// <summary>The sandbox reads the very files this project's build compiled: the shipped catalog, then the overlay.</summary>
    private static Task<SandboxServer> StartSandboxAsync(CancellationToken cancellationToken) => SandboxServer.StartAsync(
        new SandboxOptions
        {
            JobDuration = TimeSpan.FromMilliseconds(200),
            IncludeShippedCatalog = false,
            CatalogPaths = TestPaths.ShippedCatalogFiles.Append(TestPaths.UserOverlay).ToArray(),
        },
        cancellationToken);

    [Fact]
    public async Task A_users_own_models_go_from_the_typed_builder_through_the_default_client_to_a_sandbox_with_the_same_catalog()
    {
        using var timeout = new CancellationTokenSource(Patience);
        GenerateMediaRequest painting = MediaCatalog.AcmePainter.TextToImage("A lighthouse in a storm, oil on canvas")
            .WithAspectRatio(AspectRatio.Parse("16:9"))
            .WithNegativePrompt("text, watermark")
            .Build();
        GenerateMediaRequest clip = MediaCatalog.AcmeMotion.ImageToVideo("The waves roll in slowly", "https://media.example.com/lighthouse.png")
            .WithDuration(MediaCatalog.AcmeMotion.Durations.Seconds8)
            .WithSound()
            .Build();

        // wan-2-5 as the overlay overrides it: a prompt of 900 characters, over the shipped limit (800), within the user's (1000).
        GenerateMediaRequest longPrompt = MediaCatalog.Wan25.TextToVideo(new string('x', 900)).Build();
        Assert.Equal(1000, MediaCatalog.Wan25.MaxPromptLength);

        // No validator given anywhere: the default is the catalog this assembly compiled.
        Assert.Same(MediaCatalog.Validator, RequestValidator.Default);
        Assert.NotNull(RequestValidator.Default.Catalog.Find(MediaCatalog.AcmePainter.Id));

        await using SandboxServer sandbox = await StartSandboxAsync(timeout.Token);
        await using MediaClient client = await MediaClient.ConnectAsync(Options(sandbox), timeout.Token);
        Assert.Same(RequestValidator.Default, client.Validator);

        GenerationResult painted = await client.GenerateAsync(painting, cancellationToken: timeout.Token);
        GenerationOutput image = Assert.Single(painted.Outputs);
        Assert.Equal(GenerationStatus.Completed, painted.Status.Status);
        Assert.Equal("image", image.MediaType);
        Assert.Empty(painted.Warnings);
        (int width, int height) = await PngSizeAsync(image.Url!, timeout.Token);
        Assert.Equal((image.Dimensions!.Width, image.Dimensions.Height), (width, height));
        Assert.Equal(16.0 / 9.0, (double)width / height, 1);

        GenerationResult moved = await client.GenerateAsync(clip, cancellationToken: timeout.Token);
        Assert.Equal("video", Assert.Single(moved.Outputs).MediaType);
        GenerationResult overridden = await client.GenerateAsync(longPrompt, cancellationToken: timeout.Token);
        Assert.Equal("video", Assert.Single(overridden.Outputs).MediaType);
        Assert.Equal(3, sandbox.Counters.GenerationsAccepted);

        // The same requests to a client over the shipped catalog: the user's models are unknown to it, so they are sent
        // with MM0008 (a warning: only the service-wide rules were checked), and the prompt within the user's limit but
        // over the shipped one is refused before anything is sent. The compiled catalog being the default is what
        // checked them fully.
        await using MediaClient shipped = await MediaClient.ConnectAsync(Options(sandbox, RequestValidator.ShippedDefault), timeout.Token);
        GenerationResult unknownModel = await shipped.GenerateAsync(painting, cancellationToken: timeout.Token);
        Assert.Equal("MM0008", Assert.Single(unknownModel.Warnings).Id);
        GenerationResult unknownVideoModel = await shipped.GenerateAsync(clip, cancellationToken: timeout.Token);
        Assert.Equal("MM0008", Assert.Single(unknownVideoModel.Warnings).Id);
        Assert.Equal(5, sandbox.Counters.GenerationsAccepted);
        long sent = sandbox.Counters.GenerateMediaCalls;
        MediaRequestValidationException tooLong = await Assert.ThrowsAsync<MediaRequestValidationException>(() => shipped.GenerateAsync(longPrompt, cancellationToken: timeout.Token));
        Assert.Equal("MM0004", Assert.Single(tooLong.Errors).Id);
        Assert.Equal(sent, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public void The_users_models_get_the_builders_their_catalog_entries_describe()
    {
        // acme-painter: two generation types, negative_prompt honoured, a closed list of aspect ratios.
        GenerateMediaRequest edit = MediaCatalog.AcmePainter.ImageToImage("Make it night", "https://media.example.com/a.png", "https://media.example.com/b.jpg").Build();
        Assert.Equal(
            """{"prompt":"Make it night","model":"acme-painter","generation_type":"image-to-image","source_media_urls":["https://media.example.com/a.png","https://media.example.com/b.jpg"]}""",
            edit.ToJson());
        Assert.Equal(1200, MediaCatalog.AcmePainter.MaxPromptLength);
        MediaRequestValidationException notListed = Assert.Throws<MediaRequestValidationException>(() =>
            MediaCatalog.AcmePainter.TextToImage("x").WithAspectRatio(AspectRatio.Parse("4:5")).Build());
        Assert.Equal("MM0204", Assert.Single(notListed.Errors).Id);

        // acme-motion: its own durations, as values of its own type.
        Assert.Equal(new[] { 4, 8, 12 }, MediaCatalog.AcmeMotion.Durations.All.Select(d => d.Seconds));
        MediaRuleArgumentException notAllowed = Assert.Throws<MediaRuleArgumentException>(() => MediaCatalog.AcmeMotion.Duration.FromSeconds(5));
        Assert.StartsWith("MM0201", notAllowed.Message, StringComparison.Ordinal);
    }

    /// <summary>Downloads a PNG output and reads its size from the IHDR chunk.</summary>
    private static async Task<(int Width, int Height)> PngSizeAsync(string url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        byte[] png = await http.GetByteArrayAsync(url, cancellationToken);
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
