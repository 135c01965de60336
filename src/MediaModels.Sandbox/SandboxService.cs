using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MediaModels.Sandbox;

/// <summary>
/// The sandbox's state and its four tools, independent of the transport: the catalog and its rule engine, the job
/// simulator, the counters, the faults. Over HTTP outputs are served from memory; otherwise they are written to a
/// folder and given as <c>file://</c> URLs.
/// </summary>
internal sealed class SandboxService
{
    private readonly SandboxOptions _options;
    private readonly FaultInjector _faults;
    private readonly bool _rpcFaults;
    private readonly JsonElement _modelsPayload;
    private string _outputBase;
    private readonly string? _outputFolder;

    public SandboxService(SandboxOptions options, bool rpcFaults)
    {
        _options = options;
        CatalogReadResult read = ShippedCatalog.ReadWith(options.CatalogPaths, options.IncludeShippedCatalog);
        if (read.HasErrors)
        {
            throw new SandboxConfigurationException(
                "The sandbox's catalog has errors:" + Environment.NewLine + string.Join(Environment.NewLine, read.Diagnostics));
        }

        Catalog = read.Catalog;
        Validator = new RequestValidator(Catalog);
        Jobs = new JobSimulator(options.JobDuration);
        _faults = new FaultInjector(options);
        _rpcFaults = rpcFaults;
        _modelsPayload = ModelsPayload.Build(Catalog, options.JobDuration);
        if (rpcFaults)
        {
            _outputFolder = options.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "mediamodels-sandbox", Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(_outputFolder);
            _outputBase = new Uri(Path.GetFullPath(_outputFolder) + Path.DirectorySeparatorChar).AbsoluteUri;
        }
        else
        {
            _outputBase = "http://127.0.0.1/files/";
        }
    }

    public ModelCatalog Catalog { get; }

    public RequestValidator Validator { get; }

    public JobSimulator Jobs { get; }

    public SandboxCounters Counters { get; } = new();

    public FaultInjector Faults => _faults;

    /// <summary>The folder outputs are written to (stdio and in-memory streams), or null over HTTP.</summary>
    public string? OutputFolder => _outputFolder;

    /// <summary>Over HTTP, the base URL of <c>/files/</c> once the port is known.</summary>
    public void SetHttpBase(Uri baseAddress) => _outputBase = new Uri(baseAddress, "files/").AbsoluteUri;

    public IReadOnlyList<McpServerTool> CreateTools() => new McpServerTool[]
    {
        new SandboxTool(ToolSchemas.GenerateMedia(Catalog), GenerateMediaAsync),
        new SandboxTool(ToolSchemas.GetGenerationStatus(), GetStatusAsync),
        new SandboxTool(ToolSchemas.GetGenerationEstimate(Catalog), EstimateAsync),
        new SandboxTool(ToolSchemas.GetModels(), GetModelsAsync),
    };

    private async ValueTask BeforeCallAsync(string tool, CancellationToken cancellationToken)
    {
        if (_options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Latency, cancellationToken).ConfigureAwait(false);
        }

