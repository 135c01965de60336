using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
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
        HelpName = "URL",
        Description = $"The service's Streamable HTTP endpoint (e.g. https://example.com/mcp). Default: ${MediaClientOptions.EndpointVariable}, else the sandbox in process.",
    };

    public Option<string?> StdioCommand { get; } = new("--stdio-command")
    {
        HelpName = "CMD",
        Description = "Start this command and speak MCP to it over stdio, e.g. \"mediamodels serve --stdio\".",
    };

    public Option<string?> Token { get; } = new("--token")
    {
        HelpName = "TOKEN",
        Description = $"Bearer token sent as 'Authorization: Bearer T' (default: ${MediaClientOptions.TokenVariable}).",
    };

    public Option<double> JobSeconds { get; } = new("--job-seconds")
    {
        HelpName = "SECONDS",
        Description = "In-process sandbox only: how long each simulated job takes.",
        DefaultValueFactory = _ => 2.0,
    };

    public Option<double> FailRate { get; } = new("--fail-rate")
    {
        HelpName = "P",
        Description = "In-process sandbox only: probability of a transient error on any call.",
    };

    public Option<double> FailedRate { get; } = new("--failed-rate")
    {
        HelpName = "P",
        Description = "In-process sandbox only: probability that a generation ends failed.",
    };

    public Option<int> LatencyMs { get; } = new("--latency")
    {
        HelpName = "MS",
        Description = "In-process sandbox only: milliseconds added to every call.",
    };

    public Option<double> PollSeconds { get; } = new("--min-poll-seconds")
    {
        HelpName = "SECONDS",
        Description = "Shortest wait between two status polls.",
        DefaultValueFactory = _ => 0.25,
    };

    public Option<double> TimeoutSeconds { get; } = new("--timeout")
    {
        HelpName = "SECONDS",
        Description = "Give up waiting for a generation after this many seconds.",
        DefaultValueFactory = _ => 900.0,
    };

    /// <summary>Adds the options that apply to <paramref name="use"/>, and only those.</summary>
    public void AddTo(Command command, ServerUse use)
    {
        command.Options.Add(Server);
        command.Options.Add(StdioCommand);
        command.Options.Add(Token);
        if (use >= ServerUse.InProcessSandbox)
        {
            command.Options.Add(JobSeconds);
            command.Options.Add(FailRate);
            command.Options.Add(LatencyMs);
        }

        if (use >= ServerUse.Generation)
        {
            command.Options.Add(FailedRate);
            command.Options.Add(PollSeconds);
            command.Options.Add(TimeoutSeconds);
        }
    }

    /// <summary>
    /// The exit code of a failed call: the credentials refused (<see cref="ExitCodes.Unauthorized"/>), a request the
    /// service refused (<see cref="ExitCodes.Invalid"/>), or a server that cannot be reached or does not answer properly.
    /// </summary>
    public static int ExitCodeOf(MediaServiceException exception) => exception switch
    {
        MediaUnauthorizedException => ExitCodes.Unauthorized,
        MediaToolException => ExitCodes.Invalid,
        _ => ExitCodes.Unreachable,
    };

    /// <summary>True when a server is named (option or environment).</summary>
    public bool NamesServer(ParseResult parse) =>
        parse.GetValue(Server) is not null || parse.GetValue(StdioCommand) is not null
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MediaClientOptions.EndpointVariable));

    /// <summary>
    /// Connects to the named server, or starts the sandbox in process over <paramref name="catalogOptions"/>'s files when
    /// none is named. Throws <see cref="CommandFailedException"/> with the exit code and the reason when it cannot:
    /// conflicting or malformed options (usage), refused credentials (unauthorized), or no answer (unreachable).
    /// </summary>
    public async Task<Connection> ConnectAsync(ParseResult parse, CatalogOptions catalogOptions, ModelCatalog catalog, Reporter reporter, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Server) is not null && parse.GetValue(StdioCommand) is not null)
        {
            throw CommandFailedException.Usage("give --server or --stdio-command, not both.");
        }

        SandboxServer? sandbox = null;
        MediaClientOptions options;
        string? server = parse.GetValue(Server) ?? Environment.GetEnvironmentVariable(MediaClientOptions.EndpointVariable);
        if (parse.GetValue(StdioCommand) is string command)
        {
            options = MediaClientOptions.ForStdioCommand(command);
            options.StdioErrorLine = line => reporter.Problem("server: " + line);
        }
        else if (!string.IsNullOrEmpty(server))
        {
            if (!Uri.TryCreate(server, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw CommandFailedException.Usage($"--server must be an absolute http(s) URL; got '{server}'.");
            }

            options = new MediaClientOptions { Endpoint = endpoint };
        }
        else
        {
            IReadOnlyList<string> overlays = catalogOptions.SandboxPaths(parse);
            try
            {
                sandbox = await SandboxServer.StartAsync(
                    new SandboxOptions
                    {
                        JobDuration = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(JobSeconds))),
                        FailRate = parse.GetValue(FailRate),
                        FailedRate = parse.GetValue(FailedRate),
                        Latency = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(LatencyMs))),
                        CatalogPaths = overlays,
                        IncludeShippedCatalog = !parse.GetValue(catalogOptions.NoShipped),
                    },
                    cancellationToken);
            }
            catch (SandboxConfigurationException exception)
            {
                throw CommandFailedException.Usage(exception.Message);
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
            var connection = new Connection(client, sandbox, sandbox is null ? (server ?? $"stdio: {parse.GetValue(StdioCommand)}") : $"in-process sandbox at {sandbox.Endpoint}");
            reporter.Detail($"Connected to {connection.Description}.");
            return connection;
        }
        catch (MediaServiceException exception)
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }

            throw new CommandFailedException(ExitCodeOf(exception), exception.Message);
        }
    }

    internal static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Which server options a command takes: only those that apply to it appear in its help.</summary>
internal enum ServerUse
{
    /// <summary>A server must be named (<c>--server</c>, <c>--stdio-command</c>, <c>--token</c>).</summary>
    NamedServerOnly,

    /// <summary>Also the in-process sandbox when none is named, with its job clock and faults.</summary>
    InProcessSandbox,

    /// <summary>Also what following a generation takes: failed generations, poll interval, timeout.</summary>
    Generation,
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
