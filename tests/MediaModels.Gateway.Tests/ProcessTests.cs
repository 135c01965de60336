using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MediaModels.Gateway.Tests;

/// <summary>The real command, <c>mediamodels serve --stdio --upstream URL</c>, started the way a desktop agent starts it.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_stdio_command_refuses_an_invalid_call_forwards_a_valid_one_and_keeps_stdout_for_the_protocol()
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1) });
        var stderr = new List<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = new[] { Path.Combine(AppContext.BaseDirectory, "MediaModels.Cli.dll"), "serve", "--stdio", "--upstream", upstream.Endpoint.ToString(), "--max-credits", "1000" },
            StandardErrorLines = line =>
            {
                lock (stderr)
                {
                    stderr.Add(line);
                }
            },
        });

        await using (McpClient agent = await McpClient.CreateAsync(transport, cancellationToken: GatewayRig.Timeout()))
        {
            IList<McpClientTool> tools = await agent.ListToolsAsync(cancellationToken: GatewayRig.Timeout());
            Assert.Contains("kling-2-6-image-to-video (video):", tools.Single(t => t.Name == "generate_media").Description);

            CallToolResult refused = await GatewayRig.CallAsync(agent, "generate_media", new { model = "sora-2", generation_type = "text-to-video", prompt = "Waves", duration = "7s" });
            CallToolResult accepted = await GatewayRig.CallAsync(agent, "generate_media", ForwardingTests.ValidImage);

            Assert.Equal(new[] { "MM0201" }, refused.DiagnosticIds());
            Assert.False(accepted.IsError == true, accepted.Text());
            Assert.Equal(1, upstream.Counters.GenerateMediaCalls);
        }

        // Closing the agent's end ends the session; the command then writes its summary to stderr and exits.
        string? summary = null;
        for (int wait = 0; wait < 100 && summary is null; wait++)
        {
            lock (stderr)
            {
                summary = stderr.FirstOrDefault(l => l.StartsWith("gateway: calls forwarded", StringComparison.Ordinal));
            }

            if (summary is null)
            {
                await Task.Delay(100);
            }
        }

        lock (stderr)
        {
            Assert.Contains(stderr, l => l.Contains("serving MCP on stdio in front of", StringComparison.Ordinal));
            Assert.True(summary is not null, "No summary on stderr:\n" + string.Join("\n", stderr));
        }

        Assert.StartsWith("gateway: calls forwarded: 1; refused by a rule: 1 (MM0201 1);", summary);
    }
}

/// <summary>The command line's usage errors for the gateway's options.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("error: --upstream must be an absolute http(s) URL; got 'not-a-url'.", "--upstream", "not-a-url")]
    [InlineData("error: --job-seconds configures the sandbox and does not apply with --upstream.", "--upstream", "http://127.0.0.1:9/mcp", "--job-seconds", "1")]
    [InlineData("error: --max-concurrent must be greater than 0; got 0.", "--upstream", "http://127.0.0.1:9/mcp", "--max-concurrent", "0")]
    public async Task A_bad_gateway_option_is_a_usage_error_naming_it(string expected, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaModels.Cli.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--http");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(GatewayRig.Timeout());

        // A usage error (the command-line contract's exit code 2) with a hint to the command's help.
        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, error);
        Assert.Contains("mediamodels serve --help", error);
    }
}
