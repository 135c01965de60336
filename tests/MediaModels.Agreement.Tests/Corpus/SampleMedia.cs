using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;

namespace MediaModels.Agreement.Tests.Corpus;

/// <summary>Media URLs for the corpus, in the formats the catalog lists for an input (or outside them, on purpose).</summary>
internal static class SampleMedia
{
    private static readonly string[] Hosts =
    {
        "https://media.example.com/inputs/",
        "https://cdn.example.org/assets/2026/03/",
        "http://images.example.net/",
    };

    /// <summary>Extensions a URL may end with; which kind each names and whether a catalog lists it is asked of the rule engine's <see cref="MediaUrl"/>.</summary>
    private static readonly string[] Extensions = { "png", "jpg", "jpeg", "webp", "gif", "bmp", "tiff", "avif", "heic", "mp4", "mov", "webm", "mkv", "avi", "m4v" };

    public static string Image(Random random, EquatableArray<string> formats, string stem) => Url(random, stem, Listed(formats, UrlMediaKind.Image, "png", random));

    public static string Video(Random random, EquatableArray<string> formats, string stem) => Url(random, stem, Listed(formats, UrlMediaKind.Video, "mp4", random));

    /// <summary>A URL of <paramref name="kind"/> whose extension <paramref name="formats"/> does not list, or null when every one is listed.</summary>
    public static string? Unlisted(Random random, EquatableArray<string> formats, UrlMediaKind kind, string stem)
    {
        if (formats.IsEmpty)
        {
            return null;
        }

        string[] candidates = Extensions
            .Where(e => MediaUrl.KindOf("x." + e) == kind && !MediaUrl.HasFormat("x." + e, formats))
            .ToArray();
        return candidates.Length == 0 ? null : Url(random, stem, candidates[random.Next(candidates.Length)]);
    }

    private static string Listed(EquatableArray<string> formats, UrlMediaKind kind, string fallback, Random random)
    {
        string[] listed = Extensions.Where(e => MediaUrl.KindOf("x." + e) == kind && !formats.IsEmpty && MediaUrl.HasFormat("x." + e, formats)).ToArray();
        string extension = listed.Length == 0 ? fallback : listed[random.Next(listed.Length)];
        return random.Next(8) == 0 ? extension.ToUpperInvariant() : extension;
    }

    private static string Url(Random random, string stem, string extension)
    {
        string url = Hosts[random.Next(Hosts.Length)] + stem + "." + extension;
        return random.Next(6) == 0 ? url + "?v=" + random.Next(1, 99) : url;
    }

    /// <summary>Strings that are not absolute http(s) URLs, and a few odd ones that are.</summary>
    public static IReadOnlyList<string> NotHttp { get; } = new[]
    {
        "ftp://files.example.com/in/a.png",
        "file:///tmp/a.png",
        "/images/a.png",
        "a.png",
        "https://",
        "https:///a.png",
        "http:// example.com/a.png",
        "//cdn.example.com/a.png",
        "https://example.com/a b.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "",
    };
}
