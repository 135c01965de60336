using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;
using MediaModels.Sandbox;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MediaModels.Client.Tests;

/// <summary>The sandbox seen by a plain MCP client, and the client facing a misbehaving server.</summary>
public sealed class ProtocolTests
{
    private static async Task<McpClient> RawClientAsync(SandboxServer sandbox) =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = sandbox.Endpoint, TransportMode = HttpTransportMode.StreamableHttp }), cancellationToken: TestKit.Timeout());

    [Fact]
    public async Task The_four_tools_carry_the_spec_parameters_in_their_input_schemas()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using McpClient raw = await RawClientAsync(sandbox);

        IList<McpClientTool> tools = await raw.ListToolsAsync(cancellationToken: TestKit.Timeout());

        Assert.Equal(new[] { "generate_media", "get_generation_estimate", "get_generation_status", "get_models" }, tools.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        JsonElement generate = tools.Single(t => t.Name == "generate_media").JsonSchema;
        Assert.Equal(new[] { "prompt", "model" }, generate.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        JsonElement properties = generate.GetProperty("properties");
        Assert.Equal(
            new[] { "prompt", "model", "generation_type", "negative_prompt", "source_media_urls", "aspect_ratio", "duration", "quality", "sound", "seed", "kling_elements" },
            properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("boolean", properties.GetProperty("sound").GetProperty("type").GetString());
        Assert.Equal("number", properties.GetProperty("seed").GetProperty("type").GetString());
        Assert.All(properties.EnumerateObject(), p => Assert.False(string.IsNullOrEmpty(p.Value.GetProperty("description").GetString())));
        Assert.Equal("generation_id", tools.Single(t => t.Name == "get_generation_status").JsonSchema.GetProperty("required")[0].GetString());
        Assert.Equal("model", tools.Single(t => t.Name == "get_generation_estimate").JsonSchema.GetProperty("required")[0].GetString());
    }

    [Fact]
    public async Task The_server_checks_generate_media_with_the_rule_engine_and_names_each_MM_id()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using McpClient raw = await RawClientAsync(sandbox);

        CallToolResult result = await raw.CallToolAsync(
            "generate_media",
            new Dictionary<string, object?> { ["model"] = "sora-2", ["prompt"] = "A boat", ["duration"] = "8s", ["sound"] = true },
            cancellationToken: TestKit.Timeout());

        Assert.True(result.IsError);
        string text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("MM0002", text);
        Assert.Contains("MM0201", text);
        Assert.Contains("MM0101", text);
        JsonElement diagnostics = result.StructuredContent!.Value.GetProperty("diagnostics");
        Assert.Contains(diagnostics.EnumerateArray(), d => d.GetProperty("id").GetString() == "MM0201" && d.GetProperty("path").GetString() == "$.duration");
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);
        Assert.Equal(0, sandbox.Counters.GenerationsAccepted);

        CallToolResult accepted = await raw.CallToolAsync(
            "generate_media",
            new Dictionary<string, object?> { ["model"] = "sora-2", ["prompt"] = "A boat", ["generation_type"] = "text-to-video", ["sound"] = true },
            cancellationToken: TestKit.Timeout());
        Assert.NotEqual(true, accepted.IsError);
        JsonElement warning = Assert.Single(accepted.StructuredContent!.Value.GetProperty("warnings").EnumerateArray());
        Assert.Equal("MM0101", warning.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Server_warnings_reach_the_caller()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        StartedGeneration started = await client.StartAsync(new GenerateMediaRequest { Model = "sora-2", Prompt = "A boat", GenerationType = "text-to-video", Sound = true }, TestKit.Timeout());
        Violation warning = Assert.Single(started.Warnings);
        Assert.Equal("MM0101", warning.Id);
    }

    [Fact]
    public async Task A_result_that_is_neither_structured_nor_json_text_gives_an_error_quoting_it()
    {
        await using var server = new FakeServer(_ => new CallToolResult { Content = new List<ContentBlock> { new TextContentBlock { Text = "all good, trust me" } } });
        await using MediaClient client = await MediaClient.ConnectAsync(server.ClientOptions(), TestKit.Timeout());

        var error = await Assert.ThrowsAsync<MalformedToolResultException>(() => client.GetStatusAsync("gen_1", TestKit.Timeout()));

        Assert.Equal("get_generation_status", error.Tool);
        Assert.Contains("all good, trust me", error.Message);
    }

    [Fact]
    public async Task Json_in_text_content_is_read_when_there_is_no_structured_content()
    {
        await using var server = new FakeServer(_ => new CallToolResult
        {
            Content = new List<ContentBlock> { new TextContentBlock { Text = """{"generation_id":"gen_1","status":"completed","progress":"100","outputs":[{"url":"https://cdn.example/x.png","media_type":"image","dimensions":"1024x768","extra":1}],"new_field":true}""" } },
        });
        await using MediaClient client = await MediaClient.ConnectAsync(server.ClientOptions(), TestKit.Timeout());

        GenerationStatusResponse status = await client.GetStatusAsync("gen_1", TestKit.Timeout());

        Assert.Equal(GenerationStatus.Completed, status.Status);
        Assert.Equal(100, status.Progress);
        Assert.Equal(1024, status.Outputs![0].Dimensions!.Width);
        Assert.True(status.Outputs[0].ExtensionData!.ContainsKey("extra"));
        Assert.True(status.ExtensionData!.ContainsKey("new_field"));
    }

    [Fact]
    public async Task A_status_without_status_is_malformed_and_quoted()
    {
        await using var server = new FakeServer(_ => new CallToolResult { StructuredContent = JsonDocument.Parse("""{"state":"done"}""").RootElement.Clone() });
        await using MediaClient client = await MediaClient.ConnectAsync(server.ClientOptions(), TestKit.Timeout());
        var error = await Assert.ThrowsAsync<MalformedToolResultException>(() => client.GetStatusAsync("gen_1", TestKit.Timeout()));
        Assert.Contains("\"state\":\"done\"", error.Message);
    }

    [Fact]
    public async Task Generate_media_is_not_resent_after_a_failure_that_may_have_reached_the_server()
    {
        await using var server = new FakeServer(tool => throw new McpProtocolException("boom after accepting", McpErrorCode.InternalError));
        await using MediaClient client = await MediaClient.ConnectAsync(server.ClientOptions(), TestKit.Timeout());

        await Assert.ThrowsAsync<GenerationOutcomeUnknownException>(() => client.StartAsync(TestKit.TextToImage(), TestKit.Timeout()));

        Assert.Equal(1, server.GenerateCalls);
    }

    [Fact]
    public async Task Generate_media_is_resent_after_a_refusal_that_proves_it_was_not_accepted()
    {
        int calls = 0;
        await using var server = new FakeServer(tool =>
        {
            if (tool == "generate_media" && ++calls < 3)
            {
                throw new McpProtocolException("busy, not accepted", (McpErrorCode)ServiceContract.NotAcceptedErrorCode);
            }

            return new CallToolResult { StructuredContent = JsonDocument.Parse("""{"generation_id":"gen_9","status":"pending"}""").RootElement.Clone() };
        });
        await using MediaClient client = await MediaClient.ConnectAsync(server.ClientOptions(), TestKit.Timeout());

        StartedGeneration started = await client.StartAsync(TestKit.TextToImage(), TestKit.Timeout());

        Assert.Equal("gen_9", started.GenerationId);
        Assert.Equal(3, server.GenerateCalls);
    }

    [Fact]
    public async Task Drift_is_found_against_a_sandbox_serving_an_overlay_and_the_written_overlay_closes_it()
    {
        string folder = Directory.CreateTempSubdirectory("mediamodels-drift-").FullName;
        try
        {
            string overlay = Path.Combine(folder, "drifted.yaml");
            File.WriteAllText(overlay, DriftOverlay);
            await using SandboxServer sandbox = await TestKit.StartHttpAsync(catalog: new[] { overlay });
            await using MediaClient client = await TestKit.ConnectAsync(sandbox);
            ModelList live = await client.GetModelsAsync(TestKit.Timeout());

            IReadOnlyList<DriftEntry> drift = CatalogDrift.Compare(ShippedCatalog.Instance, live);

            Assert.Contains(drift, d => d.ModelId == "wan-3-0" && d.Kind == DriftKind.OnlyOnService);
            Assert.Contains(drift, d => d.ModelId == "kling-2-6-text-to-video" && d.Kind == DriftKind.GenerationTypes);
            Assert.Contains(drift, d => d.ModelId == "kling-2-6-image-to-video" && d.Kind == DriftKind.InputCounts && d.Live == "image-to-video: images 1-2");
            Assert.Contains(drift, d => d.ModelId == "kling-2-6-text-to-video" && d.Kind == DriftKind.InputKinds && d.Live == "image");
            Assert.Equal(4, drift.Count);

            string written = Path.Combine(folder, "adopt.yaml");
            File.WriteAllText(written, CatalogDrift.WriteOverlay(ShippedCatalog.Instance, live, drift, sandbox.Endpoint.ToString()));
            var adopted = ShippedCatalog.ReadWith(new[] { written });
            Assert.False(adopted.HasErrors, string.Join("\n", adopted.Diagnostics));
            Assert.Empty(CatalogDrift.Compare(adopted.Catalog, live));
            Assert.Contains("REVIEW", File.ReadAllText(written));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal const string DriftOverlay = """
        models:
          - id: wan-3-0
            media: video
            generation_types:
              text-to-video:
              image-to-video:
                images: { count: 1 }
        overrides:
          - id: kling-2-6-text-to-video
            generation_types:
              image-to-video:
                images: { count: 1 }
          - id: kling-2-6-image-to-video
            generation_types:
              image-to-video:
                images: { min: 1, max: 2 }
        """;
}
