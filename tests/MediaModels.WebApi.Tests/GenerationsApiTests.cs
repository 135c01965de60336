using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Client;
using MediaModels.Sandbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaModels.WebApi.Tests;

/// <summary>POST /generations and GET /generations/{id} of samples/WebApi, through WebApplicationFactory.</summary>
public sealed class GenerationsApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_valid_request_is_accepted_with_its_generation_id_and_where_to_poll_it()
    {
        await using WebApplicationFactory<Program> app = App();
        using HttpClient http = app.CreateClient();

        using HttpResponseMessage response = await PostAsync(http, """{"model":"nano-banana","prompt":"A red car on a mountain road","aspect_ratio":"16:9"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        JsonElement body = await response.Content.ReadFromJsonAsync<JsonElement>();
        string id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("gen_", id, StringComparison.Ordinal);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("nano-banana", body.GetProperty("model").GetString());
        Assert.Equal(0.2, body.GetProperty("estimated_time_seconds").GetDouble());
        Assert.Equal($"/generations/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await SandboxStatAsync(app, "generations_accepted"));
    }

    [Fact]
    public async Task A_request_that_breaks_rules_is_a_400_problem_listing_the_rule_ids_and_nothing_is_sent()
    {
        await using WebApplicationFactory<Program> app = App();
        using HttpClient http = app.CreateClient();

        using HttpResponseMessage response = await PostAsync(http, """{"model":"sora-2","prompt":"A boat","generation_type":"text-to-video","duration":"8s","aspect_ratio":"wide","sound":true}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("The request breaks 2 rule(s): MM0201, MM0203.", problem.GetProperty("title").GetString());
        JsonElement[] violations = problem.GetProperty("violations").EnumerateArray().ToArray();
        Assert.Contains(violations, v => v.GetProperty("id").GetString() == "MM0201" && v.GetProperty("path").GetString() == "$.duration" && v.GetProperty("suggestion").GetString() == "10s");
        Assert.Contains(violations, v => v.GetProperty("id").GetString() == "MM0203" && v.GetProperty("severity").GetString() == "error");
        Assert.Contains(violations, v => v.GetProperty("id").GetString() == "MM0101" && v.GetProperty("severity").GetString() == "warning");
        Assert.Equal(0, await SandboxStatAsync(app, "generate_media_calls"));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_with_the_reader_rule()
    {
        await using WebApplicationFactory<Program> app = App();
        using HttpClient http = app.CreateClient();

        using HttpResponseMessage response = await PostAsync(http, """{"model":"sora-2",""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("MM0007", problem.GetProperty("violations")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_generation_started_by_one_app_instance_is_resumed_by_id_in_another()
    {
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.3) });
        string id;
        await using (WebApplicationFactory<Program> first = App(sandbox.Endpoint))
        {
            using HttpClient http = first.CreateClient();
            using HttpResponseMessage accepted = await PostAsync(http, """{"model":"kling-2-6-image-to-video","prompt":"Gentle motion","generation_type":"image-to-video","source_media_urls":["https://example.com/your-image.jpg"],"duration":"5s"}""");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        await using WebApplicationFactory<Program> second = App(sandbox.Endpoint);
        using HttpClient again = second.CreateClient();
        JsonElement status;
        using var patience = new CancellationTokenSource(Patience);
        do
        {
            await Task.Delay(100, patience.Token);
            using HttpResponseMessage polled = await again.GetAsync($"/generations/{id}", patience.Token);
            Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
            status = await polled.Content.ReadFromJsonAsync<JsonElement>(patience.Token);
        }
        while (status.GetProperty("status").GetString() != "completed");

        Assert.Equal(id, status.GetProperty("id").GetString());
        Assert.Equal("kling-2-6-image-to-video", status.GetProperty("model").GetString());
        string output = Assert.Single(status.GetProperty("outputs").EnumerateArray()).GetString()!;
        Assert.EndsWith(".mp4", output, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        await using WebApplicationFactory<Program> app = App();
        using HttpClient http = app.CreateClient();

        using HttpResponseMessage response = await http.GetAsync("/generations/gen_nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("gen_nope", problem.GetProperty("detail").GetString());
    }

    /// <summary>The sample with its own in-process sandbox (its default), or pointed at <paramref name="endpoint"/>.</summary>
    private static WebApplicationFactory<Program> App(Uri? endpoint = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Sandbox:JobSeconds", "0.2");
            web.UseSetting("MediaModels:MinPollInterval", "00:00:00.020");
            if (endpoint is not null)
            {
                web.UseSetting("MediaModels:Endpoint", endpoint.ToString());
            }
        });

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string json) =>
        http.PostAsync("/generations", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>A counter of the sandbox the app talks to, from its <c>/stats</c>.</summary>
    private static async Task<long> SandboxStatAsync(WebApplicationFactory<Program> app, string name)
    {
        Uri endpoint = app.Services.GetRequiredService<IOptions<MediaClientOptions>>().Value.Endpoint!;
        using var http = new HttpClient();
        JsonElement stats = await http.GetFromJsonAsync<JsonElement>(new Uri(endpoint, "/stats"));
        return stats.GetProperty(name).GetInt64();
    }
}
