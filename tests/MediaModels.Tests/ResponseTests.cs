using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaModels.Tests;

public class ResponseTests
{
    [Fact]
    public void GenerateMediaResponse_reads_fields_and_round_trips_unknown_ones()
    {
        const string json = "{\"generation_id\":\"gen_123\",\"status\":\"pending\",\"estimated_time_seconds\":42.5,"
            + "\"estimated_cost_credits\":3,\"queue_position\":4,\"links\":{\"self\":\"https://x\"}}";

        GenerateMediaResponse response = GenerateMediaResponse.FromJson(json);

        Assert.Equal("gen_123", response.GenerationId);
        Assert.Equal(GenerationStatus.Pending, response.Status);
        Assert.Equal(42.5, response.EstimatedTimeSeconds);
        Assert.Equal(3.0, response.EstimatedCostCredits);
        Assert.Equal(new[] { "queue_position", "links" }, response.ExtensionData!.Keys.ToArray());
        Assert.Equal(json, response.ToJson());
    }

    [Fact]
    public void Numbers_of_undocumented_type_are_also_read_from_strings()
    {
        GenerateMediaResponse response = GenerateMediaResponse.FromJson("{\"estimated_cost_credits\":\"0.25\"}");

        Assert.Equal(0.25, response.EstimatedCostCredits);
        Assert.Equal("{\"estimated_cost_credits\":0.25}", response.ToJson());
    }

    [Fact]
    public void GenerationStatusResponse_reads_outputs_and_round_trips_unknown_fields_at_every_level()
    {
        const string json = "{\"generation_id\":\"g\",\"status\":\"completed\",\"progress\":100,"
            + "\"outputs\":[{\"url\":\"https://cdn/x.mp4\",\"thumbnail_url\":\"https://cdn/x.jpg\",\"optimized_url\":\"https://cdn/x.webm\","
            + "\"media_type\":\"video\",\"dimensions\":{\"width\":1920,\"height\":1080},\"duration_seconds\":5}],"
            + "\"created_at\":\"2025-01-01T00:00:00Z\"}";

        GenerationStatusResponse response = GenerationStatusResponse.FromJson(json);

        Assert.Equal(GenerationStatus.Completed, response.Status);
        Assert.True(response.Status!.Value.IsTerminal);
        Assert.Equal(100.0, response.Progress);
        GenerationOutput output = Assert.Single(response.Outputs!);
        Assert.Equal("https://cdn/x.mp4", output.Url);
        Assert.Equal("https://cdn/x.jpg", output.ThumbnailUrl);
        Assert.Equal("https://cdn/x.webm", output.OptimizedUrl);
        Assert.Equal("video", output.MediaType);
        Assert.Equal(1920, output.Dimensions!.Width);
        Assert.Equal(1080, output.Dimensions.Height);
        Assert.Equal("5", output.ExtensionData!["duration_seconds"].GetRawText());
        Assert.Equal("2025-01-01T00:00:00Z", response.ExtensionData!["created_at"].GetString());
        Assert.Equal(json, response.ToJson());
    }

    [Fact]
    public void GenerationStatusResponse_keeps_error_details()
    {
        GenerationStatusResponse asString = GenerationStatusResponse.FromJson("{\"status\":\"failed\",\"error\":\"NSFW content\"}");
        GenerationStatusResponse asObject = GenerationStatusResponse.FromJson(
            "{\"status\":\"failed\",\"error\":{\"code\":\"E42\",\"message\":\"Prompt too long\"}}");
        GenerationStatusResponse asMessage = GenerationStatusResponse.FromJson("{\"status\":\"failed\",\"message\":\"Timed out\"}");

        Assert.Equal("NSFW content", asString.GetErrorMessage());
        Assert.Equal("Prompt too long", asObject.GetErrorMessage());
        Assert.Equal("{\"status\":\"failed\",\"error\":{\"code\":\"E42\",\"message\":\"Prompt too long\"}}", asObject.ToJson());
        Assert.Equal("Timed out", asMessage.GetErrorMessage());
        Assert.Null(GenerationStatusResponse.FromJson("{}").GetErrorMessage());
    }

    [Theory]
    [InlineData("{\"width\":1024,\"height\":768}", 1024, 768)]
    [InlineData("{\"width\":\"1024\",\"height\":\"768\"}", 1024, 768)]
    [InlineData("\"1024x768\"", 1024, 768)]
    [InlineData("\"1024 × 768\"", 1024, 768)]
    [InlineData("[1024,768]", 1024, 768)]
    [InlineData("{\"width\":1024.0,\"height\":768}", 1024, 768)]
    [InlineData("\"4K\"", null, null)]
    [InlineData("{\"w\":1}", null, null)]
    [InlineData("true", null, null)]
    public void Dimensions_are_read_leniently_and_written_back_unchanged(string dimensions, int? width, int? height)
    {
        string json = "{\"outputs\":[{\"dimensions\":" + dimensions + "}]}";

        GenerationStatusResponse response = GenerationStatusResponse.FromJson(json);

        MediaDimensions read = response.Outputs![0].Dimensions!;
        Assert.Equal(width, read.Width);
        Assert.Equal(height, read.Height);
        Assert.Equal(json, response.ToJson());
    }

