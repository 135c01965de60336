using System.Text;

namespace MediaModels.Tests;

internal static class JsonText
{
    /// <summary>Removes whitespace outside strings.</summary>
    public static string Minify(string json)
    {
        var sb = new StringBuilder(json.Length);
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                sb.Append(c);
                if (c == '\\')
                {
                    sb.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                sb.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

/// <summary>The two example requests of spec/media-tools.md, verbatim.</summary>
internal static class SpecExamples
{
    public const string TextToImage = """
        {
          "prompt": "A futuristic city at sunset with flying cars",
          "model": "nano-banana",
          "generation_type": "text-to-image",
          "aspect_ratio": "16:9",
          "quality": "pro"
        }
        """;

    public const string ImageToVideo = """
        {
          "prompt": "Gentle motion and subtle movement",
          "model": "kling-2-6-image-to-video",
          "generation_type": "image-to-video",
          "source_media_urls": ["https://example.com/your-image.jpg"],
          "aspect_ratio": "16:9",
          "duration": "5s"
        }
        """;
}
