using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MediaModels.Agreement.Tests.Corpus;
using MediaModels.Cli;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>
/// (d) <c>mediamodels validate --format json</c>, run in process once over a folder of every request's file (a glob,
/// as a user passes it); each file's rule IDs are read from the object that names the file.
/// </summary>
internal static class CliSurface
{
    public const string Name = "mediamodels validate --format json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs the command; <paramref name="exitCode"/> is what it returned.</summary>
    public static SurfaceReport Judge(IReadOnlyList<CorpusRequest> corpus, out int exitCode)
    {
        var report = new SurfaceReport(Name);
        Stopwatch clock = Stopwatch.StartNew();
        string folder = Directory.CreateTempSubdirectory("mediamodels-agreement-").FullName;
        try
        {
            var byFile = new Dictionary<string, CorpusRequest>(StringComparer.Ordinal);
            foreach (CorpusRequest request in corpus)
            {
                string path = Path.Combine(folder, FileName(request));
                File.WriteAllText(path, request.Json, Utf8);
                byFile[Path.GetFullPath(path)] = request;
            }

            var output = new StringWriter();
            var error = new StringWriter();
            exitCode = CliApp.Run(new[] { "validate", "--format", "json", Path.Combine(folder, "*.json") }, output, error);
            JsonDocument answer;
            try
            {
                answer = JsonDocument.Parse(output.ToString());
            }
            catch (JsonException exception)
            {
                report.Problems.Add($"the output is not JSON ({exception.Message}); stderr: {error}");
                return report;
            }

            using (answer)
            {
                foreach (JsonElement file in FileObjects(answer.RootElement))
                {
                    string name = Path.GetFullPath(file.GetProperty("file").GetString()!);
                    if (!byFile.Remove(name, out CorpusRequest? request))
                    {
                        report.Problems.Add("a report for a file not in the corpus, or twice: " + name);
                        continue;
                    }

                    report.Verdicts[request.Index] = Verdict.Of(RuleIds.In(file), null, file.GetRawText());
                }
            }

            report.Problems.AddRange(byFile.Keys.Select(f => "no report for " + f));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    public static string FileName(CorpusRequest request) => $"request-{request.Index:D6}.json";

    /// <summary>Every object, at any depth, that names a file: one per request file, whatever encloses them.</summary>
    private static IEnumerable<JsonElement> FileObjects(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("file", out JsonElement file) && file.ValueKind == JsonValueKind.String)
            {
                yield return element;
                yield break;
            }

            foreach (JsonProperty property in element.EnumerateObject())
            {
                foreach (JsonElement found in FileObjects(property.Value))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                foreach (JsonElement found in FileObjects(item))
                {
                    yield return found;
                }
            }
        }
    }
}
