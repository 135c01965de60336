using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using MediaModels.Client;
using MediaModels.Client.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the media client with dependency injection.</summary>
public static class MediaModelsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MediaClient"/> and <see cref="IMediaClient"/> (one singleton) with options bound from the
    /// <c>MediaModels</c> configuration section when an <see cref="IConfiguration"/> is registered, then
    /// <paramref name="configure"/>; the options are checked when the host starts (<c>ValidateOnStart</c>). The HTTP
    /// transport takes its <see cref="HttpClient"/> from <c>IHttpClientFactory</c> (named
    /// <see cref="MediaClientOptions.HttpClientName"/>); the returned builder adds the app's own handlers to it, which
    /// then see every request. Logs go to the container's <see cref="ILoggerFactory"/>, metrics to its
    /// <see cref="IMeterFactory"/> when there is one.
    /// </summary>
    /// <remarks>
    /// Do not add a retry handler (e.g. a standard resilience handler) to the returned builder: the client retries
    /// itself and never sends <c>generate_media</c> twice unless the service provably did not accept it, which a
    /// generic HTTP retry cannot know.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Applied after the configuration section, e.g. to set a <see cref="MediaClientOptions.BearerTokenProvider"/>.</param>
    public static IHttpClientBuilder AddMediaModelsClient(this IServiceCollection services, Action<MediaClientOptions>? configure = null) =>
        services.AddMediaModelsClient(MediaClientOptions.SectionName, configure);

    /// <summary>As <see cref="AddMediaModelsClient(IServiceCollection, Action{MediaClientOptions})"/>, binding the section at <paramref name="configurationSectionPath"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configurationSectionPath">The configuration section to bind, e.g. <c>Services:Media</c>.</param>
    /// <param name="configure">Applied after the configuration section.</param>
    public static IHttpClientBuilder AddMediaModelsClient(this IServiceCollection services, string configurationSectionPath, Action<MediaClientOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrWhiteSpace(configurationSectionPath))
        {
            throw new ArgumentException("A configuration section path is required (e.g. \"MediaModels\").", nameof(configurationSectionPath));
        }

        OptionsBuilder<MediaClientOptions> options = services.AddOptions<MediaClientOptions>()
            .Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(configurationSectionPath).Bind(o));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaClientOptions>>(new MediaClientOptionsValidator(configurationSectionPath)));

        services.TryAddSingleton(provider =>
        {
            IHttpClientFactory httpClients = provider.GetRequiredService<IHttpClientFactory>();
            return new MediaClient(
                provider.GetRequiredService<IOptions<MediaClientOptions>>().Value,
                provider.GetService<ILoggerFactory>(),
                () => httpClients.CreateClient(MediaClientOptions.HttpClientName),
                provider.GetService<IMeterFactory>());
        });
        services.TryAddSingleton<IMediaClient>(provider => provider.GetRequiredService<MediaClient>());

        // The status handler comes first: the retry rules read the HTTP status it raises, whatever the app adds after it.
        return services.AddHttpClient(MediaClientOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(MediaClient.CreatePrimaryHandler)
            .AddHttpMessageHandler(() => new HttpStatusHandler())
            .AddHttpMessageHandler(provider => new RequestHeadersHandler(provider.GetRequiredService<IOptions<MediaClientOptions>>().Value));
    }
}
