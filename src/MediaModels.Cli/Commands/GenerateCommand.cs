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
    public static Command Create(CatalogOptions catalog, ServerOptions server, CliContext context)
    {
        Argument<string[]> files = FileArguments.Create("FILE", InputFiles.Requests, "generate_media argument objects (JSON).", ArgumentArity.OneOrMore);
        var outDir = new Option<string?>("--out") { Description = "Download every output (url) into this folder.", HelpName = "DIR" };
        Option<OutputFormat> format = CliContext.FormatOption(
            """only the results on stdout, [{"file", "generation_id", "status", "outputs", "diagnostics", "service_diagnostics", "error"?, "files"?}…], one object per file.""");
        var command = new Command("generate", "Send generate_media requests (JSON files) and wait for their outputs. With no server named, the sandbox runs in process (its output URLs end with the command: use --out to keep the files).")
        {
            files, outDir, format,
        };
        catalog.AddTo(command);
        server.AddTo(command, ServerUse.Generation);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Reporter reporter = context.Reporter(parse);
            CatalogReadResult read = catalog.Read(parse, context);
            if (read.HasErrors)
            {
                foreach (var diagnostic in read.Diagnostics)
                {
                    reporter.Problem(diagnostic.ToString());
                }

                reporter.Problem("The catalog has errors; fix them first (mediamodels catalog check).");
                return CatalogOptions.ExitCodeOf(read);
            }

            bool json = parse.GetValue(format) == OutputFormat.Json;
            var validator = new RequestValidator(read.Catalog);
            var jobs = InputFiles.Requests.Expand(parse.GetValue(files)!).Select(f => new Job(RequestFile.Load(f, validator, context))).ToList();
            foreach (Job job in jobs.Where(j => j.File.HasErrors))
            {
                job.Outcome = job.File.Unreadable ? "unreadable" : "invalid";
                job.Message = job.File.Unreadable ? $"cannot read the request: {job.File.ReadError}" : "refused locally (rule errors); nothing was sent";
                job.ExitCode = job.File.Unreadable ? ExitCodes.Unreadable : ExitCodes.Invalid;
                foreach (string line in job.File.DiagnosticLines())
                {
                    (json ? reporter.Error : reporter.Output).WriteLine(line);
                }
            }

            List<Job> sendable = jobs.Where(j => !j.File.HasErrors).ToList();
            if (sendable.Count > 0)
            {
                Connection? connection = null;
                try
                {
                    connection = await server.ConnectAsync(parse, catalog, read.Catalog, reporter, cancellationToken);
                }
                catch (CommandFailedException failure) when (failure.ExitCode != ExitCodes.Usage)
                {
                    // Every file still gets its result: these were not sent, for this reason.
                    reporter.Problem("error: " + failure.Message);
                    foreach (Job job in sendable)
                    {
                        job.Outcome = failure.ExitCode == ExitCodes.Unauthorized ? "unauthorized" : "not-sent";
                        job.Message = failure.ExitCode == ExitCodes.Unauthorized ? "the server refused the credentials (unauthorized); nothing was sent" : "the server could not be reached; nothing was sent";
                        job.ExitCode = failure.ExitCode;
                    }
                }

                if (connection is not null)
                {
                    await using (connection)
                    {
                        reporter.Status($"Sending {sendable.Count} request(s) to {connection.Description}.");
                        string? folder = parse.GetValue(outDir);
                        if (connection.Sandbox is not null && folder is null)
                        {
                            reporter.Status("note: the in-process sandbox serves the outputs only while this command runs: their URLs stop working when it ends. Pass --out DIR to keep the files.");
                        }

                        bool interactive = !json && reporter.Verbosity >= Verbosity.Normal && ReferenceEquals(reporter.Output, Console.Out) && !Console.IsOutputRedirected;
                        await RunAllAsync(connection.Client, sendable, reporter, interactive, cancellationToken);
                        if (folder is not null)
                        {
                            await DownloadAsync(sendable.Where(j => j.Result is not null), folder, reporter, cancellationToken);
                        }
                    }
                }
            }

            if (json)
            {
                WriteJson(jobs, reporter.Output);
            }
            else
            {
                WriteText(jobs, reporter.Output);
            }

            return ExitCodes.Combine(jobs.Select(j => j.ExitCode));
        });
        return command;
    }

    private static async Task RunAllAsync(MediaClient client, List<Job> jobs, Reporter reporter, bool interactive, CancellationToken cancellationToken)
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
                        reporter.Status($"{job.File.Path}: {p}");
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
            job.ExitCode = ExitCodes.Invalid;
            job.Outcome = "failed";
            job.Message = exception.Message;
            job.Warnings = exception.Warnings;
        }
        catch (MediaToolException exception)
        {
            job.ExitCode = ExitCodes.Invalid;
            job.Outcome = "refused";
            job.Message = exception.Message;
            job.ServerViolations = exception.Violations;
        }
        catch (GenerationTimeoutException exception)
        {
            // Also when generate_media itself did not answer in time (no generation id then).
            job.GenerationId = exception.GenerationId;
            job.ExitCode = ExitCodes.Invalid;
            job.Outcome = "timeout";
            job.Message = exception.Message;
        }
        catch (MediaRequestValidationException exception)
        {
            job.ExitCode = ExitCodes.Invalid;
            job.Outcome = "invalid";
            job.Message = exception.Message;
        }
        catch (MediaUnauthorizedException exception)
        {
            job.ExitCode = ExitCodes.Unauthorized;
            job.Outcome = "unauthorized";
            job.Message = exception.Message;
        }
        catch (MediaServiceException exception)
        {
            job.ExitCode = ServerOptions.ExitCodeOf(exception);
            job.Outcome = "error";
            job.Message = exception.Message;
        }
        catch (OperationCanceledException)
        {
            job.ExitCode = ExitCodes.Invalid;
            job.Outcome = "cancelled";
            job.Message = "cancelled";
        }
    }

    private static async Task DownloadAsync(IEnumerable<Job> jobs, string folder, Reporter reporter, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException(ExitCodes.Unreadable, $"cannot create the --out folder {folder}: {exception.Message}");
        }

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
                    reporter.Problem($"error: cannot download {url}: {exception.Message}");
                    job.Outcome = "download-failed";
                    job.Message = exception.Message;
                    job.ExitCode = exception is HttpRequestException ? ExitCodes.Unreachable : ExitCodes.Unreadable;
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

        /// <summary>This file's exit code; the command's is the highest (<see cref="ExitCodes.Combine"/>).</summary>
        public int ExitCode { get; set; } = ExitCodes.Success;

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
