using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MediaModels.Client.Tests;

/// <summary><c>AddMediaModelsClient</c>: options from configuration, start-time validation, IHttpClientFactory.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Options_bind_from_the_MediaModels_section_and_both_services_are_one_client()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(token: "s3cret");
        IConfiguration configuration = Configuration(new()
        {
            ["MediaModels:Endpoint"] = sandbox.Endpoint.ToString(),
            ["MediaModels:BearerToken"] = "s3cret",
            ["MediaModels:MinPollInterval"] = "00:00:00.020",
            ["MediaModels:MaxPollInterval"] = "00:00:00.200",
            ["MediaModels:GenerationTimeout"] = "00:01:30",
            ["MediaModels:MaxRetryAttempts"] = "9",
            ["MediaModels:RetryDelay"] = "00:00:00.010",
            ["MediaModels:Headers:X-Api-Key"] = "key-1",
        });
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddMediaModelsClient();
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        MediaClientOptions options = provider.GetRequiredService<IOptions<MediaClientOptions>>().Value;
        Assert.Equal(sandbox.Endpoint, options.Endpoint);
        Assert.Equal("s3cret", options.BearerToken);
        Assert.Equal(TimeSpan.FromMilliseconds(20), options.MinPollInterval);
        Assert.Equal(TimeSpan.FromSeconds(90), options.GenerationTimeout);
        Assert.Equal(9, options.MaxRetryAttempts);
        Assert.Equal("key-1", options.Headers["X-Api-Key"]);
        IMediaClient client = provider.GetRequiredService<IMediaClient>();
        Assert.Same(provider.GetRequiredService<MediaClient>(), client);

        GenerationResult result = await client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout());
        Assert.Equal(GenerationStatus.Completed, result.Status.Status);
    }

    [Fact]
    public async Task The_configure_callback_runs_after_the_section_and_another_section_can_be_named()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(new() { ["Services:Media:Endpoint"] = "https://ignored.example/mcp", ["Services:Media:MaxRetryAttempts"] = "2" }));
        services.AddMediaModelsClient("Services:Media", o => o.Endpoint = sandbox.Endpoint);
        await using ServiceProvider provider = services.BuildServiceProvider();

        MediaClientOptions options = provider.GetRequiredService<IOptions<MediaClientOptions>>().Value;
        Assert.Equal((sandbox.Endpoint, 2), (options.Endpoint, options.MaxRetryAttempts));
        Assert.NotEmpty((await provider.GetRequiredService<IMediaClient>().GetModelsAsync(TestKit.Timeout())).Models);
    }

    [Fact]
    public void Without_configuration_the_callback_alone_configures_the_client()
    {
        var services = new ServiceCollection();
        services.AddMediaModelsClient(o => o.Endpoint = new Uri("https://example.com/mcp"));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(new Uri("https://example.com/mcp"), provider.GetRequiredService<IOptions<MediaClientOptions>>().Value.Endpoint);
        Assert.NotNull(provider.GetRequiredService<IMediaClient>()); // connects on first use only
    }

    [Fact]
    public async Task A_missing_endpoint_stops_the_host_at_start_with_a_message_naming_the_key()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MediaModels:MaxRetryAttempts"] = "3" });
        builder.Services.AddMediaModelsClient();
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestKit.Timeout()));

        Assert.Contains("MediaModels:Endpoint is not set: set it to the service's Streamable HTTP URL (e.g. https://example.com/mcp)", error.Message);
    }

    [Theory]
    [InlineData("ftp://example.com/mcp")]
    [InlineData("example.com/mcp")]
    public async Task An_endpoint_that_is_not_an_absolute_http_url_stops_the_host_at_start(string endpoint)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MediaModels:Endpoint"] = endpoint, ["MediaModels:MinPollInterval"] = "-00:00:01" });
        builder.Services.AddMediaModelsClient();
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestKit.Timeout()));

        Assert.Contains($"MediaModels:Endpoint must be an absolute http(s) URL such as https://example.com/mcp; got '{endpoint}'.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("MediaModels:MinPollInterval must be longer than zero", StringComparison.Ordinal));
    }

    [Fact]
    public void The_constructor_applies_the_same_checks_naming_the_properties()
    {
        var error = Assert.Throws<ArgumentException>(() => new MediaClient(new MediaClientOptions { BearerToken = "a", BearerTokenProvider = _ => default }));

        Assert.Contains("MediaClientOptions.Endpoint is not set", error.Message);
        Assert.Contains("Set MediaClientOptions.BearerToken or MediaClientOptions.BearerTokenProvider, not both.", error.Message);
    }

    [Fact]
    public async Task A_handler_added_by_the_app_sees_every_request_after_the_token_and_before_the_status_rules()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.05, failRate: 0.3, token: "s3cret", seed: 5);
        var seen = new ConcurrentQueue<(string Method, string? Tool, string? Authorization, int Status)>();
        var services = new ServiceCollection();
        services.AddMediaModelsClient(o =>
            {
                o.Endpoint = sandbox.Endpoint;
                o.Fast();
                o.MaxRetryAttempts = 12;
                o.BearerTokenProvider = _ => new ValueTask<string?>("s3cret");
            })
            .AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using ServiceProvider provider = services.BuildServiceProvider();
        IMediaClient client = provider.GetRequiredService<IMediaClient>();

        GenerationResult[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout())));

        Assert.Equal(8, results.Select(r => r.GenerationId).Distinct().Count());
        Assert.Equal(8, sandbox.Counters.GenerationsAccepted);
        Assert.Equal(sandbox.Counters.GenerateMediaCalls, sandbox.Counters.GenerationsAccepted); // the retry rules still read the statuses
        Assert.True(sandbox.Counters.FaultsInjected > 0, sandbox.Counters.ToString());
        Assert.All(seen, s => Assert.Equal("Bearer s3cret", s.Authorization));
        Assert.Contains(seen, s => s.Method is "initialize" or "server/discover"); // the session handshake (protocol-version dependent)
        // Every tool call that reached the tools, and every one refused with an injected fault, went through the app's handler.
        Assert.Equal(sandbox.Counters.GenerateMediaCalls, seen.Count(s => s.Tool == "generate_media" && s.Status == 200));
        Assert.Equal(sandbox.Counters.StatusCalls, seen.Count(s => s.Tool == "get_generation_status" && s.Status == 200));
        Assert.Equal(sandbox.Counters.FaultsInjected, seen.Count(s => s.Status is >= 500 or 429 or 0));
    }

    [Fact]
    public async Task The_status_handler_stays_first_so_refused_credentials_are_unauthorized_through_the_factory()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(token: "s3cret");
        var services = new ServiceCollection();
        services.AddMediaModelsClient(o => { o.Endpoint = sandbox.Endpoint; o.BearerToken = "wrong"; o.Fast(); });
        await using ServiceProvider provider = services.BuildServiceProvider();

        var denied = await Assert.ThrowsAsync<MediaUnauthorizedException>(() => provider.GetRequiredService<IMediaClient>().GetModelsAsync(TestKit.Timeout()));

        Assert.Equal(401, denied.HttpStatus);
        Assert.Equal(sandbox.Endpoint.ToString(), denied.Endpoint);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>An app's own handler: records the JSON-RPC method, the tool, the Authorization header and the answer's status (0: dropped).</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly ConcurrentQueue<(string, string?, string?, int)> _seen;

        public RecordingHandler(ConcurrentQueue<(string, string?, string?, int)> seen) => _seen = seen;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string method = request.Method.Method;
            string? tool = null;
            if (request.Content is not null)
            {
                using JsonDocument body = JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
                method = body.RootElement.TryGetProperty("method", out JsonElement m) ? m.GetString()! : "(response)";
                tool = method == "tools/call" ? body.RootElement.GetProperty("params").GetProperty("name").GetString() : null;
            }

            try
            {
                HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
                _seen.Enqueue((method, tool, request.Headers.Authorization?.ToString(), (int)response.StatusCode));
                return response;
            }
            catch (HttpRequestException)
            {
                _seen.Enqueue((method, tool, request.Headers.Authorization?.ToString(), 0)); // the connection dropped
                throw;
            }
        }
    }
}
