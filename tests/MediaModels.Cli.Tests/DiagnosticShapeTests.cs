using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MediaModels.Catalog.Rules;
using MediaModels.Client;
using MediaModels.Json;
using MediaModels.Sandbox;
using MediaModels.Validation;

namespace MediaModels.Cli.Tests;

/// <summary>
/// Every surface that writes or reads diagnostics as JSON uses the one <see cref="RequestDiagnostic"/> shape:
/// <c>validate</c> and <c>generate</c> with <c>--format json</c>, the sandbox's tool errors, and the client; and for a
/// refused request they agree on the diagnostics.
/// </summary>
public sealed class DiagnosticShapeTests : IDisposable
{
    /// <summary>sora-2 does not take 8s (MM0201, an error with a suggestion) and has no audio (MM0101, a warning).</summary>
    private const string Refused = "{\n  \"prompt\": \"A boat\",\n  \"model\": \"sora-2\",\n  \"generation_type\": \"text-to-video\",\n  \"duration\": \"8s\",\n  \"sound\": true\n}";

    /// <summary>A catalog overlay under which the same request is only a warning, so a client using it sends it.</summary>
    private const string Permissive = "overrides:\n  - id: sora-2\n    duration: { values: [8s, 10s, 15s] }\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("mediamodels-cli-shape-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Validate_json_diagnostics_are_the_validator_s_violations_placed_in_the_file()
    {
        string file = Write("bad.json", Refused);
        (int exit, string output) = Run("validate", "--format", "json", file);
        Assert.Equal(1, exit);

        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement report = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(new[] { "file", "valid", "diagnostics" }, report.EnumerateObject().Select(p => p.Name));
        IReadOnlyList<RequestDiagnostic> diagnostics = Diagnostics(report.GetProperty("diagnostics"));

        RequestReadResult read = RequestJsonReader.Read(File.ReadAllBytes(file));
        RequestDiagnostic[] expected = RequestValidator.Default.Validate(read)
            .Select(v => RequestDiagnostic.From(v, read.TryGetPosition(v, out JsonTextPosition p) ? p : null))
            .OrderBy(d => d.Line).ThenBy(d => d.Column)
            .ToArray();
        Assert.Equal(expected, diagnostics);
        Assert.Equal(new[] { "MM0201", "MM0101" }, diagnostics.Select(d => d.Id));
        Assert.Equal("10s", diagnostics[0].Suggestion);
        AssertRoundTrip(report.GetProperty("diagnostics"));
    }

    [Fact]
    public void Validate_text_output_stays_MSBuild_style()
    {
        string file = Write("bad.json", Refused);
        (_, string output) = Run("validate", file);
        Assert.Equal(
            new[]
            {
                $"{file}(5,3): error MM0201: {RequestValidator.Default.Validate(RequestJsonReader.Read(File.ReadAllBytes(file))).Single(v => v.Id == "MM0201").Message} [$.duration]",
            },
            output.Replace("\r\n", "\n").Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal)).ToArray());
        Assert.Contains($"{file}(6,3): warning MM0101: ", output);
    }

    [Fact]
    public void Generate_json_keeps_local_and_service_diagnostics_in_the_one_shape()
    {
        string file = Write("bad.json", Refused);
        (int exit, string output) = Run("generate", "--format", "json", file, "--job-seconds", "0.05");
        Assert.Equal(1, exit);

        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement report = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("invalid", report.GetProperty("status").GetString());
        Assert.Equal(new[] { "MM0201", "MM0101" }, Diagnostics(report.GetProperty("diagnostics")).Select(d => d.Id));
        Assert.All(Diagnostics(report.GetProperty("diagnostics")), d => Assert.NotNull(d.Line));
        Assert.Empty(Diagnostics(report.GetProperty("service_diagnostics")));
        AssertRoundTrip(report.GetProperty("diagnostics"));
    }

    [Fact]
    public async Task The_CLI_the_sandbox_and_the_client_agree_on_a_refused_request()
    {
        string file = Write("bad.json", Refused);
        string overlay = Write("permissive.yaml", Permissive);

        // 1. mediamodels validate --format json, shipped catalog: the diagnostics without their place.
        (_, string validateOutput) = Run("validate", "--format", "json", file);
        using JsonDocument validated = JsonDocument.Parse(validateOutput);
        RequestDiagnostic[] cli = Diagnostics(validated.RootElement[0].GetProperty("diagnostics")).Select(d => d with { Line = null, Column = null }).ToArray();

        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromMilliseconds(50) });

        // 2 and 3. A client whose catalog lets the request through sends it; the sandbox refuses it. The raw structured
        // content is the sandbox's JSON, the exception's violations what the client read from it.
        var permissive = new RequestValidator(ShippedCatalog.ReadWith(new[] { overlay }).Catalog);
        await using MediaClient client = await MediaClient.ConnectAsync(new MediaClientOptions { Endpoint = sandbox.Endpoint, Validator = permissive });
        MediaToolException refusal = await Assert.ThrowsAsync<MediaToolException>(() =>
            client.GenerateAsync(GenerateMediaRequest.FromJson(File.ReadAllText(file))));
        Assert.Equal("invalid_request", refusal.ErrorCode);
        RequestDiagnostic[] service = Diagnostics(refusal.StructuredContent!.Value.GetProperty("diagnostics")).ToArray();
        RequestDiagnostic[] read = refusal.Violations.Select(v => RequestDiagnostic.From(v)).ToArray();
        AssertRoundTrip(refusal.StructuredContent!.Value.GetProperty("diagnostics"));

        // 4. mediamodels generate --format json against the same sandbox, with the permissive catalog locally.
        (int exit, string generateOutput) = Run("generate", "--format", "json", "--server", sandbox.Endpoint.ToString(), "--catalog", overlay, file);
        Assert.Equal(1, exit);
        using JsonDocument generated = JsonDocument.Parse(generateOutput);
        JsonElement generatedReport = Assert.Single(generated.RootElement.EnumerateArray());
        Assert.Equal("refused", generatedReport.GetProperty("status").GetString());
        RequestDiagnostic[] generate = Diagnostics(generatedReport.GetProperty("service_diagnostics")).ToArray();
        RequestDiagnostic local = Assert.Single(Diagnostics(generatedReport.GetProperty("diagnostics")));
        Assert.Equal(("MM0101", Severity.Warning, 6, 3), (local.Id, local.Severity, local.Line!.Value, local.Column!.Value));

        Assert.Equal(new[] { "MM0101", "MM0201" }, cli.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(Sorted(cli), Sorted(service));
        Assert.Equal(Sorted(cli), Sorted(read));
        Assert.Equal(Sorted(cli), Sorted(generate));
    }

    private static IEnumerable<RequestDiagnostic> Sorted(IEnumerable<RequestDiagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Path, StringComparer.Ordinal);

    /// <summary>Reads a diagnostics array with the runtime's context, the way the client does.</summary>
    private static IReadOnlyList<RequestDiagnostic> Diagnostics(JsonElement array) =>
        array.Deserialize(MediaModelsJsonContext.Default.IReadOnlyListRequestDiagnostic)!;

    /// <summary>Each item, read into the record and written again, is the same JSON: nothing in it is outside the shape.</summary>
    private static void AssertRoundTrip(JsonElement array)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            string again = RequestDiagnostic.FromJson(item.GetRawText()).ToJson();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(item.GetRawText()), JsonNode.Parse(again)), $"{item.GetRawText()} came back as {again}");
        }
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out) Run(params string[] args)
    {
        var output = new StringWriter();
        int exit = CliApp.Run(args, output, new StringWriter());
        return (exit, output.ToString());
    }
}
