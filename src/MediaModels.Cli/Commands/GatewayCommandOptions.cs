using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;
using Microsoft.Extensions.Logging;

namespace MediaModels.Cli.Commands;

/// <summary>
/// The options of <c>serve --upstream URL</c> (the validating gateway) and how they start it; the gateway itself lives in
/// <c>MediaModels.Sandbox.Gateway</c>.
/// </summary>
internal sealed class GatewayCommandOptions
{
    /// <summary>The environment variable the upstream token is read from when <c>--upstream-token</c> is not given.</summary>
    public const string UpstreamTokenVariable = "MEDIAMODELS_UPSTREAM_TOKEN";

    public Option<string?> Upstream { get; } = new("--upstream")
    {
        Description = "Run the validating gateway in front of this Streamable HTTP MCP endpoint instead of the sandbox: calls are checked by the catalog before they are forwarded.",
    };

    public Option<string?> UpstreamToken { get; } = new("--upstream-token")
    {
        Description = $"Bearer token sent to the upstream (default: ${UpstreamTokenVariable}). Never logged.",
    };

    /// <summary>Unset reads as <see cref="RuleDescription.Compact"/>, the enum's first (zero) member; no default is shown so the help keeps the lower-case names.</summary>
    public Option<RuleDescription> Describe { get; } = new("--describe")
    {
        Description = "With --upstream: the catalog's rule table in the tool descriptions: compact (one line per model, the default), full (every fact and note) or none.",
        HelpName = "compact|full|none",
    };

    public Option<double?> MaxCredits { get; } = new("--max-credits")
    {
        Description = "With --upstream: refuse a generate_media whose estimated cost exceeds the credits left of this budget.",
    };

    public Option<int?> MaxConcurrent { get; } = new("--max-concurrent")
    {
        Description = "With --upstream: refuse a call while this many calls are in flight to the upstream.",
    };

    public Option<int?> RateLimit { get; } = new("--rate-limit")
    {
        Description = "With --upstream: tool calls allowed per minute per client (token bucket); more are refused.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Upstream);
        command.Options.Add(UpstreamToken);
        command.Options.Add(Describe);
        command.Options.Add(MaxCredits);
        command.Options.Add(MaxConcurrent);
        command.Options.Add(RateLimit);
    }

    public async Task<int> RunAsync(ParseResult parse, CatalogOptions catalog, bool useStdio, string[] urls, string? token, bool verbose, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string upstream = parse.GetValue(Upstream)!;
        if (!Uri.TryCreate(upstream, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw CommandFailedException.Usage($"--upstream must be an absolute http(s) URL; got '{upstream}'.");
        }

        Positive(parse, MaxCredits);
        Positive(parse, MaxConcurrent);
        Positive(parse, RateLimit);

        using ILoggerFactory logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information)
            .AddFilter("ModelContextProtocol", verbose ? LogLevel.Debug : LogLevel.Warning)
            .AddFilter("Microsoft", verbose ? LogLevel.Information : LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        string? upstreamToken = parse.GetValue(UpstreamToken);
        var options = new GatewayOptions
        {
            Upstream = endpoint,
            UpstreamToken = string.IsNullOrEmpty(upstreamToken) ? Environment.GetEnvironmentVariable(UpstreamTokenVariable) : upstreamToken,
            CatalogPaths = catalog.SandboxPaths(parse),
            IncludeShippedCatalog = !parse.GetValue(catalog.NoShipped),
            Describe = parse.GetValue(Describe),
            MaxCredits = parse.GetValue(MaxCredits),
            MaxConcurrent = parse.GetValue(MaxConcurrent),
            RateLimitPerMinute = parse.GetValue(RateLimit),
            Token = token,
            Urls = urls,
            LoggerFactory = logging,
        };

        try
        {
            return useStdio ? await ServeStdioAsync(options, error, cancellationToken) : await ServeHttpAsync(options, output, error, cancellationToken);
        }
        catch (SandboxConfigurationException exception)
        {
            throw CommandFailedException.Usage(exception.Message);
        }
    }

    /// <summary>A limit that is not positive is a usage error (exit 2), as the command-line contract has it.</summary>
    private static void Positive<T>(ParseResult parse, Option<T?> option)
        where T : struct, IComparable<T>
    {
        if (parse.GetValue(option) is T value && value.CompareTo(default) <= 0)
        {
            throw CommandFailedException.Usage($"{option.Name} must be greater than 0; got {Convert.ToString(value, CultureInfo.InvariantCulture)}.");
        }
    }

    private static async Task<int> ServeHttpAsync(GatewayOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using GatewayServer server = await GatewayServer.StartAsync(options, cancellationToken);
        output.WriteLine($"Gateway listening: {server.Endpoint} in front of {options.Upstream.GetLeftPart(UriPartial.Path)} (figures at {server.BaseAddress}stats). Ctrl+C stops it.");
        output.Flush();
        try
        {
            await server.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        error.WriteLine("gateway: " + server.Stats);
        return ExitCodes.Success;
    }

    private static async Task<int> ServeStdioAsync(GatewayOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        await using var server = new GatewayStreamServer(options);
        error.WriteLine($"gateway: serving MCP on stdio in front of {options.Upstream.GetLeftPart(UriPartial.Path)}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            await server.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        error.WriteLine("gateway: " + server.Stats);
        return ExitCodes.Success;
    }
}
