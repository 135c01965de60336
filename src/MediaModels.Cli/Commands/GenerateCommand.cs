using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using MediaModels.Cli.Json;
using MediaModels.Client;
using MediaModels.Validation;
using Spectre.Console;

namespace MediaModels.Cli.Commands;

/// <summary>
/// <c>generate FILE... [--server URL | --stdio-command CMD] [--out DIR] [--format text|json]</c>: checks each request
/// locally, sends the valid ones, follows them to the end and prints (and optionally downloads) the outputs.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CatalogOptions catalog, ServerOptions server, TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE") { Description = "generate_media argument objects as JSON files.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string?>("--out") { Description = "Download every output (url) into this folder." };
        var format = new Option<string>("--format") { Description = "text, or json: only the final results on stdout.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("generate", "Send generate_media requests (JSON files) and wait for their outputs. With no server named, the sandbox runs in process. Exit 0: all completed; 1: a request was invalid (nothing sent) or a generation failed; 2: a file is unreadable or the server cannot be reached.")
        {
            files, outDir, format,
        };
        catalog.AddTo(command);
        server.AddTo(command, sandboxOptions: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            CatalogReadResult read = catalog.Read(parse);
            if (read.HasErrors)
            {
                foreach (var diagnostic in read.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                error.WriteLine("The catalog has errors; fix them first (mediamodels catalog check).");
                return ExitCodes.Invalid;
            }

            bool json = parse.GetValue(format) == "json";
            var validator = new RequestValidator(read.Catalog);
            var jobs = parse.GetValue(files)!.Select(f => new Job(RequestFile.Load(f, validator))).ToList();
            foreach (Job job in jobs.Where(j => j.File.HasErrors))
            {
                job.Outcome = job.File.Unreadable ? "unreadable" : "invalid";
                job.Message = job.File.Unreadable ? $"cannot read the request: {job.File.ReadError}" : "refused locally (rule errors); nothing was sent";
                foreach (string line in job.File.DiagnosticLines())
                {
                    (json ? error : output).WriteLine(line);
                }
            }

            List<Job> sendable = jobs.Where(j => !j.File.HasErrors).ToList();
            if (sendable.Count > 0)
            {
                await using Connection? connection = await server.ConnectAsync(parse, catalog, read.Catalog, error, cancellationToken);
                if (connection is null)
                {
                    foreach (Job job in sendable)
                    {
                        job.Outcome = "not-sent";
                        job.Message = "the server could not be reached";
                        job.Unreachable = true;
                    }
                }
                else
                {
                    if (!json)
                    {
                        error.WriteLine($"Sending {sendable.Count} request(s) to {connection.Description}.");
                    }

                    await RunAllAsync(connection.Client, sendable, output, error, interactive: !json && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected, cancellationToken);
                    if (parse.GetValue(outDir) is string folder)
                    {
                        await DownloadAsync(sendable.Where(j => j.Result is not null), folder, error, cancellationToken);
                    }
                }
            }

            if (json)
            {
                WriteJson(jobs, output);
            }
            else
            {
                WriteText(jobs, output);
            }

            return jobs.Any(j => j.Outcome == "unreadable" || j.Unreachable) ? ExitCodes.Unreachable
                : jobs.Any(j => j.Outcome != "completed") ? ExitCodes.Invalid
                : ExitCodes.Success;
        });
        return command;
    }

    private static async Task RunAllAsync(MediaClient client, List<Job> jobs, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken)
    {
        if (interactive)
        {
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    await Task.WhenAll(jobs.Select(job =>
                    {
                        ProgressTask task = context.AddTask(Markup.Escape(Path.GetFileName(job.File.Path)), maxValue: 100);
                        var progress = new SyncProgress(p =>
                        {
                            task.Description = Markup.Escape($"{Path.GetFileName(job.File.Path)} {p.Status}");
                            task.Value = p.Status == GenerationStatus.Completed ? 100 : Math.Clamp(p.Progress ?? 0, 0, 100);
                        });
                        return RunAsync(client, job, progress, cancellationToken).ContinueWith(_ => task.StopTask(), TaskScheduler.Default);
                    }));
                });
            return;
        }

        var gate = new object();
        await Task.WhenAll(jobs.Select(job =>
        {
            string? lastStatus = null;
            var progress = new SyncProgress(p =>
            {
                string status = p.Status.Value;
                if (status != lastStatus)
                {
                    lastStatus = status;
                    lock (gate)
                    {
                        error.WriteLine($"{job.File.Path}: {p}");
                    }
                }
            });
            return RunAsync(client, job, progress, cancellationToken);
        }));
    }

    private static async Task RunAsync(MediaClient client, Job job, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        try
        {
            GenerationResult result = await client.GenerateAsync(job.File.Request!, progress, cancellationToken);
            job.Result = result;
            job.GenerationId = result.GenerationId;
            job.Outcome = "completed";
            job.Warnings = result.Warnings;
        }
        catch (GenerationFailedException exception)
        {
            job.GenerationId = exception.GenerationId;
            job.Outcome = "failed";
            job.Message = exception.Message;
            job.Warnings = exception.Warnings;
        }
        catch (MediaToolException exception)
        {
            job.Outcome = "refused";
            job.Message = exception.Message;
            job.ServerViolations = exception.Violations;
        }
        catch (GenerationTimeoutException exception)
        {
            // Also when generate_media itself did not answer in time (no generation id then).
            job.GenerationId = exception.GenerationId;
            job.Outcome = "timeout";
            job.Message = exception.Message;
        }
        catch (MediaRequestValidationException exception)
        {
            job.Outcome = "invalid";
            job.Message = exception.Message;
        }
        catch (MediaServiceException exception)
        {
            job.Outcome = "error";
            job.Message = exception.Message;
            job.Unreachable = true;
        }
        catch (OperationCanceledException)
        {
            job.Outcome = "cancelled";
            job.Message = "cancelled";
        }
    }

    private static async Task DownloadAsync(IEnumerable<Job> jobs, string folder, TextWriter error, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        using var http = new HttpClient();
        foreach (Job job in jobs)
        {
            IReadOnlyList<GenerationOutput> outputs = job.Result!.Outputs;
            for (int i = 0; i < outputs.Count; i++)
            {
                if (outputs[i].Url is not string url || !Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
                {
                    continue;
                }

                string extension = Path.GetExtension(uri.AbsolutePath);
                string target = Path.Combine(folder, job.GenerationId + (outputs.Count == 1 ? string.Empty : "-" + (i + 1)) + extension);
                try
                {
                    if (uri.IsFile)
                    {
                        File.Copy(uri.LocalPath, target, overwrite: true);
                    }
                    else
                    {
                        byte[] bytes = await http.GetByteArrayAsync(uri, cancellationToken);
                        await File.WriteAllBytesAsync(target, bytes, cancellationToken);
                    }

                    job.Downloaded.Add(target);
                }
                catch (Exception exception) when (exception is IOException or HttpRequestException or UnauthorizedAccessException)
                {
                    error.WriteLine($"error: cannot download {url}: {exception.Message}");
                    job.Outcome = "download-failed";
                    job.Message = exception.Message;
                    job.Unreachable = true;
                }
            }
        }
    }

    private static void WriteText(List<Job> jobs, TextWriter output)
    {
        foreach (Job job in jobs)
        {
            if (job.Result is GenerationResult result)
            {
                output.WriteLine($"{job.File.Path}: {job.Outcome} {result.GenerationId} in {result.Elapsed.TotalSeconds:0.0} s ({result.Polls} poll{(result.Polls == 1 ? string.Empty : "s")})");
                foreach (GenerationOutput o in result.Outputs)
                {
                    output.WriteLine($"  {o.MediaType} {o.Dimensions} {o.Url}");
                }
            }
            else
            {
                output.WriteLine($"{job.File.Path}: {job.Outcome}{(job.GenerationId is null ? string.Empty : " " + job.GenerationId)}: {job.Message}");
            }

            foreach (Violation v in job.ServerViolations.Concat(job.Warnings))
            {
                output.WriteLine($"  {(v.Severity == Severity.Error ? "error" : "warning")} {v.Id}: {v.Message} [{v.Path}]");
            }

            foreach (string file in job.Downloaded)
            {
                output.WriteLine($"  saved {file}");
            }
        }
    }

    private static void WriteJson(List<Job> jobs, TextWriter output)
    {
        GenerationReport[] reports = jobs.Select(Report).ToArray();
        CliJson.Write(output, json =>
        {
            if (reports.Length == 1)
            {
                reports[0].WriteTo(json);
                return;
            }

            json.WriteStartArray();
            foreach (GenerationReport report in reports)
            {
                report.WriteTo(json);
            }

            json.WriteEndArray();
        });
    }

    private static GenerationReport Report(Job job)
    {
        JsonElement? outputs = null;
        if (job.Result is GenerationResult result)
        {
            using JsonDocument status = JsonDocument.Parse(result.Status.ToJson());
            if (status.RootElement.TryGetProperty("outputs", out JsonElement found))
            {
                outputs = found.Clone();
            }
        }

        // The service's diagnostics: its refusal, and its warnings that the local check did not already give.
        RequestDiagnostic[] service = job.ServerViolations
            .Concat(job.Warnings.Where(w => !job.File.Diagnostics.Any(d => d.Id == w.Id && d.Path == w.Path)))
            .Select(v => RequestDiagnostic.From(v))
            .ToArray();
        return new GenerationReport(
            job.File.Path,
            job.GenerationId,
            job.Outcome,
            outputs,
            job.File.Diagnostics,
            service,
            job.Message is not null && job.Outcome != "completed" ? job.Message : null,
            job.Downloaded.Count > 0 ? job.Downloaded.ToArray() : null);
    }

    private sealed class Job
    {
        public Job(RequestFile file) => File = file;

        public RequestFile File { get; }

        public string Outcome { get; set; } = "pending";

        public string? Message { get; set; }

        public string? GenerationId { get; set; }

        public GenerationResult? Result { get; set; }

        public bool Unreachable { get; set; }

        public IReadOnlyList<Violation> Warnings { get; set; } = Array.Empty<Violation>();

        public IReadOnlyList<Violation> ServerViolations { get; set; } = Array.Empty<Violation>();

        public List<string> Downloaded { get; } = new();
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (no synchronization context hop).</summary>
internal sealed class SyncProgress : IProgress<GenerationProgress>
{
    private readonly Action<GenerationProgress> _report;

    public SyncProgress(Action<GenerationProgress> report) => _report = report;

    public void Report(GenerationProgress value) => _report(value);
}