        if (_rpcFaults && _faults.NextRpcFault() != FaultKind.None)
        {
            Counters.CountFault(tool);
            throw new McpProtocolException(
                $"Sandbox: transient failure injected (--fail-rate) on {tool}; the call was not accepted and may be sent again.",
                (McpErrorCode)ServiceContract.NotAcceptedErrorCode);
        }
    }

    private async ValueTask<CallToolResult> GenerateMediaAsync(IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        await BeforeCallAsync(ServiceContract.Tools.GenerateMedia, cancellationToken).ConfigureAwait(false);
        Counters.CountGenerateCall();

        RequestReadResult read = RequestJsonReader.Read(ToolReplies.ArgumentsJson(arguments));
        IReadOnlyList<Violation> violations = Validator.Validate(read);
        if (read.Request is null || violations.Any(v => v.Severity == Severity.Error))
        {
            Counters.CountRejected();
            return ToolReplies.Refusal(ServiceContract.Tools.GenerateMedia, violations);
        }

        GenerateMediaRequest request = read.Request;
        if (Catalog.Find(request.Model) is not ModelSpec model)
        {
            Counters.CountRejected();
            return NotSimulated(ServiceContract.Tools.GenerateMedia, request.Model, violations);
        }

        string type = request.GenerationType ?? Catalog.Defaults.GenerationType;
        SimulatedJob job = Jobs.Start(model.Id, GenerationTypes.OutputOf(type), request.AspectRatio ?? Catalog.Defaults.AspectRatio, _faults.NextGenerationFails());
        Counters.CountAccepted();

        var response = new JsonObject
        {
            ["generation_id"] = job.Id,
            ["status"] = "pending",
            ["estimated_time_seconds"] = Seconds(job.Duration),
        };
        CostEstimate cost = CatalogCost.Estimate(model, request, ServedVideoLength);
        if (cost.Credits is double credits)
        {
            response["estimated_cost_credits"] = credits;
        }

        if (cost.MaxCredits is double most)
        {
            response["estimated_cost_credits_max"] = most;
        }

        if (cost.Note is string note)
        {
            response["estimated_cost_note"] = note;
        }

        if (violations.Count > 0)
        {
            response["warnings"] = ToolReplies.DiagnosticsArray(violations);
        }

        return ToolReplies.Success(response);
    }

    private async ValueTask<CallToolResult> GetStatusAsync(IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        await BeforeCallAsync(ServiceContract.Tools.GetGenerationStatus, cancellationToken).ConfigureAwait(false);
        Counters.CountStatus();
        if (arguments is null || !arguments.TryGetValue("generation_id", out JsonElement idValue) || idValue.ValueKind != JsonValueKind.String)
        {
            return ToolReplies.ToolError("get_generation_status needs 'generation_id' (a string returned by generate_media).", "invalid_arguments", null);
        }

        string id = idValue.GetString()!;
        SimulatedJob? job = Jobs.Find(id);
        if (job is null)
        {
            return ToolReplies.ToolError($"Unknown generation_id '{id}': no generation with this id was started on this server.", "not_found", null);
        }

        JobSnapshot snapshot = JobSimulator.Snapshot(job);
        var response = new JsonObject
        {
            ["generation_id"] = job.Id,
            ["status"] = snapshot.Status,
            ["progress"] = snapshot.Progress,
            ["model"] = job.Model,
        };
        if (snapshot.Status == "completed")
        {
            response["outputs"] = Outputs(job);
        }
        else if (snapshot.Status == "failed")
        {
            response["error"] = new JsonObject
            {
                ["code"] = "generation_failed",
                ["message"] = "The sandbox failed this generation on purpose (--failed-rate).",
            };
        }

        return ToolReplies.Success(response);
    }

    private async ValueTask<CallToolResult> EstimateAsync(IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        await BeforeCallAsync(ServiceContract.Tools.GetGenerationEstimate, cancellationToken).ConfigureAwait(false);
        Counters.CountEstimate();
        GenerationEstimateRequest request;
        try
        {
            request = GenerationEstimateRequest.FromJson(Encoding.UTF8.GetString(ToolReplies.ArgumentsJson(arguments)));
        }
        catch (JsonException exception)
        {
            return ToolReplies.ToolError($"get_generation_estimate: {exception.Message}", "invalid_arguments", null);
        }

        IReadOnlyList<Violation> violations = EstimateValidation.Validate(Validator, request);
        if (violations.Any(v => v.Severity == Severity.Error))
        {
            return ToolReplies.Refusal(ServiceContract.Tools.GetGenerationEstimate, violations);
        }

        if (Catalog.Find(request.Model) is null)
        {
            return NotSimulated(ServiceContract.Tools.GetGenerationEstimate, request.Model, violations);
        }

        var response = new JsonObject
        {
            ["model"] = request.Model,
            ["generation_type"] = request.GenerationType ?? Catalog.Defaults.GenerationType,
            ["estimated_time_seconds"] = Seconds(Jobs.Duration),
            ["confidence"] = 1.0,
            ["sample_size"] = Jobs.Count,
        };
        if (violations.Count > 0)
        {
            response["warnings"] = ToolReplies.DiagnosticsArray(violations);
        }

        return ToolReplies.Success(response);
    }

    private async ValueTask<CallToolResult> GetModelsAsync(IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        await BeforeCallAsync(ServiceContract.Tools.GetModels, cancellationToken).ConfigureAwait(false);
        Counters.CountModels();
        return new CallToolResult
        {
            Content = new List<ContentBlock> { new TextContentBlock { Text = _modelsPayload.GetRawText() } },
            StructuredContent = _modelsPayload,
        };
    }

    /// <summary>The bytes and content type of an output file served over HTTP, for a completed job.</summary>
    public bool TryGetFile(string name, out byte[] bytes, out string contentType)
    {
        bytes = Array.Empty<byte>();
        contentType = "application/octet-stream";
        int dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        string stem = name.Substring(0, dot);
        string extension = name.Substring(dot + 1);
        string id = stem.EndsWith("-thumb", StringComparison.Ordinal) ? stem.Substring(0, stem.Length - 6)
            : stem.EndsWith("-optimized", StringComparison.Ordinal) ? stem.Substring(0, stem.Length - 10)
            : stem;
        SimulatedJob? job = Jobs.Find(id);
        if (job is null || JobSimulator.Snapshot(job).Status != "completed")
        {
            return false;
        }

        foreach ((string fileName, byte[] content, string type) in Files(job))
        {
            if (fileName == name)
            {
                bytes = content;
                contentType = type;
                return extension.Length > 0;
            }
        }

        return false;
    }

    private JsonArray Outputs(SimulatedJob job)
    {
        var files = Files(job);
        if (_outputFolder is not null && job.ClaimFileWriting())
        {
            foreach ((string name, byte[] content, _) in files)
            {
                File.WriteAllBytes(Path.Combine(_outputFolder, name), content);
            }
        }

        (int width, int height) = job.Media == MediaKind.Image ? MediaFiles.ImageSizeFor(job.AspectRatio) : MediaFiles.VideoSizeFor(job.AspectRatio);
        return new JsonArray
        {
            new JsonObject
            {
                ["url"] = _outputBase + files[0].Name,
                ["thumbnail_url"] = _outputBase + files[1].Name,
                ["optimized_url"] = _outputBase + files[2].Name,
                ["media_type"] = job.Media == MediaKind.Image ? "image" : "video",
                ["dimensions"] = new JsonObject { ["width"] = width, ["height"] = height },
                ["model"] = job.Model,
            },
        };
    }

    private static (string Name, byte[] Content, string Type)[] Files(SimulatedJob job)
    {
        (int width, int height) = MediaFiles.ImageSizeFor(job.AspectRatio);
        if (job.Media == MediaKind.Image)
        {
            byte[] png = MediaFiles.Png(width, height);
            return new[]
            {
                (job.Id + ".png", png, "image/png"),
                (job.Id + "-thumb.png", MediaFiles.Png(Math.Max(1, width / 4), Math.Max(1, height / 4)), "image/png"),
                (job.Id + "-optimized.png", png, "image/png"),
            };
        }

        // Videos follow the aspect ratio too: the file, its thumbnail and the reported dimensions.
        byte[] video = MediaFiles.Mp4For(job.AspectRatio);
        (int videoWidth, int videoHeight) = MediaFiles.VideoSizeFor(job.AspectRatio);
        return new[]
        {
            (job.Id + ".mp4", video, "video/mp4"),
            (job.Id + "-thumb.png", MediaFiles.Png(Math.Max(1, videoWidth / 4), Math.Max(1, videoHeight / 4)), "image/png"),
            (job.Id + "-optimized.mp4", video, "video/mp4"),
        };
    }

    /// <summary>The length of a video this sandbox served at <paramref name="url"/> (an output of one of its jobs), or null.</summary>
    private TimeSpan? ServedVideoLength(string url) =>
        url.StartsWith(_outputBase, StringComparison.Ordinal)
        && TryGetFile(url.Substring(_outputBase.Length), out _, out string contentType)
        && contentType == "video/mp4"
            ? MediaFiles.VideoLength
            : null;

    /// <summary>
    /// The answer for a model the request may name (the rules only warn, MM0008) but this sandbox cannot simulate: it
    /// stands in for a service whose models are its catalog's, and it has no facts about any other.
    /// </summary>
    private CallToolResult NotSimulated(string tool, string? model, IReadOnlyList<Violation> violations) => ToolReplies.ToolError(
        $"{tool} refused: the sandbox simulates only the models of its catalog (get_models lists {Catalog.Models.Count}), and '{model}' is not one of them, " +
        "so it has no facts to simulate it with. The request itself breaks no rule (the catalog does not know the model: MM0008, a warning). To try the " +
        "model here, serve a catalog overlay that declares it: mediamodels serve --catalog FILE (mediamodels drift --write-overlay FILE drafts one from a live service).",
        "model_not_simulated",
        ToolReplies.DiagnosticsArray(violations));

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);
}

/// <summary>The sandbox cannot start as configured (catalog errors, a non-loopback binding without a token…).</summary>
public sealed class SandboxConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public SandboxConfigurationException(string message)
        : base(message)
    {
    }
}

/// <summary>A tool of the sandbox: its protocol description and a handler over the raw arguments.</summary>
internal sealed class SandboxTool : McpServerTool
{
    private readonly Func<IDictionary<string, JsonElement>?, CancellationToken, ValueTask<CallToolResult>> _handler;

    public SandboxTool(Tool tool, Func<IDictionary<string, JsonElement>?, CancellationToken, ValueTask<CallToolResult>> handler)
    {
        ProtocolTool = tool;
        _handler = handler;
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata { get; } = Array.Empty<object>();

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        _handler(request.Params?.Arguments, cancellationToken);
}
