using System;
using System.Threading.Tasks;
using MediaModels.Client;
using MediaModels.Sandbox;

namespace MediaModels.Client.Tests;

public sealed class HttpSmokeTests
{
    [Fact]
    public async Task Text_to_image_completes_over_http()
    {
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1) });
        await using MediaClient client = await MediaClient.ConnectAsync(new MediaClientOptions { Endpoint = sandbox.Endpoint, MinPollInterval = TimeSpan.FromMilliseconds(20) });
        GenerationResult result = await client.GenerateAsync(new GenerateMediaRequest { Model = "nano-banana", Prompt = "A red car", AspectRatio = "16:9" });
        Assert.Equal(GenerationStatus.Completed, result.Status.Status);
        Assert.Single(result.Outputs);
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);
    }
}
