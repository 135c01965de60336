using System.Linq;
using System.Text;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;

namespace MediaModels.Tests;

public class RequestJsonReaderTests
{
    private static Violation Single(RequestReadResult result, string id) => Assert.Single(result.Violations, v => v.Id == id);

    private static JsonTextPosition PositionOf(RequestReadResult result, string path)
    {
        Assert.True(result.TryGetPosition(path, out JsonTextPosition position), $"no position for {path}");
        return position;
    }

    [Theory]
    [InlineData(SpecExamples.TextToImage)]
    [InlineData(SpecExamples.ImageToVideo)]
    public void Spec_examples_read_without_violations(string example)
    {
        RequestReadResult result = RequestJsonReader.Read(example);

        Assert.Empty(result.Violations);
        Assert.False(result.HasErrors);
        Assert.Equal(JsonText.Minify(example), result.Request!.ToJson());
        Assert.Equal(GenerateMediaRequest.FromJson(example).ToJson(), result.Request.ToJson());
    }

    [Fact]
    public void Positions_are_recorded_for_every_path_1_based_at_member_names_and_item_values()
    {
        RequestReadResult result = RequestJsonReader.Read(SpecExamples.ImageToVideo.Replace("\r\n", "\n"));

        Assert.Equal(new JsonTextPosition(1, 1), PositionOf(result, "$"));
        Assert.Equal(new JsonTextPosition(2, 3), PositionOf(result, "$.prompt"));
        Assert.Equal(new JsonTextPosition(3, 3), PositionOf(result, "$.model"));
        Assert.Equal(new JsonTextPosition(5, 3), PositionOf(result, "$.source_media_urls"));
        Assert.Equal(new JsonTextPosition(5, 25), PositionOf(result, "$.source_media_urls[0]"));
        Assert.Equal(new JsonTextPosition(7, 3), PositionOf(result, "$.duration"));
        Assert.Equal(8, result.Positions.Count);
        Assert.Equal("(7,3)", PositionOf(result, "$.duration").ToString());
    }

    [Fact]
    public void Facts_match_the_request_when_every_type_is_right()
    {
        const string json = "{\"prompt\":\"@a\",\"model\":\"kling-3-0-pro\",\"generation_type\":\"image-to-video\",\"negative_prompt\":\"n\","
            + "\"source_media_urls\":\"https://e.com/s.png\",\"aspect_ratio\":\"1:1\",\"duration\":\"5s\",\"quality\":\"pro\",\"sound\":true,"
            + "\"seed\":9,\"kling_elements\":[{\"name\":\"a\",\"description\":\"d\",\"element_input_urls\":[\"https://e.com/1.png\",\"https://e.com/2.png\"]}]}";

        RequestReadResult result = RequestJsonReader.Read(json);

        Assert.Empty(result.Violations);
        RequestFacts facts = result.Facts;
        Assert.Equal("@a", facts.Prompt.Value);
        Assert.Equal("kling-3-0-pro", facts.Model.Value);
        Assert.Equal("image-to-video", facts.GenerationType.Value);
        Assert.Equal("n", facts.NegativePrompt.Value);
        Assert.Equal(new[] { "https://e.com/s.png" }, facts.SourceMediaUrls.Value);
        Assert.Equal("1:1", facts.AspectRatio.Value);
        Assert.Equal("5s", facts.Duration.Value);
        Assert.Equal("pro", facts.Quality.Value);
        Assert.True(facts.Sound.Value);
        IElementFacts element = Assert.Single(facts.KlingElements.Value!);
        Assert.Equal("a", element.Name.Value);
        Assert.Equal("d", element.Description.Value);
        Assert.Equal(2, element.ImageUrls.Value!.Count);
        Assert.False(element.VideoUrls.IsPresent);
        Assert.Equal(9, result.Request!.Seed);
        Assert.Equal(new JsonTextPosition(1, 117), PositionOf(result, "$.source_media_urls[0]"));
    }

    // ---- MM0007 ----

