using System;
using System.Collections.Generic;

namespace MediaModels.Sandbox;

/// <summary>How the sandbox behaves: its catalog, its simulated clock, its faults and where it listens.</summary>
public sealed record SandboxOptions
{
    /// <summary>How long every job takes from acceptance to <c>completed</c> or <c>failed</c> (<c>--job-seconds</c>). Default 2 s.</summary>
    public TimeSpan JobDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Probability (0–1) that a tool call fails with a transient error (<c>--fail-rate</c>). A <c>generate_media</c> call
    /// always fails <em>before</em> it is accepted or counted (HTTP 503/429, or over stdio a JSON-RPC error with code
    /// <see cref="ServiceContract.NotAcceptedErrorCode"/>), so resending it is safe; other calls may also fail with a
    /// 500/502 or a dropped connection.
    /// </summary>
    public double FailRate { get; init; }

    /// <summary>Probability (0–1) that an accepted generation ends <c>failed</c> (<c>--failed-rate</c>).</summary>
    public double FailedRate { get; init; }

    /// <summary>Extra latency added to every tool call (<c>--latency</c>).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Catalog files or folders merged after the shipped catalog (<c>--catalog</c>), to simulate a drifted service.</summary>
    public IReadOnlyList<string> CatalogPaths { get; init; } = Array.Empty<string>();

    /// <summary>Serve the shipped catalog (with <see cref="CatalogPaths"/> merged after it). Default true.</summary>
    public bool IncludeShippedCatalog { get; init; } = true;

    /// <summary>Seed of the random source behind the fault rates, for reproducible runs; null for a random seed.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>When set, HTTP requests must carry <c>Authorization: Bearer {Token}</c> (<c>--token</c>).</summary>
    public string? Token { get; init; }

    /// <summary>
    /// The URLs to listen on over HTTP (<c>--urls</c>); default <c>http://127.0.0.1:0</c> (a free loopback port). Binding
    /// beyond loopback requires <see cref="Token"/>.
    /// </summary>
    public IReadOnlyList<string> Urls { get; init; } = new[] { "http://127.0.0.1:0" };

    /// <summary>
    /// Where outputs are written when the sandbox serves stdio or in-memory streams (they become <c>file://</c> URLs);
    /// null for a new folder under the temporary directory. Over HTTP outputs are served at <c>/files/</c> instead.
    /// </summary>
    public string? OutputDirectory { get; init; }

    /// <summary>
    /// Over HTTP, keep a session per client (<c>Mcp-Session-Id</c>, the <c>initialize</c> handshake of protocol revisions
    /// before 2026-07-28) instead of serving every request statelessly (<c>--stateful</c>). A session ends when the
    /// server stops, so a client that outlives a restart meets the 404 of an ended session, as it would with a hosted
    /// service that expires sessions. Default false.
    /// </summary>
    public bool StatefulSessions { get; init; }

    /// <summary>Write ASP.NET Core and MCP SDK logs to the console (stderr). Default false.</summary>
    public bool Verbose { get; init; }
}
