using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Agreement.Tests.Corpus;
using MediaModels.Catalog;
using MediaModels.Catalog.Wire;
using MediaModels.Sandbox;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>
/// (c) The sandbox: started in process over Streamable HTTP with the shipped catalog, each request sent as the
/// arguments of a <c>generate_media</c> call through the MCP C# SDK's client (not the MediaModels client, which would
/// refuse invalid requests before sending them). The rule IDs come from the structured content, a refusal's and an
/// acceptance's warnings alike.
/// </summary>
internal static class SandboxSurface
{
    public const string Name = "sandbox (generate_media over MCP)";

    private const string MalformedReason = "not one JSON object: it cannot be the arguments of an MCP tool call";

    /// <summary>
    /// The SDK's client refuses to write one (System.Text.Json), and the SDK's server, sent one by hand, fails with the
    /// JSON-RPC error -32603 "An error occurred." while converting the call's parameters, before any tool runs
    /// (ModelContextProtocol 2.4.0); the runtime and <c>validate</c> refuse it as MM0007.
    /// </summary>
    private const string UnpairedSurrogateReason = "a string with an unpaired surrogate escape: the MCP SDK carries none (its client refuses to write it, its server fails before the tool)";

    /// <summary>The sandbox's error code for a model outside its catalog, which the rules accept with MM0008.</summary>
    private const string NotSimulatedError = "model_not_simulated";

    /// <summary>Calls in flight at once: the machine is small, the server handles each in well under a millisecond.</summary>
    private const int Concurrency = 4;

    public static async Task<SurfaceReport> JudgeAsync(IReadOnlyList<CorpusRequest> corpus, CancellationToken cancellationToken)
    {
        var report = new SurfaceReport(Name);
        Stopwatch clock = Stopwatch.StartNew();
        await using SandboxServer sandbox = await SandboxServer.StartAsync(
            new SandboxOptions { JobDuration = TimeSpan.FromMinutes(10), RandomSeed = 11 }, cancellationToken);
        await using McpClient client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = sandbox.Endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
            cancellationToken: cancellationToken);

        var sent = new List<CorpusRequest>();
        foreach (CorpusRequest request in corpus)
        {
            if (request.Has(RequestShape.MalformedJson))
            {
                report.Skip(request.Index, MalformedReason);
            }
            else if (request.Has(RequestShape.UnpairedSurrogate))
            {
                report.Skip(request.Index, UnpairedSurrogateReason);
            }
            else
            {
                sent.Add(request);
            }
        }

        var verdicts = new Verdict[sent.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sent.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, token) => verdicts[i] = await CallAsync(client, sent[i], token));
        for (int i = 0; i < sent.Count; i++)
        {
            report.Verdicts[sent[i].Index] = verdicts[i];
        }

        if (sandbox.Counters.GenerateMediaCalls != sent.Count)
        {
            report.Problems.Add($"the sandbox counted {sandbox.Counters.GenerateMediaCalls} generate_media calls for {sent.Count} sent");
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static bool IsNotSimulated(JsonElement content) =>
        content.ValueKind == JsonValueKind.Object
        && content.TryGetProperty("error", out JsonElement error)
        && error.ValueKind == JsonValueKind.String
        && error.GetString() == NotSimulatedError;

    private static async Task<Verdict> CallAsync(McpClient client, CorpusRequest request, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        using (JsonDocument document = JsonDocument.Parse(request.Json))
        {
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        CallToolResult result = await client.CallToolAsync(ServiceContract.Tools.GenerateMedia, arguments, cancellationToken: cancellationToken);
        if (result.StructuredContent is not JsonElement content)
        {
            return Verdict.Of(Array.Empty<string>(), null, "no structured content: " + string.Join(" ", result.Content.OfType<TextContentBlock>().Select(t => t.Text)));
        }

        if (result.IsError == true && IsNotSimulated(content))
        {
            // The rules accept a model the catalog does not know (MM0008 is a warning), but the sandbox has no facts to
            // simulate it with: it says the request breaks no rule. That is agreement only for an id outside its catalog.
            bool known = arguments.TryGetValue(WireNames.Model, out object? id) && id is JsonElement { ValueKind: JsonValueKind.String } model
                && ShippedCatalog.Instance.Find(model.GetString()!) is not null;
            return Verdict.Of(RuleIds.In(content), accepted: !known, content.GetRawText());
        }

        bool accepted = result.IsError != true && GenerateMediaResponse.FromJson(content.GetRawText()).GenerationId is { Length: > 0 };
        return Verdict.Of(RuleIds.In(content), accepted, content.GetRawText());
    }
}