    [Fact]
    public void Malformed_json_is_MM0007_at_the_error_line_and_column()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"prompt\": \"x\",\n  \"model\": }");

        Violation violation = Single(result, "MM0007");
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Equal("$", violation.Path);
        Assert.Contains("line 2, column 12", violation.Message);
        Assert.True(result.TryGetPosition(violation, out JsonTextPosition at));
        Assert.Equal(new JsonTextPosition(2, 12), at);
        Assert.Null(result.Request);
    }

    [Theory]
    [InlineData("[1,2]", "an array", 1, 1)]
    [InlineData("  \"text\"", "a string (\"text\")", 1, 3)]
    [InlineData("\n42", "a number (42)", 2, 1)]
    [InlineData("null", "null", 1, 1)]
    public void A_value_that_is_not_an_object_is_MM0007(string json, string found, int line, int column)
    {
        RequestReadResult result = RequestJsonReader.Read(json);

        Violation violation = Single(result, "MM0007");
        Assert.Contains("Expected a JSON object", violation.Message);
        Assert.Contains("found " + found, violation.Message);
        Assert.True(result.TryGetPosition(violation, out JsonTextPosition at));
        Assert.Equal(new JsonTextPosition(line, column), at);
        Assert.Null(result.Request);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public void Empty_text_is_MM0007(string json)
    {
        RequestReadResult result = RequestJsonReader.Read(json);

        Assert.Contains("empty", Single(result, "MM0007").Message);
        Assert.Null(result.Request);
    }

    [Theory]
    [InlineData("{} x", 1, 4)]
    [InlineData("{}\n{}", 2, 1)]
    [InlineData("{\"a\":1,}", 1, 8)]
    [InlineData("{\"a\":1 // c\n}", 1, 8)]
    [InlineData("{'a':1}", 1, 2)]
    [InlineData("{\"a\":01}", 1, 7)]
    public void Trailing_text_comments_trailing_commas_and_other_syntax_errors_are_MM0007(string json, int line, int column)
    {
        RequestReadResult result = RequestJsonReader.Read(json);

        Violation violation = Single(result, "MM0007");
        Assert.True(result.TryGetPosition(violation, out JsonTextPosition at));
        Assert.Equal(new JsonTextPosition(line, column), at);
        Assert.Contains($"line {line}, column {column}", violation.Message);
        Assert.Null(result.Request);
    }

    [Fact]
    public void A_duplicate_key_is_MM0007_at_the_second_key_and_the_last_value_is_read()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"model\":\"a\",\"source_media_urls\":[\"x\",\"y\"],\n \"model\":\"b\",\"source_media_urls\":[\"z\"]}");

        Assert.Equal(2, result.Violations.Count);
        Violation model = result.Violations[0];
        Assert.Equal(("MM0007", "$.model", Severity.Error), (model.Id, model.Path, model.Severity));
        Assert.Contains("Duplicate key 'model' at line 2, column 2 (first at line 1, column 2)", model.Message);
        Assert.True(result.TryGetPosition(model, out JsonTextPosition at));
        Assert.Equal(new JsonTextPosition(2, 2), at);
        Assert.Equal("b", result.Request!.Model);
        Assert.Equal(new[] { "z" }, result.Request.SourceMediaUrls);
        Assert.False(result.Positions.ContainsKey("$.source_media_urls[1]"));
    }

    [Fact]
    public void A_duplicate_key_inside_an_element_is_MM0007()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"kling_elements\":[{\"name\":\"a\",\"name\":\"b\"}]}");

        Assert.Equal("$.kling_elements[0].name", Single(result, "MM0007").Path);
        Assert.Equal("b", result.Request!.KlingElements![0].Name);
    }

    [Fact]
    public void A_duplicate_key_forgets_the_positions_inside_the_value_it_replaces()
    {
        RequestReadResult result = RequestJsonReader.Read(
            "{\"kling_elements\":[{\"element_input_urls\":[\"a\",\"b\",\"c\"],\"element_input_urls\":[\"d\"]},{\"name\":\"x\"}],"
            + "\"kling_elements\":[{\"description\":\"y\"}]}");

        Assert.Equal(new[] { "$.kling_elements[0].element_input_urls", "$.kling_elements" }, result.Violations.Select(v => v.Path));
        Assert.Equal(
            new[] { "$", "$.kling_elements", "$.kling_elements[0]", "$.kling_elements[0].description" },
            result.Positions.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Equal("y", Assert.Single(result.Request!.KlingElements!).Description);
    }

    [Fact]
    public void A_long_single_line_is_read_in_linear_time()
    {
        const int count = 100_000;
        string json = "{\"source_media_urls\":[" + string.Join(",", Enumerable.Repeat("\"https://e.com/é.png\"", count)) + "]}";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        RequestReadResult result = RequestJsonReader.Read(json);

        Assert.Empty(result.Violations);
        Assert.Equal(new JsonTextPosition(1, 23 + ((count - 1) * 22)), PositionOf(result, $"$.source_media_urls[{count - 1}]"));
        Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Invalid_utf8_is_MM0007_at_the_bad_byte()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"prompt\":\"caf\u00e9 \"}");
        json[json.Length - 3] = 0xFF; // the space after é

        RequestReadResult result = RequestJsonReader.Read(json);

        Violation violation = Single(result, "MM0007");
        Assert.Contains("not valid UTF-8", violation.Message);
        Assert.True(result.TryGetPosition(violation, out JsonTextPosition at));
        Assert.Equal(new JsonTextPosition(1, 16), at);
        Assert.Null(result.Request);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })] // overlong
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })] // truncated
    public void Ill_formed_utf8_sequences_are_MM0007(byte[] bad)
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"prompt\":\"").Concat(bad).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();

        Assert.Contains("not valid UTF-8", Single(RequestJsonReader.Read(json), "MM0007").Message);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        byte[] json = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"model\":\"m\"}")).ToArray();

        RequestReadResult fromBytes = RequestJsonReader.Read(json);
        RequestReadResult fromString = RequestJsonReader.Read("\uFEFF{\"model\":\"m\"}");

        Assert.Empty(fromBytes.Violations);
        Assert.Equal("m", fromBytes.Request!.Model);
        Assert.Equal(new JsonTextPosition(1, 2), PositionOf(fromBytes, "$.model"));
        Assert.Empty(fromString.Violations);
    }

    [Fact]
    public void Deep_nesting_is_MM0007_not_a_crash()
    {
        string json = "{\"x\":" + new string('[', 100_000);

        RequestReadResult result = RequestJsonReader.Read(json);

        Violation violation = Single(result, "MM0007");
        Assert.Contains("depth", violation.Message);
        Assert.Null(result.Request);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_kept_in_an_unknown_parameter()
    {
        string json = "{\"x\":" + new string('[', 63) + new string(']', 63) + "}";

        RequestReadResult result = RequestJsonReader.Read(json);

        Assert.Equal("MM0006", Assert.Single(result.Violations).Id);
        Assert.Equal(json, result.Request!.ToJson());
    }

    [Fact]
    public void Huge_numbers_are_kept_in_unknown_parameters()
    {
        string json = "{\"x\":1" + new string('0', 5000) + "e99999999999,\"y\":-1e-99999}";

        RequestReadResult result = RequestJsonReader.Read(json);

        Assert.All(result.Violations, v => Assert.Equal("MM0006", v.Id));
        Assert.Equal(json, result.Request!.ToJson());
    }

    // ---- MM0005 ----

    [Theory]
    [InlineData("{\"sound\":\"yes\"}", "$.sound", "'sound' must be a boolean (true or false); found a string (\"yes\").")]
    [InlineData("{\"sound\":1}", "$.sound", "'sound' must be a boolean (true or false); found a number (1).")]
    [InlineData("{\"source_media_urls\":3}", "$.source_media_urls", "'source_media_urls' must be a string or an array of strings; found a number (3).")]
    [InlineData("{\"source_media_urls\":{\"url\":\"u\"}}", "$.source_media_urls", "'source_media_urls' must be a string or an array of strings; found an object.")]
    [InlineData("{\"source_media_urls\":[\"u\",null]}", "$.source_media_urls[1]", "'source_media_urls[1]' must be a string (a URL); found null.")]
    [InlineData("{\"seed\":\"x\"}", "$.seed", "'seed' must be a number; found a string (\"x\").")]
    [InlineData("{\"seed\":\"42\"}", "$.seed", "'seed' must be a number; found a string (\"42\").")]
    [InlineData("{\"prompt\":[\"a\"]}", "$.prompt", "'prompt' must be a string; found an array.")]
    [InlineData("{\"model\":true}", "$.model", "'model' must be a string; found a boolean (true).")]
    [InlineData("{\"duration\":5}", "$.duration", "'duration' must be a string; found a number (5).")]
    [InlineData("{\"kling_elements\":{}}", "$.kling_elements", "'kling_elements' must be an array of element objects; found an object.")]
    [InlineData("{\"kling_elements\":[{},\"a\"]}", "$.kling_elements[1]", "'kling_elements[1]' must be an element object (with name, description and URLs); found a string (\"a\").")]
    [InlineData("{\"kling_elements\":[{\"name\":1}]}", "$.kling_elements[0].name", "'kling_elements[0].name' must be a string; found a number (1).")]
    [InlineData("{\"kling_elements\":[{\"element_input_urls\":\"u\"}]}", "$.kling_elements[0].element_input_urls", "'kling_elements[0].element_input_urls' must be an array of strings; found a string (\"u\").")]
    [InlineData("{\"kling_elements\":[{\"element_input_urls\":[\"u\",2]}]}", "$.kling_elements[0].element_input_urls[1]", "'kling_elements[0].element_input_urls[1]' must be a string (a URL); found a number (2).")]
    [InlineData("{\"kling_elements\":[{\"element_input_video_urls\":[[\"u\"]]}]}", "$.kling_elements[0].element_input_video_urls[0]", "'kling_elements[0].element_input_video_urls[0]' must be a string (a URL); found an array.")]
    public void A_known_parameter_of_the_wrong_type_is_MM0005_at_its_exact_path(string json, string path, string message)
    {
        RequestReadResult result = RequestJsonReader.Read(json);

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(("MM0005", Severity.Error, path, message), (violation.Id, violation.Severity, violation.Path, violation.Message));
        Assert.True(result.Positions.ContainsKey(path));
        Assert.NotNull(result.Request);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void MM0005_is_positioned_at_the_member_name_or_the_item()
    {
        RequestReadResult result = RequestJsonReader.Read(
            "{\n  \"sound\": \"yes\",\n  \"kling_elements\": [\n    { \"element_input_urls\": [\"https://e.com/a.png\", 7] }\n  ]\n}");

        Assert.Equal(2, result.Violations.Count);
        Assert.True(result.TryGetPosition(result.Violations[0], out JsonTextPosition sound));
        Assert.Equal(new JsonTextPosition(2, 3), sound);
        Assert.Equal("$.kling_elements[0].element_input_urls[1]", result.Violations[1].Path);
        Assert.True(result.TryGetPosition(result.Violations[1], out JsonTextPosition item));
        Assert.Equal(new JsonTextPosition(4, 53), item);
    }

    [Fact]
    public void Wrongly_typed_values_are_left_out_of_the_request_and_unknown_in_the_facts()
    {
        RequestReadResult result = RequestJsonReader.Read(
            "{\"prompt\":3,\"model\":\"m\",\"sound\":\"yes\",\"source_media_urls\":[\"a\",1,\"b\"],"
            + "\"kling_elements\":[{\"name\":\"n\",\"description\":2,\"element_input_urls\":[\"a\",{}]}]}");

        Assert.Equal(5, result.Violations.Count);
        GenerateMediaRequest request = result.Request!;
        Assert.Null(request.Prompt);
        Assert.Equal("m", request.Model);
        Assert.Null(request.Sound);
        Assert.Null(request.SourceMediaUrls); // a whole list is left out so indices never shift
        KlingElement element = Assert.Single(request.KlingElements!);
        Assert.Equal("n", element.Name);
        Assert.Null(element.Description);
        Assert.Null(element.ElementInputUrls);
        Assert.Equal("{\"model\":\"m\",\"kling_elements\":[{\"name\":\"n\"}]}", request.ToJson());

        RequestFacts facts = result.Facts;
        Assert.Equal(FactState.Unknown, facts.Prompt.State);
        Assert.Equal(FactState.Known, facts.Model.State);
        Assert.Equal(FactState.Unknown, facts.Sound.State);
        Assert.Equal(new[] { "a", null, "b" }, facts.SourceMediaUrls.Value);
        IElementFacts elementFacts = Assert.Single(facts.KlingElements.Value!);
        Assert.Equal("n", elementFacts.Name.Value);
        Assert.Equal(FactState.Unknown, elementFacts.Description.State);
        Assert.Equal(new[] { "a", null }, elementFacts.ImageUrls.Value);
    }

    [Fact]
    public void A_non_object_element_leaves_the_list_out_and_is_unknown_in_the_facts()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"kling_elements\":[{\"name\":\"a\"},5],\"seed\":\"s\",\"kling_elements2\":1}");

        Assert.Equal(new[] { "MM0005", "MM0005", "MM0006" }, result.Violations.Select(v => v.Id));
        Assert.Null(result.Request!.KlingElements);
        Assert.Null(result.Request.Seed);
        Assert.Equal(2, result.Facts.KlingElements.Value!.Count);
        Assert.Equal(FactState.Unknown, result.Facts.KlingElements.Value[1].Name.State);
        Assert.Equal(FactState.Unknown, result.Facts.KlingElements.Value[1].ImageUrls.State);
    }

    [Fact]
    public void Explicit_nulls_are_absent_and_not_violations()
    {
        RequestReadResult result = RequestJsonReader.Read(
            "{\"prompt\":null,\"sound\":null,\"seed\":null,\"source_media_urls\":null,\"kling_elements\":[{\"name\":null}]}");

        Assert.Empty(result.Violations);
        Assert.Equal(FactState.Absent, result.Facts.Prompt.State);
        Assert.Equal(FactState.Absent, result.Facts.Sound.State);
        Assert.Equal(FactState.Absent, result.Facts.SourceMediaUrls.State);
        Assert.Equal(FactState.Absent, result.Facts.KlingElements.Value![0].Name.State);
    }

    [Theory]
    [InlineData("42.0", 42L)]
    [InlineData("4.2e1", 42L)]
    [InlineData("-7", -7L)]
    [InlineData("0e999999999999", 0L)]
    public void Seed_accepts_any_whole_number(string seed, long expected)
    {
        RequestReadResult result = RequestJsonReader.Read("{\"seed\":" + seed + "}");

        Assert.Empty(result.Violations);
        Assert.Equal(expected, result.Request!.Seed);
    }

    [Theory]
    [InlineData("42.5")]
    [InlineData("1e30")]
    [InlineData("-1.5e-7")]
    public void Seed_accepts_any_json_number_as_the_spec_types_it(string seed)
    {
        RequestReadResult result = RequestJsonReader.Read("{\"prompt\":\"p\",\"model\":\"sora-2\",\"generation_type\":\"text-to-video\",\"seed\":" + seed + "}");

        Assert.Empty(result.Violations);
        Assert.Equal(seed, result.Request!.Seed.ToString());
        Assert.Empty(MediaModels.Validation.RequestValidator.Default.Validate(result));
    }

    // ---- MM0006 ----

    [Fact]
    public void An_unknown_parameter_is_an_MM0006_warning_naming_the_nearest_parameter()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"model\":\"m\",\n\"promt\":\"a cat\"}");

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(("MM0006", Severity.Warning, "$.promt", "prompt"), (violation.Id, violation.Severity, violation.Path, violation.Suggestion));
        Assert.Equal("'promt' is not a parameter of generate_media; the service ignores it. Did you mean 'prompt'?", violation.Message);
        Assert.True(result.TryGetPosition(violation, out JsonTextPosition at));
        Assert.Equal(new JsonTextPosition(2, 1), at);
        Assert.False(result.HasErrors);
        Assert.Equal("a cat", result.Request!.ExtensionData!["promt"].GetString());
    }

    [Theory]
    [InlineData("Prompt", "prompt")]
    [InlineData("source_media_url", "source_media_urls")]
    [InlineData("aspectRatio", "aspect_ratio")]
    [InlineData("negativePrompt", "negative_prompt")]
    [InlineData("xyzzyplugh", null)]
    public void MM0006_suggestions(string name, string? suggestion)
    {
        Violation violation = Assert.Single(RequestJsonReader.Read("{\"" + name + "\":1}").Violations);

        Assert.Equal("MM0006", violation.Id);
        Assert.Equal(suggestion, violation.Suggestion);
        Assert.Equal(suggestion is not null, violation.Message.Contains("Did you mean"));
    }

    [Fact]
    public void An_unknown_element_member_is_MM0006_and_kept()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"kling_elements\":[{\"nmae\":\"hero\"}]}");

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(("MM0006", "$.kling_elements[0].nmae", "name"), (violation.Id, violation.Path, violation.Suggestion));
        Assert.Contains("not a member of a Kling element", violation.Message);
        Assert.Equal("hero", result.Request!.KlingElements![0].ExtensionData!["nmae"].GetString());
    }

    [Theory]
    [InlineData("a.b", "$['a.b']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("", "$['']")]
    [InlineData("x1_y", "$.x1_y")]
    [InlineData("2x", "$['2x']")]
    public void Unusual_names_get_bracket_paths(string name, string path)
    {
        RequestReadResult result = RequestJsonReader.Read("{\"" + name.Replace("\\", "\\\\") + "\":1}");

        Assert.Equal(path, Assert.Single(result.Violations).Path);
        Assert.True(result.Positions.ContainsKey(path));
    }

    // ---- all problems, positions ----

    [Fact]
    public void Every_problem_is_reported_in_text_order()
    {
        RequestReadResult result = RequestJsonReader.Read(
            "{\"promt\":\"p\",\"model\":1,\"sound\":\"yes\",\"seed\":\"1.5\",\"qualty\":\"pro\",\"model\":\"m\",\"source_media_urls\":[1,2]}");

        Assert.Equal(
            new[] { "MM0006 $.promt", "MM0005 $.model", "MM0005 $.sound", "MM0005 $.seed", "MM0006 $.qualty", "MM0007 $.model",
                "MM0005 $.source_media_urls[0]", "MM0005 $.source_media_urls[1]" },
            result.Violations.Select(v => v.Id + " " + v.Path));
        Assert.Equal("m", result.Request!.Model);
    }

    [Fact]
    public void Problems_before_a_syntax_error_are_kept()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"sound\":\"yes\",\"model\":");

        Assert.Equal(new[] { "MM0005", "MM0007" }, result.Violations.Select(v => v.Id));
        Assert.Null(result.Request);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"prompt\":\"猫猫\", \"sound\":\"yes\", \"x\":\"😀\", \"seed\":\"s\"}");

        Assert.Equal(new JsonTextPosition(1, 17), PositionOf(result, "$.sound"));
        Assert.Equal(new JsonTextPosition(1, 42), PositionOf(result, "$.seed"));
    }

    [Fact]
    public void CRLF_line_ends_count_one_line_each()
    {
        RequestReadResult result = RequestJsonReader.Read("{\r\n  \"model\": \"m\",\r\n  \"sound\": 1\r\n}");

        Assert.Equal(new JsonTextPosition(3, 3), PositionOf(result, "$.sound"));
    }

    [Fact]
    public void TryGetPosition_falls_back_to_the_nearest_recorded_parent()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"model\":\"m\",\n\"kling_elements\":[\n{\"description\":\"d\"}]}");

        Assert.Equal(new JsonTextPosition(3, 1), PositionOf(result, "$.kling_elements[0].name"));
        Assert.Equal(new JsonTextPosition(3, 1), PositionOf(result, "$.kling_elements[0].element_input_urls[2]"));
        Assert.Equal(new JsonTextPosition(1, 1), PositionOf(result, "$.prompt"));
        Assert.Equal(new JsonTextPosition(1, 1), PositionOf(result, "$['odd.name']"));

        var fromRules = new Violation("MM0403", Severity.Error, "$.kling_elements[0].name", "missing name");
        Assert.True(result.TryGetPosition(fromRules, out JsonTextPosition at));
        Assert.Equal(new JsonTextPosition(3, 1), at);
    }

    [Fact]
    public void After_a_syntax_error_the_positions_read_so_far_remain()
    {
        RequestReadResult result = RequestJsonReader.Read("{\"a\":");

        Assert.Null(result.Request);
        Assert.Equal(new JsonTextPosition(1, 2), PositionOf(result, "$.a"));
        Assert.Equal(new JsonTextPosition(1, 1), PositionOf(result, "$.model"));
        Assert.True(result.TryGetPosition(result.Violations[0], out JsonTextPosition at));
        Assert.Equal(new JsonTextPosition(1, 6), at);
    }
}
