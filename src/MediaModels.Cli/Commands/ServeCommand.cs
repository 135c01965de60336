using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;

namespace MediaModels.Cli.Commands;

/// <summary>
/// <c>serve --stdio | --http [--port N]</c>: the sandbox server (the four tools, a simulated clock, real output files);
/// with <c>--upstream URL</c>, the validating gateway in front of that service instead.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CatalogOptions catalog, TextWriter output, TextWriter error)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Serve MCP over stdin/stdout (outputs are written to a folder as file:// URLs)." };
        var http = new Option<bool>("--http") { Description = "Serve MCP over Streamable HTTP at /mcp (outputs served at /files/)." };
        var port = new Option<int?>("--port") { Description = "HTTP port on 127.0.0.1 (default: a free port, printed at start)." };
        var urls = new Option<string[]>("--urls")
        {
            Description = "HTTP URLs to listen on instead of 127.0.0.1 (repeatable). Beyond loopback a --token is required.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var token = new Option<string?>("--token") { Description = "Require 'Authorization: Bearer T' on every MCP request." };
        var jobSeconds = new Option<double>("--job-seconds") { Description = "How long every job takes (pending → queued → processing → completed).", DefaultValueFactory = _ => 2.0 };
        var failRate = new Option<double>("--fail-rate") { Description = "Probability (0-1) of a transient error on any call. generate_media is only ever refused before acceptance (HTTP 503/429, or JSON-RPC error -32042 over stdio)." };
        var failedRate = new Option<double>("--failed-rate") { Description = "Probability (0-1) that a generation ends failed." };
        var latency = new Option<int>("--latency") { Description = "Milliseconds added to every call." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the fault rates' random source, for reproducible runs." };
        var outDir = new Option<string?>("--out-dir") { Description = "stdio only: folder the output files are written to (default: a new temporary folder)." };
        var verbose = new Option<bool>("--verbose") { Description = "Log ASP.NET Core and MCP SDK events to stderr." };
        var stateful = new Option<bool>("--stateful") { Description = "HTTP only: keep a session per client (Mcp-Session-Id, initialize handshake) instead of serving statelessly; a restart then ends every session." };
        var gateway = new GatewayCommandOptions();

        var command = new Command("serve", "Run the sandbox: a local server with the service's four MCP tools (generate_media, get_generation_status, get_generation_estimate, get_models), checked by the same rule engine. With --upstream URL: the validating gateway in front of that service instead.")
        {
            stdio, http, port, urls, token, jobSeconds, failRate, failedRate, latency, seed, outDir, verbose, stateful,
        };
        gateway.AddTo(command);
        catalog.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            bool useStdio = parse.GetValue(stdio);
            bool useHttp = parse.GetValue(http);
            if (useStdio == useHttp)
            {
                throw CommandFailedException.Usage("choose one of --stdio or --http.");
            }

            string[] urlList = parse.GetValue(urls) ?? Array.Empty<string>();
            if (urlList.Length == 0)
            {
                urlList = new[] { $"http://127.0.0.1:{parse.GetValue(port) ?? 0}" };
            }
            else if (parse.GetValue(port) is not null)
            {
                throw CommandFailedException.Usage("give --port or --urls, not both.");
            }

            if (parse.GetValue(gateway.Upstream) is not null)
            {
                Option[] sandboxOnly = { jobSeconds, failRate, failedRate, latency, seed, outDir, stateful };
                if (sandboxOnly.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is Option extra)
                {
                    throw CommandFailedException.Usage($"{extra.Name} configures the sandbox and does not apply with --upstream.");
                }

                return await gateway.RunAsync(parse, catalog, useStdio, urlList, parse.GetValue(token), parse.GetValue(verbose), output, error, cancellationToken);
            }

            var options = new SandboxOptions
            {
                JobDuration = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(jobSeconds))),
                FailRate = parse.GetValue(failRate),
                FailedRate = parse.GetValue(failedRate),
                Latency = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(latency))),
                RandomSeed = parse.GetValue(seed),
                CatalogPaths = catalog.SandboxPaths(parse),
                IncludeShippedCatalog = !parse.GetValue(catalog.NoShipped),
                Token = parse.GetValue(token),
                Urls = urlList,
                OutputDirectory = parse.GetValue(outDir),
                Verbose = parse.GetValue(verbose),
                StatefulSessions = parse.GetValue(stateful),
            };

            if (useStdio && options.StatefulSessions)
            {
                throw CommandFailedException.Usage("--stateful applies to --http only (a stdio connection is one session already).");
            }

            try
            {
                return useStdio ? await ServeStdioAsync(options, error, cancellationToken) : await ServeHttpAsync(options, output, error, cancellationToken);
            }
            catch (SandboxConfigurationException exception)
            {
                throw CommandFailedException.Usage(exception.Message);
            }
        });
        return command;
    }

    private static async Task<int> ServeHttpAsync(SandboxOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using SandboxServer server = await SandboxServer.StartAsync(options, cancellationToken);
        output.WriteLine($"Sandbox listening: {server.Endpoint} (outputs at {server.BaseAddress}files/). Ctrl+C stops it.");
        output.Flush();
        try
        {
            await server.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        error.WriteLine("sandbox: " + server.Counters);
        return ExitCodes.Success;
    }

    private static async Task<int> ServeStdioAsync(SandboxOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        var server = new SandboxStreamServer(options);
        error.WriteLine($"sandbox: serving MCP on stdio; outputs in {server.OutputFolder}");
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

        error.WriteLine("sandbox: " + server.Counters);
        return ExitCodes.Success;
    }
}
