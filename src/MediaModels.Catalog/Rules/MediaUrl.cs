using System;

namespace MediaModels.Catalog.Rules;

/// <summary>What a URL's file extension says it points at.</summary>
public enum UrlMediaKind
{
    /// <summary>No recognised extension.</summary>
    Unknown,

    /// <summary>An image extension (.jpg, .png, .webp…).</summary>
    Image,

    /// <summary>A video extension (.mp4, .webm, .mov…).</summary>
    Video,
}

/// <summary>Allocation-free checks of media URLs: absolute http(s), and the kind and format named by the extension.</summary>
public static class MediaUrl
{
    private static readonly string[] ImageExtensions = { "jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff", "avif", "heic", "heif" };
    private static readonly string[] VideoExtensions = { "mp4", "webm", "mov", "m4v", "avi", "mkv", "mpeg", "mpg", "3gp" };

    /// <summary>True for an absolute URL with the http or https scheme and a host.</summary>
    public static bool IsAbsoluteHttp(string url)
    {
        int schemeEnd = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : -1;
        if (schemeEnd < 0 || url.Length == schemeEnd)
        {
            return false;
        }

        char first = url[schemeEnd];
        if (first is '/' or '?' or '#' or ':' || char.IsWhiteSpace(first))
        {
            return false;
        }

        foreach (char c in url)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The kind the URL's path extension names (query and fragment ignored).</summary>
    public static UrlMediaKind KindOf(string url)
    {
        ReadOnlySpan<char> extension = ExtensionOf(url);
        if (extension.IsEmpty)
        {
            return UrlMediaKind.Unknown;
        }

        if (IsOneOf(extension, ImageExtensions))
        {
            return UrlMediaKind.Image;
        }

        return IsOneOf(extension, VideoExtensions) ? UrlMediaKind.Video : UrlMediaKind.Unknown;
    }

    /// <summary>
    /// True when the URL's extension is one of <paramref name="formats"/> (JPG and JPEG count as one), or when the URL
    /// has no extension to judge by.
    /// </summary>
    public static bool HasFormat(string url, EquatableArray<string> formats)
    {
        ReadOnlySpan<char> extension = ExtensionOf(url);
        if (extension.IsEmpty || formats.IsEmpty)
        {
            return true;
        }

        foreach (string format in formats)
        {
            if (extension.Equals(format.AsSpan(), StringComparison.OrdinalIgnoreCase)
                || (IsJpeg(extension) && IsJpeg(format.AsSpan())))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The extension of the URL's path, without the dot; empty when there is none.</summary>
    public static ReadOnlySpan<char> ExtensionOf(string url)
    {
        ReadOnlySpan<char> span = url.AsSpan();
        int end = span.IndexOfAny('?', '#');
        if (end >= 0)
        {
            span = span.Slice(0, end);
        }

        int slash = span.LastIndexOf('/');
        int dot = span.LastIndexOf('.');
        int schemeEnd = span.IndexOf("://".AsSpan());
        if (dot < 0 || dot < slash || (schemeEnd >= 0 && slash <= schemeEnd + 2))
        {
            return ReadOnlySpan<char>.Empty; // "https://example.com" has a dot in the host, not an extension.
        }

        return span.Slice(dot + 1);
    }

    private static bool IsJpeg(ReadOnlySpan<char> extension) =>
        extension.Equals("jpg".AsSpan(), StringComparison.OrdinalIgnoreCase) || extension.Equals("jpeg".AsSpan(), StringComparison.OrdinalIgnoreCase);

    private static bool IsOneOf(ReadOnlySpan<char> extension, string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (extension.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
