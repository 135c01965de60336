using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MediaModels.Client.Tests;

internal static class TestKit
{
    /// <summary>Generous: the machine is shared and slow; no test asserts a duration.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    public static MediaClientOptions Fast(this MediaClientOptions options)
    {
        options.MinPollInterval = TimeSpan.FromMilliseconds(20);
        options.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        options.RetryDelay = TimeSpan.FromMilliseconds(10);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
        options.GenerationTimeout = Patience;
        return options;
    }

    public static Task<SandboxServer> StartHttpAsync(double jobSeconds = 0.1, double failRate = 0, double failedRate = 0, string? token = null, IReadOnlyList<string>? catalog = null, int? seed = null) =>
        SandboxServer.StartAsync(new SandboxOptions
        {
            JobDuration = TimeSpan.FromSeconds(jobSeconds),
            FailRate = failRate,
            FailedRate = failedRate,
            Token = token,
            CatalogPaths = catalog ?? Array.Empty<string>(),
            RandomSeed = seed,
        });

    public static Task<MediaClient> ConnectAsync(SandboxServer sandbox, string? token = null) =>
        MediaClient.ConnectAsync(new MediaClientOptions { Endpoint = sandbox.Endpoint, BearerToken = token }.Fast(), Timeout());

    /// <summary>Options that start the real command, <c>mediamodels serve --stdio</c>, as a child process.</summary>
    public static MediaClientOptions Stdio(params string[] serveArguments)
    {
        var options = new MediaClientOptions { StdioCommand = "dotnet" }.Fast();
        options.StdioArguments.Add(Path.Combine(AppContext.BaseDirectory, "MediaModels.Cli.dll"));
        options.StdioArguments.Add("serve");
        options.StdioArguments.Add("--stdio");
        foreach (string argument in serveArguments)
        {
            options.StdioArguments.Add(argument);
        }

        return options;
    }

    public static GenerateMediaRequest TextToImage() => new() { Model = "nano-banana", Prompt = "A red car on a mountain road", AspectRatio = "16:9" };

    public static GenerateMediaRequest ImageToVideo() => new()
    {
        Model = "kling-2-6-image-to-video",
        Prompt = "Gentle motion and subtle movement",
        GenerationType = "image-to-video",
        SourceMediaUrls = new[] { "https://example.com/your-image.jpg" },
        AspectRatio = "16:9",
        Duration = "5s",
    };

    /// <summary>Checks the PNG signature, that every chunk's CRC is right, and returns IHDR's size.</summary>
    public static (int Width, int Height) AssertValidPng(byte[] bytes)
    {
        Assert.True(bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        int at = 8;
        (int, int)? size = null;
        bool ended = false;
        while (at + 12 <= bytes.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            string type = Encoding.ASCII.GetString(bytes, at + 4, 4);
            byte[] data = bytes.AsSpan(at + 8, length).ToArray();
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + length));
            Assert.Equal(MediaFiles.Crc32(Encoding.ASCII.GetBytes(type), data), crc);
            if (type == "IHDR")
            {
                size = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4)));
            }

            ended = type == "IEND";
            at += 12 + length;
        }

        Assert.True(ended, "IEND chunk");
        Assert.NotNull(size);
        return size!.Value;
    }

    /// <summary>The top-level box types of an MP4, checking that the sizes tile the file exactly.</summary>
    public static List<string> Mp4Boxes(byte[] bytes)
    {
        var boxes = new List<string>();
        int at = 0;
        while (at < bytes.Length)
        {
            Assert.True(at + 8 <= bytes.Length, "box header fits");
            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            Assert.True(size >= 8 && at + size <= bytes.Length, $"box size {size} at {at}");
            boxes.Add(Encoding.ASCII.GetString(bytes, at + 4, 4));
            at += (int)size;
        }

        return boxes;
    }
}

/// <summary>An MCP server of the test's own (the SDK over in-memory pipes), to make a service misbehave.</summary>
internal sealed class FakeServer : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private int _generateCalls;

    public FakeServer(Func<string, CallToolResult> answer)
    {
        var options = new McpServerOptions { ToolCollection = new McpServerPrimitiveCollection<McpServerTool>() };
        foreach (string name in new[] { "generate_media", "get_generation_status", "get_generation_estimate", "get_models" })
        {
            options.ToolCollection.Add(new DelegateTool(name, () =>
            {
                if (name == "generate_media")
                {
                    Interlocked.Increment(ref _generateCalls);
                }

                return answer(name);
            }));
        }

        _run = Task.Run(async () =>
        {
            await using var transport = new StreamServerTransport(_toServer.Reader.AsStream(), _toClient.Writer.AsStream(), "fake");
            await using McpServer server = McpServer.Create(transport, options);
            try
            {
                await server.RunAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public int GenerateCalls => Volatile.Read(ref _generateCalls);

    public MediaClientOptions ClientOptions() =>
        new MediaClientOptions { TransportFactory = () => new StreamClientTransport(_toServer.Writer.AsStream(), _toClient.Reader.AsStream()) }.Fast();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _toServer.Writer.Complete();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
        }
    }

    private sealed class DelegateTool : McpServerTool
    {
        private readonly Func<CallToolResult> _answer;

        public DelegateTool(string name, Func<CallToolResult> answer)
        {
            ProtocolTool = new Tool { Name = name, InputSchema = System.Text.Json.JsonDocument.Parse("{\"type\":\"object\"}").RootElement.Clone() };
            _answer = answer;
        }

        public override Tool ProtocolTool { get; }

        public override IReadOnlyList<object> Metadata { get; } = Array.Empty<object>();

        public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
            new(_answer());
    }
}
