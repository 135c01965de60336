using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Validation;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace MediaModels.Client;

/// <summary>
/// How a <see cref="MediaClient"/> reaches the service and how patient it is. Set either <see cref="Endpoint"/>
/// (Streamable HTTP) or <see cref="StdioCommand"/> (a server process spoken to over stdin/stdout).
/// </summary>
/// <remarks>
/// With <c>services.AddMediaModelsClient()</c> the options are bound from the configuration section
/// <see cref="SectionName"/> (keys named after the properties: <c>Endpoint</c>, <c>BearerToken</c>,
/// <c>MinPollInterval</c>, <c>MaxRetryAttempts</c>…) and checked by <see cref="MediaClientOptionsValidator"/> when the
/// host starts; <see cref="MediaClient"/>'s constructor applies the same checks.
/// </remarks>
public sealed class MediaClientOptions
{
    /// <summary>The configuration section <c>AddMediaModelsClient</c> binds by default: <c>MediaModels</c>.</summary>
    public const string SectionName = "MediaModels";

    /// <summary>
    /// The name of the <see cref="System.Net.Http.HttpClient"/> that <c>AddMediaModelsClient</c> registers with
    /// <c>IHttpClientFactory</c>; the <c>IHttpClientBuilder</c> it returns configures the same client.
    /// </summary>
    public const string HttpClientName = "MediaModels.Client";

    /// <summary>The environment variable read by <see cref="FromEnvironment"/> for <see cref="Endpoint"/>.</summary>
    public const string EndpointVariable = "MEDIAMODELS_ENDPOINT";

    /// <summary>The environment variable read by <see cref="FromEnvironment"/> for <see cref="BearerToken"/>.</summary>
    public const string TokenVariable = "MEDIAMODELS_TOKEN";

    /// <summary>The Streamable HTTP endpoint, e.g. <c>https://example.com/mcp</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> on every HTTP request when set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// Asked for the bearer token before every HTTP request, for credentials that rotate (a managed identity, a token
    /// service); null or empty sends none. Cache inside it: it runs once per request. Set this or
    /// <see cref="BearerToken"/>, not both.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? BearerTokenProvider { get; set; }

    /// <summary>Extra HTTP headers sent with every request (e.g. an API key header).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The program to start and speak to over stdio (instead of <see cref="Endpoint"/>).</summary>
    public string? StdioCommand { get; set; }

    /// <summary>Arguments of <see cref="StdioCommand"/>.</summary>
    public IList<string> StdioArguments { get; } = new List<string>();

    /// <summary>Working directory of <see cref="StdioCommand"/>; null for the current one.</summary>
    public string? StdioWorkingDirectory { get; set; }

    /// <summary>Receives each line the stdio server writes to its stderr; null to drop them.</summary>
    public Action<string>? StdioErrorLine { get; set; }

    /// <summary>
    /// Advanced: builds the transport (e.g. a <c>StreamClientTransport</c> over in-memory pipes). When set it wins over
    /// <see cref="Endpoint"/> and <see cref="StdioCommand"/>. Called again on every reconnection.
    /// </summary>
    public Func<IClientTransport>? TransportFactory { get; set; }

    /// <summary>The validator requests are checked with before anything is sent; default <see cref="RequestValidator.Default"/>.</summary>
    public RequestValidator? Validator { get; set; }

    /// <summary>Shortest wait between two status polls. Default 250 ms.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between two status polls (the cap of the backoff). Default 15 s.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long <see cref="MediaClient.GenerateAsync"/> waits for a generation overall. Default 15 min.</summary>
    public TimeSpan GenerationTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one status, estimate or models call may take before it counts as a transient failure. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt of a call, for transient failures. Default 6.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First retry delay; it doubles with jitter up to <see cref="MaxRetryDelay"/>. Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap of the retry delay. Default 10 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Where the client's own logs (category <c>MediaModels.Client.MediaClient</c>) and the MCP SDK's go when the client
    /// is created without dependency injection; null for none. With <c>AddMediaModelsClient</c> the container's
    /// <see cref="ILoggerFactory"/> is used instead.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Options from the environment: <c>MEDIAMODELS_ENDPOINT</c> (the Streamable HTTP URL) and <c>MEDIAMODELS_TOKEN</c>
    /// (sent as a bearer token). Throws <see cref="InvalidOperationException"/> when the endpoint is not set or not an
    /// absolute http(s) URL.
    /// </summary>
    public static MediaClientOptions FromEnvironment()
    {
        string? endpoint = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint)
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri)
            || !MediaClientOptionsValidator.IsHttpEndpoint(uri))
        {
            throw new InvalidOperationException($"Set {EndpointVariable} to the service's Streamable HTTP URL (e.g. https://example.com/mcp).");
        }

        string? token = Environment.GetEnvironmentVariable(TokenVariable);
        return new MediaClientOptions { Endpoint = uri, BearerToken = string.IsNullOrEmpty(token) ? null : token };
    }

    /// <summary>Options that start <paramref name="commandLine"/> (program and arguments, quotes allowed) and speak to it over stdio.</summary>
    /// <param name="commandLine">e.g. <c>mediamodels serve --stdio --job-seconds 1</c>.</param>
    public static MediaClientOptions ForStdioCommand(string commandLine)
    {
        IReadOnlyList<string> parts = SplitCommandLine(commandLine);
        if (parts.Count == 0)
        {
            throw new ArgumentException("The stdio command is empty.", nameof(commandLine));
        }

        var options = new MediaClientOptions { StdioCommand = parts[0] };
        for (int i = 1; i < parts.Count; i++)
        {
            options.StdioArguments.Add(parts[i]);
        }

        return options;
    }

    /// <summary>Splits a command line at spaces outside double or single quotes; quotes are removed.</summary>
    /// <param name="commandLine">The command line.</param>
    public static IReadOnlyList<string> SplitCommandLine(string commandLine)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        bool inToken = false;
        foreach (char c in commandLine ?? string.Empty)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (inToken)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }
}
