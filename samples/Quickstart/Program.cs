using System;
using System.Threading.Tasks;
using MediaModels;
using MediaModels.Catalog.Rules;
using MediaModels.Client;
using MediaModels.Sandbox;
using MediaModels.Validation;

// 1. Typed requests: each builder offers only what its model accepts (try WithSound on Sora2: it does not exist).
Show("nano-banana: text-to-image", MediaCatalog.NanoBanana
    .TextToImage("A futuristic city at sunset with flying cars")
    .WithAspectRatio(AspectRatio.Widescreen16x9)
    .Build());

Show("nano-banana-pro: image-to-image with three images", MediaCatalog.NanoBananaPro
    .ImageToImage("Blend the three sketches into one poster", "https://example.com/sketch-1.png", "https://example.com/sketch-2.png", "https://example.com/sketch-3.png")
    .WithAspectRatio(AspectRatio.Portrait4x5)
    .Build());

Show("sora-2: text-to-video", MediaCatalog.Sora2
    .TextToVideo("A paper boat sails down a rainy street")
    .WithDuration(MediaCatalog.Sora2.Durations.Seconds10)
    .Build());

Show("seedance-1-5-pro: image-to-video from a start and an end frame", MediaCatalog.Seedance15Pro
    .ImageToVideo("The flower opens as the sun rises", startFrame: "https://example.com/bud.png", endFrame: "https://example.com/bloom.png")
    .WithDuration(MediaCatalog.Seedance15Pro.Durations.Seconds8)
    .WithSound()
    .Build());

Show("kling-3-0-motion-control-720p: an image driven by a reference video", MediaCatalog.Kling30MotionControl720p
    .Create("The dancer follows the reference moves", image: "https://example.com/dancer.jpg", referenceVideo: "https://example.com/moves.mp4")
    .Build());

Show("kling-3-0-pro: text-to-video with a start frame and an element", MediaCatalog.Kling30Pro
    .TextToVideo("@hero walks through the rain", startFrame: "https://example.com/street.jpg")
    .WithElement("hero", "A woman in a yellow raincoat", "https://example.com/hero-front.jpg", "https://example.com/hero-side.jpg")
    .WithDuration(MediaCatalog.Kling30Pro.Duration.FromSeconds(12))
    .WithSound()
    .Build());

// 2. What only run time knows (a prompt from user input) is checked by the same rules when Build() runs.
string userPrompt = new string('~', 900);
try
{
    MediaCatalog.Wan25.TextToVideo(userPrompt).Build();
}
catch (MediaRequestValidationException exception)
{
    Console.WriteLine("== wan-2-5 with a 900-character prompt from user input");
    Console.WriteLine(exception.Message);
    Console.WriteLine();
}

// 3. A request that arrives as JSON (configuration, another service) checked by the runtime validator.
//    Written as C# constants, the analyzers would have flagged the same two problems in the editor.
var loose = GenerateMediaRequest.FromJson("""{"model": "sora-2", "generation_type": "text-to-video", "prompt": "A lighthouse at night", "sound": true, "duration": "8s"}""");
Console.WriteLine("== a loose sora-2 request checked at run time");
foreach (Violation violation in RequestValidator.Default.Validate(loose))
{
    Console.WriteLine(violation);
}

Console.WriteLine();

// 4. Send one typed request to the sandbox, a local server that behaves like the service (no account needed).
await SendToSandboxAsync();

static void Show(string title, GenerateMediaRequest request)
{
    Console.WriteLine($"== {title}");
    Console.WriteLine(request.ToJson(indented: true));
    Console.WriteLine();
}

static async Task SendToSandboxAsync()
{
    await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(1) });
    await using MediaClient client = await MediaClient.ConnectAsync(new MediaClientOptions { Endpoint = sandbox.Endpoint });

    GenerateMediaRequest request = MediaCatalog.Kling26ImageToVideo
        .Create("Gentle motion and subtle movement", image: "https://example.com/your-image.jpg")
        .WithAspectRatio(AspectRatio.Widescreen16x9)
        .WithDuration(MediaCatalog.Kling26ImageToVideo.Durations.Seconds5)
        .WithSound()
        .Build();

    Console.WriteLine($"== sending kling-2-6-image-to-video to the sandbox at {sandbox.Endpoint}");
    GenerationResult result = await client.GenerateAsync(request, new Progress<GenerationProgress>(p => Console.WriteLine($"   {p}")));
    foreach (GenerationOutput output in result.Outputs)
    {
        Console.WriteLine($"   {output.MediaType} {output.Dimensions} {output.Url}");
    }
}
