using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Catalog.Rules;
using MediaModels.Json;
using MediaModels.Sandbox;
using MediaModels.Validation;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MediaModels.Client.Tests;

/// <summary>The sandbox writes, and the client reads, diagnostics in the one <see cref="RequestDiagnostic"/> shape.</summary>
public sealed class DiagnosticJsonTests
{
    [Fact]
    public async Task The_sandbox_s_refusal_and_warnings_are_exactly_the_rule_engine_s_diagnostics()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using McpClient raw = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = sandbox.Endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
            cancellationToken: TestKit.Timeout());
        var refused = new Dictionary<string, object?> { ["model"] = "sora-2", ["prompt"] = "A boat", ["generation_type"] = "text-to-video", ["duration"] = "8s", ["sound"] = true };

        CallToolResult refusal = await raw.CallToolAsync("generate_media", refused, cancellationToken: TestKit.Timeout());
        CallToolResult accepted = await raw.CallToolAsync("generate_media", new Dictionary<string, object?>(refused) { ["duration"] = "10s" }, cancellationToken: TestKit.Timeout());

        Assert.True(refusal.IsError);
        IReadOnlyList<RequestDiagnostic> errors = refusal.StructuredContent!.Value.GetProperty("diagnostics").Deserialize(MediaModelsJsonContext.Default.IReadOnlyListRequestDiagnostic)!;
        Assert.Equal(Expected(refused), errors);
        Assert.Contains(errors, d => d.Suggestion == "10s");

        IReadOnlyList<RequestDiagnostic> warnings = accepted.StructuredContent!.Value.GetProperty("warnings").Deserialize(MediaModelsJsonContext.Default.IReadOnlyListRequestDiagnostic)!;
        Assert.Equal(Expected(new Dictionary<string, object?>(refused) { ["duration"] = "10s" }), warnings);
    }

    [Fact]
    public void The_client_reads_items_of_the_shape_and_skips_the_others()
    {
        using JsonDocument document = JsonDocument.Parse("""
            [
              {"id": "MM0201", "severity": "error", "path": "$.duration", "message": "not 8s", "suggestion": "10s"},
              {"id": "MM0101", "severity": "WARNING", "path": "$.sound", "message": "ignored", "line": 3, "column": 5},
              {"id": "MM0004"},
              {"severity": "error", "message": "no id"},
              {"id": "", "message": "empty id"},
              {"id": "MM0202", "severity": "fatal"},
              {"id": "MM0203", "line": "three"},
              "MM0301",
              null
            ]
            """);

        IReadOnlyList<Violation> violations = ViolationJson.Read(document.RootElement);

        Assert.Equal(
            new[]
            {
                new Violation("MM0201", Severity.Error, "$.duration", "not 8s", "10s"),
                new Violation("MM0101", Severity.Warning, "$.sound", "ignored"),
                new Violation("MM0004", Severity.Error, "$", string.Empty),
            },
            violations);
    }

    [Fact]
    public void Anything_but_an_array_reads_as_no_diagnostics()
    {
        using JsonDocument document = JsonDocument.Parse("""{"id": "MM0201"}""");
        Assert.Empty(ViolationJson.Read(document.RootElement));
        Assert.Empty(ViolationJson.Read(null));
    }

    /// <summary>What the rule engine says about the same arguments, as diagnostics without a place.</summary>
    private static RequestDiagnostic[] Expected(Dictionary<string, object?> arguments)
    {
        RequestReadResult read = RequestJsonReader.Read(JsonSerializer.SerializeToUtf8Bytes(arguments));
        return RequestValidator.Default.Validate(read).Select(v => RequestDiagnostic.From(v)).ToArray();
    }
}
