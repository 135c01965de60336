using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using MediaModels.Validation;

namespace MediaModels.Tests;

/// <summary>Truncated and mutated requests: the reader never throws and its result is self-consistent.</summary>
public class RequestJsonReaderFuzzTests
{
    private const string Valid = """
        {
          "prompt": "@hero walks through a café at dusk, 猫 😀",
          "model": "kling-3-0-pro",
          "generation_type": "image-to-video",
          "negative_prompt": "blur",
          "source_media_urls": ["https://e.com/start.png", "https://e.com/end.png"],
          "aspect_ratio": "16:9",
          "duration": "5s",
          "quality": "pro",
          "sound": true,
          "seed": 4.2e1,
          "kling_elements": [
            { "name": "hero", "description": "the hero", "element_input_urls": ["https://e.com/a.png", "https://e.com/b.png"] },
            { "name": "dog", "description": "a dog", "element_input_video_urls": ["https://e.com/d.mp4"], "x": [1, {"y": null}] }
          ],
          "extra": {"nested": [true, false, -1.5e-3, "s\"q\\u00e9"]}
        }
        """;

    private static readonly byte[] Noise = Encoding.UTF8.GetBytes("{}[]\":,.-+eE0123456789 \n\\tfnul\"xé")
        .Concat(new byte[] { 0x00, 0x1F, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF })
        .ToArray();

    private static readonly string[] Targets =
    {
        "\"@hero walks through a café at dusk, 猫 😀\"", "\"kling-3-0-pro\"", "\"image-to-video\"", "\"blur\"",
        "[\"https://e.com/start.png\", \"https://e.com/end.png\"]", "\"https://e.com/end.png\"", "\"16:9\"", "\"5s\"",
        "\"pro\"", "true", "4.2e1", "\"hero\"", "\"the hero\"", "\"https://e.com/b.png\"", "[\"https://e.com/d.mp4\"]",
        "{ \"name\": \"dog\"", "\"model\"", "\"seed\"", "\"name\"", "\"sound\":", "\"quality\": \"pro\",",
    };

    private static readonly string[] Replacements =
    {
        "1", "-1.5", "1e999", "\"s\"", "null", "true", "[]", "{}", "[1]", "[\"a\", 2]", "[{}]", "[[\"x\"]]", "{\"a\":1}",
        "\"modle\"", "\"Seed\"", "\"nmae\"", "\"sound\": 1, \"sound\":", "\"quality\": \"pro\", \"quality\": 3,", "\"\"",
    };

    public static IEnumerable<object[]> Inputs()
    {
        byte[] valid = Encoding.UTF8.GetBytes(Valid);
        var random = new Random(20250101);
        var inputs = new List<byte[]>();

        // Every 3rd truncation (including the empty text and cuts inside multi-byte characters).
        for (int length = 0; length < valid.Length; length += 3)
        {
            inputs.Add(valid.Take(length).ToArray());
        }

        // Values swapped for values of other types, keys renamed or duplicated: well-formed, wrongly typed.
        for (int i = 0; i < 120; i++)
        {
            string text = Valid;
            int edits = 1 + random.Next(3);
            for (int e = 0; e < edits; e++)
            {
                string target = Targets[random.Next(Targets.Length)];
                string replacement = Replacements[random.Next(Replacements.Length)];
                int at = text.IndexOf(target, StringComparison.Ordinal);
                if (at >= 0)
                {
                    text = text.Substring(0, at) + replacement + text.Substring(at + target.Length);
                }
            }

            inputs.Add(Encoding.UTF8.GetBytes(text));
        }

        // Duplicate keys, at the top and inside an element.
        inputs.Add(Encoding.UTF8.GetBytes(Valid.Replace("\"sound\": true", "\"sound\": true, \"sound\": \"x\"")));
        inputs.Add(Encoding.UTF8.GetBytes(Valid.Replace("\"name\": \"dog\"", "\"name\": \"dog\", \"name\": [1]")));
        inputs.Add(Encoding.UTF8.GetBytes(Valid.Replace("\"extra\"", "\"kling_elements\": 5, \"extra\"")));

        // Single-byte replacements, insertions and deletions, then a few multi-edit ones.
        while (inputs.Count < 560)
        {
            byte[] mutated = valid.ToArray();
            int edits = inputs.Count % 5 == 0 ? 1 + random.Next(6) : 1;
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(mutated.Length);
                byte noise = Noise[random.Next(Noise.Length)];
                mutated = random.Next(3) switch
                {
                    0 => mutated.Take(at).Append(noise).Concat(mutated.Skip(at + 1)).ToArray(),
                    1 => mutated.Take(at).Append(noise).Concat(mutated.Skip(at)).ToArray(),
                    _ => mutated.Take(at).Concat(mutated.Skip(at + 1)).ToArray(),
                };
            }

            inputs.Add(mutated);
        }

        return inputs.Select((bytes, i) => new object[] { i, Convert.ToBase64String(bytes) });
    }

    [Fact]
    public void There_are_about_500_inputs() => Assert.InRange(Inputs().Count(), 500, 600);

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Never_throws_and_stays_consistent(int index, string base64)
    {
        _ = index;
        byte[] bytes = Convert.FromBase64String(base64);

        RequestReadResult result = RequestJsonReader.Read(bytes);
        RequestReadResult fromString = RequestJsonReader.Read(Encoding.UTF8.GetString(bytes)); // lossy for invalid UTF-8: fine

        bool syntaxError = result.Violations.Any(v => v.Id == "MM0007" && !v.Message.StartsWith("Duplicate key", StringComparison.Ordinal));
        Assert.Equal(syntaxError, result.Request is null);
        Assert.All(result.Violations, v => Assert.True(result.TryGetPosition(v, out JsonTextPosition p) && p.Line >= 1 && p.Column >= 1));
        Assert.NotNull(fromString.Violations);

        if (result.Request is not null)
        {
            // Well-formed: System.Text.Json agrees, and the request writes valid JSON that reads back the same way.
            using JsonDocument document = JsonDocument.Parse(bytes.AsMemory(bytes.Length >= 3 && bytes[0] == 0xEF ? 3 : 0));
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            string written = result.Request.ToJson();
            RequestReadResult again = RequestJsonReader.Read(written);
            Assert.DoesNotContain(again.Violations, v => v.Id is "MM0005" or "MM0007");
            Assert.Equal(written, again.Request!.ToJson());
            Assert.Equal(written, GenerateMediaRequest.FromJson(written).ToJson());
        }
    }

    [Fact]
    public void Strings_with_lone_surrogates_do_not_throw()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"prompt\":\"a\uD800b\",\"model\":\"\uDC00\"}");

        Assert.Empty(result.Violations);
        Assert.Equal("a\uFFFDb", result.Request!.Prompt);
    }
}
