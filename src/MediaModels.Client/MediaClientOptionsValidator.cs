using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Options;

namespace MediaModels.Client;

/// <summary>
/// Checks <see cref="MediaClientOptions"/> before a client uses them: a transport is named (an absolute http(s)
/// <see cref="MediaClientOptions.Endpoint"/>, a <see cref="MediaClientOptions.StdioCommand"/> or a
/// <see cref="MediaClientOptions.TransportFactory"/>), one kind of token at most, and sane waits and retry counts.
/// <c>AddMediaModelsClient</c> registers it with <c>ValidateOnStart</c>, so a host with a bad configuration stops at
/// start with every problem listed; <see cref="MediaClient"/>'s constructor runs the same checks.
/// </summary>
public sealed class MediaClientOptionsValidator : IValidateOptions<MediaClientOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator whose messages name settings by their configuration keys under <paramref name="sectionPath"/>.</summary>
    /// <param name="sectionPath">The configuration section the options are bound from, e.g. <c>MediaModels</c>; null names them as C# properties (<c>MediaClientOptions.Endpoint</c>).</param>
    public MediaClientOptionsValidator(string? sectionPath = null)
    {
        _prefix = string.IsNullOrEmpty(sectionPath) ? nameof(MediaClientOptions) + "." : sectionPath + ":";
    }

    /// <summary>True when <paramref name="endpoint"/> is an absolute <c>http</c> or <c>https</c> URL.</summary>
    /// <param name="endpoint">A URL.</param>
    public static bool IsHttpEndpoint(Uri? endpoint) =>
        endpoint is not null && endpoint.IsAbsoluteUri && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MediaClientOptions options)
    {
        IReadOnlyList<string> problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem with <paramref name="options"/>, one sentence each; empty when they can be used.</summary>
    /// <param name="options">The options to check.</param>
    public IReadOnlyList<string> Problems(MediaClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var problems = new List<string>();
        bool hasStdio = !string.IsNullOrWhiteSpace(options.StdioCommand);
        if (options.TransportFactory is null)
        {
            if (options.Endpoint is null || (!options.Endpoint.IsAbsoluteUri && options.Endpoint.OriginalString.Trim().Length == 0))
            {
                if (!hasStdio)
                {
                    problems.Add($"{Key(nameof(MediaClientOptions.Endpoint))} is not set: set it to the service's Streamable HTTP URL (e.g. https://example.com/mcp), or set {Key(nameof(MediaClientOptions.StdioCommand))} to speak to a server process over stdio.");
                }
            }
            else if (!IsHttpEndpoint(options.Endpoint))
            {
                problems.Add($"{Key(nameof(MediaClientOptions.Endpoint))} must be an absolute http(s) URL such as https://example.com/mcp; got '{options.Endpoint.OriginalString}'.");
            }
            else if (hasStdio)
            {
                problems.Add($"Set {Key(nameof(MediaClientOptions.Endpoint))} or {Key(nameof(MediaClientOptions.StdioCommand))}, not both.");
            }
        }

        if (!string.IsNullOrEmpty(options.BearerToken) && options.BearerTokenProvider is not null)
        {
            problems.Add($"Set {Key(nameof(MediaClientOptions.BearerToken))} or {Key(nameof(MediaClientOptions.BearerTokenProvider))}, not both.");
        }

        Positive(problems, nameof(MediaClientOptions.MinPollInterval), options.MinPollInterval);
        PositiveOrInfinite(problems, nameof(MediaClientOptions.GenerationTimeout), options.GenerationTimeout);
        PositiveOrInfinite(problems, nameof(MediaClientOptions.CallTimeout), options.CallTimeout);
        if (options.MaxPollInterval < options.MinPollInterval)
        {
            problems.Add($"{Key(nameof(MediaClientOptions.MaxPollInterval))} ({options.MaxPollInterval}) must not be shorter than {Key(nameof(MediaClientOptions.MinPollInterval))} ({options.MinPollInterval}).");
        }

        if (options.MaxRetryAttempts < 0)
        {
            problems.Add($"{Key(nameof(MediaClientOptions.MaxRetryAttempts))} must be 0 or more; got {options.MaxRetryAttempts}.");
        }

        if (options.MaxRetryAttempts > 0)
        {
            Positive(problems, nameof(MediaClientOptions.RetryDelay), options.RetryDelay);
            if (options.MaxRetryDelay < options.RetryDelay)
            {
                problems.Add($"{Key(nameof(MediaClientOptions.MaxRetryDelay))} ({options.MaxRetryDelay}) must not be shorter than {Key(nameof(MediaClientOptions.RetryDelay))} ({options.RetryDelay}).");
            }
        }

        return problems;
    }

    private void Positive(List<string> problems, string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{Key(property)} must be longer than zero; got {value}.");
        }
    }

    private void PositiveOrInfinite(List<string> problems, string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            problems.Add($"{Key(property)} must be longer than zero (or Timeout.InfiniteTimeSpan for no limit); got {value}.");
        }
    }

    private string Key(string property) => _prefix + property;
}
