using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace MediaModels.Sandbox.Gateway;

/// <summary>How much of the catalog's rules the gateway writes into the tool descriptions it lists (<c>--describe</c>).</summary>
public enum RuleDescription
{
    /// <summary>One line per model: its generation types and the parameters it honours, with their allowed values.</summary>
    Compact,

    /// <summary>Every fact of every model's fact sheet, details and notes included.</summary>
    Full,

    /// <summary>The upstream's descriptions unchanged.</summary>
    None,
}

/// <summary>How the gateway (<c>mediamodels serve --upstream URL</c>) reaches the service, checks calls and guards spending.</summary>
public sealed record GatewayOptions
{
    /// <summary>The service's Streamable HTTP endpoint (<c>--upstream</c>).</summary>
    public required Uri Upstream { get; init; }

    /// <summary>
    /// Sent to the upstream as <c>Authorization: Bearer T</c> (<c>--upstream-token</c> or <c>MEDIAMODELS_UPSTREAM_TOKEN</c>).
    /// Added by an HTTP handler, so it never passes through the MCP SDK or a log.
    /// </summary>
    public string? UpstreamToken { get; init; }

    /// <summary>Catalog files or folders merged after the shipped catalog (<c>--catalog</c>).</summary>
    public IReadOnlyList<string> CatalogPaths { get; init; } = Array.Empty<string>();

    /// <summary>Use the shipped catalog (with <see cref="CatalogPaths"/> merged after it). Default true.</summary>
    public bool IncludeShippedCatalog { get; init; } = true;

    /// <summary>The rule table in the tool descriptions (<c>--describe</c>). Default <see cref="RuleDescription.Compact"/>.</summary>
    public RuleDescription Describe { get; init; } = RuleDescription.Compact;

    /// <summary>
    /// Credits the gateway lets <c>generate_media</c> spend (<c>--max-credits</c>), counted from the upstream's
    /// <c>estimated_cost_credits</c> (else the catalog's price); null for no budget.
    /// </summary>
    public double? MaxCredits { get; init; }

    /// <summary>Tool calls in flight to the upstream at once (<c>--max-concurrent</c>); null for no limit.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>Tool calls per minute per client (<c>--rate-limit</c>); null for no limit.</summary>
    public int? RateLimitPerMinute { get; init; }

    /// <summary>HTTP mode: require <c>Authorization: Bearer {Token}</c> from clients (<c>--token</c>).</summary>
    public string? Token { get; init; }

    /// <summary>HTTP mode: the URLs to listen on; default a free loopback port. Beyond loopback <see cref="Token"/> is required.</summary>
    public IReadOnlyList<string> Urls { get; init; } = new[] { "http://127.0.0.1:0" };

    /// <summary>Where the gateway's, ASP.NET Core's and the MCP SDK's logs go; null for none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
