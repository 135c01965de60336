using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace MediaModels.Gateway.Tests;

/// <summary>A <c>generate_media</c> that fails after it was sent is reported as such and never sent again.</summary>
public sealed class OutcomeUnknownTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_generate_media_that_fails_after_sending_is_an_outcome_unknown_error_and_is_sent_once(bool dropConnection)
    {
        await using FailingUpstream upstream = await FailingUpstream.StartAsync(dropConnection);
        await using GatewayRig rig = await GatewayRig.StartAsync(AgentTransport.Http, new GatewayOptions { Upstream = upstream.Endpoint, MaxCredits = 10 });

        CallToolResult result = await rig.CallAsync("generate_media", ForwardingTests.ValidImage);

        Assert.True(result.IsError);
        Assert.Equal("upstream_outcome_unknown", result.ErrorCode());
        Assert.Contains("may or may not have processed it. The gateway does not resend it.", result.Text());
        Assert.Equal(1, upstream.GenerateMediaPosts);

        // The session is reopened for the next call, which works.
        CallToolResult models = await rig.CallAsync("get_models", new { });
        Assert.False(models.IsError == true, models.Text());
        Assert.Equal(1, upstream.GenerateMediaPosts);
    }

    [Fact]
    public async Task A_404_after_sending_is_an_ended_session_reported_as_not_accepted_and_the_next_call_goes_through()
    {
        await using FailingUpstream upstream = await FailingUpstream.StartAsync(dropConnection: false, status: StatusCodes.Status404NotFound, failures: 1);
        await using GatewayRig rig = await GatewayRig.StartAsync(AgentTransport.Http, new GatewayOptions { Upstream = upstream.Endpoint });

        CallToolResult lost = await rig.CallAsync("generate_media", ForwardingTests.ValidImage);
        CallToolResult sentAgain = await rig.CallAsync("generate_media", ForwardingTests.ValidImage);

        Assert.True(lost.IsError == true, lost.Text());
        Assert.Equal("upstream_not_accepted", lost.ErrorCode());
        Assert.Contains("ended the gateway's session (HTTP 404)", lost.Text());
        Assert.False(sentAgain.IsError == true, sentAgain.Text());
        Assert.Equal(2, upstream.GenerateMediaPosts);
    }

    /// <summary>
    /// An upstream on an older protocol revision with sessions (the SDK's Stateful mode answers the 2026-07-28 revision
    /// with HTTP 400): the gateway negotiates its own revision with it, whatever the agent uses. When the upstream
    /// restarts, the call that meets the ended session is reported as not accepted and the next call opens a new one.
    /// </summary>
    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task A_stateful_upstream_on_an_older_revision_works_and_its_restart_is_reported_as_not_accepted(AgentTransport transport)
    {
        var stateful = new SandboxOptions { StatefulSessions = true, JobDuration = TimeSpan.FromSeconds(0.1) };
        SandboxServer first = await SandboxServer.StartAsync(stateful);
        string authority = first.BaseAddress.GetLeftPart(UriPartial.Authority);
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, new GatewayOptions { Upstream = first.Endpoint });
        CallToolResult listed = await rig.CallAsync("get_models", new { });
        Assert.False(listed.IsError == true, listed.Text());
        Assert.Equal(1, first.Counters.SessionsOpened);
        await first.DisposeAsync();
        await using SandboxServer restarted = await SandboxServer.StartAsync(stateful with { Urls = new[] { authority } });

        CallToolResult lost = await rig.CallAsync("generate_media", ForwardingTests.ValidImage);
        CallToolResult sentAgain = await rig.CallAsync("generate_media", ForwardingTests.ValidImage);

        Assert.True(lost.IsError == true, lost.Text());
        Assert.Equal("upstream_not_accepted", lost.ErrorCode());
        Assert.False(sentAgain.IsError == true, sentAgain.Text());
        Assert.Equal(1, restarted.Counters.GenerateMediaCalls);
        Assert.Equal(1, restarted.Counters.UnknownSessionRequests);
    }

    /// <summary>The sandbox's tools behind a middleware that fails the first <c>failures</c> <c>generate_media</c> POSTs after reading them.</summary>
    private sealed class FailingUpstream : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _generatePosts;

        private FailingUpstream(WebApplication app)
        {
            _app = app;
            Endpoint = new Uri(app.Urls.First() + "/mcp");
        }

        public Uri Endpoint { get; }

        public int GenerateMediaPosts => Volatile.Read(ref _generatePosts);

        public static async Task<FailingUpstream> StartAsync(bool dropConnection, int status = StatusCodes.Status500InternalServerError, int failures = int.MaxValue)
        {
            var service = new SandboxService(new SandboxOptions(), rpcFaults: false);
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddMcpServer().WithHttpTransport().WithTools(service.CreateTools());
            WebApplication app = builder.Build();
            FailingUpstream? self = null;
            app.Use(async (context, next) =>
            {
                if (HttpMethods.IsPost(context.Request.Method))
                {
                    context.Request.EnableBuffering();
                    string body = await new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync();
                    context.Request.Body.Position = 0;
                    if (body.Contains("\"tools/call\"", StringComparison.Ordinal) && body.Contains("\"generate_media\"", StringComparison.Ordinal))
                    {
                        if (Interlocked.Increment(ref self!._generatePosts) > failures)
                        {
                            context.Request.Body.Position = 0;
                            await next(context);
                            return;
                        }

                        if (dropConnection)
                        {
                            context.Abort();
                        }
                        else
                        {
                            context.Response.StatusCode = status;
                            await context.Response.WriteAsync("boom");
                        }

                        return;
                    }
                }

                await next(context);
            });
            app.MapMcp("/mcp");
            await app.StartAsync();
            self = new FailingUpstream(app);
            return self;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