    [Fact]
    public void Built_dimensions_are_an_object()
    {
        var output = new GenerationOutput { Dimensions = new MediaDimensions(640, 480) };

        Assert.Equal("{\"dimensions\":{\"width\":640,\"height\":480}}",
            JsonSerializer.Serialize(output, Json.MediaModelsJsonContext.Default.GenerationOutput));
        Assert.Equal("640x480", output.Dimensions.ToString());
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("queued")]
    [InlineData("processing")]
    [InlineData("completed")]
    [InlineData("failed")]
    public void The_five_documented_statuses_are_known(string status)
    {
        GenerationStatusResponse response = GenerationStatusResponse.FromJson("{\"status\":\"" + status + "\"}");

        Assert.True(response.Status!.Value.IsKnown);
        Assert.Equal(status, response.Status.Value.Value);
        Assert.Equal(status is "completed" or "failed", response.Status.Value.IsTerminal);
    }

    [Fact]
    public void An_unknown_status_is_kept_not_rejected()
    {
        GenerationStatusResponse response = GenerationStatusResponse.FromJson("{\"status\":\"Cancelled\"}");

        GenerationStatus status = response.Status!.Value;
        Assert.False(status.IsKnown);
        Assert.False(status.IsTerminal);
        Assert.Equal("Cancelled", status.ToString());
        Assert.Equal(new GenerationStatus("cancelled"), status);
        Assert.Equal("{\"status\":\"Cancelled\"}", response.ToJson());
    }

    [Fact]
    public void Statuses_compare_ignoring_case()
    {
        Assert.Equal(GenerationStatus.Completed, new GenerationStatus("COMPLETED"));
        Assert.Equal(GenerationStatus.Completed.GetHashCode(), new GenerationStatus("Completed").GetHashCode());
        Assert.NotEqual(GenerationStatus.Completed, GenerationStatus.Failed);
        Assert.Equal(string.Empty, default(GenerationStatus).Value);
        Assert.False(default(GenerationStatus).IsKnown);
    }

    [Fact]
    public void A_status_that_is_not_a_string_is_a_JsonException()
    {
        Assert.ThrowsAny<JsonException>(() => GenerationStatusResponse.FromJson("{\"status\":3}"));
    }

    [Fact]
    public void GenerationEstimateRequest_writes_parameters_and_keeps_unknown_fields()
    {
        var request = new GenerationEstimateRequest
        {
            Model = "kling-2-6-image-to-video",
            GenerationType = "image-to-video",
            Prompt = "p",
            NegativePrompt = "n",
            Parameters = new JsonObject { ["duration"] = "10s", ["sound"] = true },
        };

        string json = request.ToJson();
        Assert.Equal("{\"model\":\"kling-2-6-image-to-video\",\"generation_type\":\"image-to-video\",\"prompt\":\"p\","
            + "\"negative_prompt\":\"n\",\"parameters\":{\"duration\":\"10s\",\"sound\":true}}", json);

        const string withExtra = "{\"model\":\"m\",\"parameters\":{\"seed\":1},\"priority\":\"high\"}";
        GenerationEstimateRequest read = GenerationEstimateRequest.FromJson(withExtra);
        Assert.Equal(1, (int)read.Parameters!["seed"]!);
        Assert.Equal("high", read.ExtensionData!["priority"].GetString());
        Assert.Equal(withExtra, read.ToJson());
    }

    [Fact]
    public void GenerationEstimateResponse_reads_the_assumed_names_and_keeps_the_rest()
    {
        const string json = "{\"estimated_time_seconds\":35.5,\"confidence\":0.8,\"sample_size\":120,\"model\":\"sora-2\",\"range\":[20,60]}";

        GenerationEstimateResponse response = GenerationEstimateResponse.FromJson(json);

        Assert.Equal(35.5, response.EstimatedTimeSeconds);
        Assert.Equal(0.8, response.Confidence);
        Assert.Equal(120, response.SampleSize);
        Assert.Equal(new[] { "model", "range" }, response.ExtensionData!.Keys.ToArray());
        Assert.Equal(json, response.ToJson());
    }

    [Fact]
    public void Responses_round_trip_through_indented_output()
    {
        const string json = "{\"generation_id\":\"g\",\"status\":\"processing\",\"progress\":0.5,\"eta\":{\"s\":3}}";

        string indented = GenerationStatusResponse.FromJson(json).ToJson(indented: true);

        Assert.Contains("\n  \"status\": \"processing\"", indented.Replace("\r\n", "\n"));
        Assert.Equal(json, GenerationStatusResponse.FromJson(indented).ToJson());
    }
}
