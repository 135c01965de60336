using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog;
using MediaModels.Client;
using MediaModels.Sandbox;
using MediaModels.Validation;

namespace MediaModels.Cli;

/// <summary>
/// Which server a command talks to: <c>--server URL</c> (Streamable HTTP), <c>--stdio-command "CMD"</c>, or, when
/// neither is given and the command allows it, the sandbox started in process (with its <c>--job-seconds</c>,
/// <c>--fail-rate</c>, <c>--failed-rate</c>, <c>--latency</c>).
/// </summary>
internal sealed class ServerOptions
{
    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"The service's Streamable HTTP endpoint (e.g. https://example.com/mcp). Default: ${MediaClientOptions.EndpointVariable}, else the sandbox in process.",
    };

    public Option<string?> StdioCommand { get; } = new("--stdio-command")
    {
        Description = "Start this command and speak MCP to it over stdio, e.g. \"mediamodels serve --stdio\".",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token sent as 'Authorization: Bearer T' (default: ${MediaClientOptions.TokenVariable}).",
    };

    public Option<double> JobSeconds { get; } = new("--job-seconds")
    {
        Description = "In-process sandbox only: how long each simulated job takes.",
        DefaultValueFactory = _ => 2.0,
    };

    public Option<double> FailRate { get; } = new("--fail-rate")
    {
        Description = "In-process sandbox only: probability of a transient error on any call.",
    };

    public Option<double> FailedRate { get; } = new("--failed-rate")
    {
        Description = "In-process sandbox only: probability that a generation ends failed.",
    };

    public Option<int> LatencyMs { get; } = new("--latency")
    {
        Description = "In-process sandbox only: milliseconds added to every call.",
    };

    public Option<double> PollSeconds { get; } = new("--min-poll-seconds")
    {
        Description = "Shortest wait between two status polls.",
        DefaultValueFactory = _ => 0.25,
    };

    public Option<double> TimeoutSeconds { get; } = new("--timeout")
    {
        Description = "Give up waiting for a generation after this many seconds.",
        DefaultValueFactory = _ => 900.0,
    };

    public void AddTo(Command command, bool sandboxOptions)
    {
        command.Options.Add(Server);
        command.Options.Add(StdioCommand);
        command.Options.Add(Token);
        if (sandboxOptions)
        {
            command.Options.Add(JobSeconds);
            command.Options.Add(FailRate);
            command.Options.Add(FailedRate);
            command.Options.Add(LatencyMs);
            command.Options.Add(PollSeconds);
            command.Options.Add(TimeoutSeconds);
        }
    }

    /// <summary>True when a server is named (option or environment).</summary>
    public bool NamesServer(ParseResult parse) =>
        parse.GetValue(Server) is not null || parse.GetValue(StdioCommand) is not null
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MediaClientOptions.EndpointVariable));

    /// <summary>
    /// Connects to the named server, or starts the sandbox in process over <paramref name="catalog"/>'s sources when
    /// none is named. Returns null (after writing why to <paramref name="error"/>) when the server cannot be reached.
    /// </summary>
    public async Task<Connection?> ConnectAsync(ParseResult parse, CatalogOptions catalogOptions, ModelCatalog catalog, TextWriter error, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Server) is not null && parse.GetValue(StdioCommand) is not null)
        {
            error.WriteLine("error: give --server or --stdio-command, not both.");
            return null;
        }

        SandboxServer? sandbox = null;
        MediaClientOptions options;
        string? server = parse.GetValue(Server) ?? Environment.GetEnvironmentVariable(MediaClientOptions.EndpointVariable);
        if (parse.GetValue(StdioCommand) is string command)
        {
            options = MediaClientOptions.ForStdioCommand(command);
            options.StdioErrorLine = line => error.WriteLine("server: " + line);
        }
        else if (!string.IsNullOrEmpty(server))
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                error.WriteLine($"error: --server must be an absolute http(s) URL; got '{server}'.");
                return null;
            }

            options = new MediaClientOptions { Endpoint = endpoint };
        }
        else
        {
            try
            {
                sandbox = await SandboxServer.StartAsync(
                    new SandboxOptions
                    {
                        JobDuration = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(JobSeconds))),
                        FailRate = parse.GetValue(FailRate),
                        FailedRate = parse.GetValue(FailedRate),
                        Latency = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(LatencyMs))),
                        CatalogPaths = parse.GetValue(catalogOptions.Catalog) ?? Array.Empty<string>(),
                        IncludeShippedCatalog = !parse.GetValue(catalogOptions.NoShipped),
                    },
                    cancellationToken);
            }
            catch (SandboxConfigurationException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return null;
            }

            options = new MediaClientOptions { Endpoint = sandbox.Endpoint };
        }

        options.BearerToken = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable(MediaClientOptions.TokenVariable);
        options.Validator = new RequestValidator(catalog);
        double poll = parse.GetResult(PollSeconds) is { Implicit: false } ? parse.GetValue(PollSeconds)
            : sandbox is not null ? Math.Min(0.25, Math.Max(0.02, parse.GetValue(JobSeconds) / 8))
            : 0.25;
        options.MinPollInterval = TimeSpan.FromSeconds(Math.Max(0.01, poll));
        options.GenerationTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(TimeoutSeconds)));
        try
        {
            MediaClient client = await MediaClient.ConnectAsync(options, cancellationToken);
            return new Connection(client, sandbox, sandbox is null ? (server ?? $"stdio: {parse.GetValue(StdioCommand)}") : $"in-process sandbox at {sandbox.Endpoint}");
        }
        catch (MediaServiceException exception)
        {
            error.WriteLine("error: " + exception.Message);
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }

            return null;
        }
    }

    internal static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A connected client and, when the sandbox runs in process, the sandbox.</summary>
internal sealed class Connection : IAsyncDisposable
{
    public Connection(MediaClient client, SandboxServer? sandbox, string description)
    {
        Client = client;
        Sandbox = sandbox;
        Description = description;
    }

    public MediaClient Client { get; }

    public SandboxServer? Sandbox { get; }

    public string Description { get; }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }
}
