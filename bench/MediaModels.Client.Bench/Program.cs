using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels;
using MediaModels.Client;

// Usage: dotnet run -c Release --project bench/MediaModels.Client.Bench -- [--count 1000] [--concurrency 100]
//        [--job-seconds 0.2] [--fail-rate 0.1] [--min-poll-ms 20] [--seed 1]
var settings = Settings.Parse(args);
string cli = Path.Combine(AppContext.BaseDirectory, "MediaModels.Cli.dll");
var serverInfo = new ProcessStartInfo("dotnet")
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    UseShellExecute = false,
};
foreach (string a in new[]
{
    cli, "serve", "--http", "--job-seconds", Inv(settings.JobSeconds), "--fail-rate", Inv(settings.FailRate), "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
})
{
    serverInfo.ArgumentList.Add(a);
}

using Process server = Process.Start(serverInfo)!;
server.ErrorDataReceived += (_, _) => { };
server.BeginErrorReadLine();
string? banner = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
Uri endpoint = new(banner!.Split(' ')[2]);
Console.WriteLine($"sandbox (child process): {endpoint}  job {settings.JobSeconds} s, fail-rate {settings.FailRate}, seed {settings.Seed}");
Console.WriteLine($"client: {settings.Count} generations, {settings.Concurrency} in flight, min poll {settings.MinPollMs} ms, Streamable HTTP");

try
{
    var options = new MediaClientOptions
    {
        Endpoint = endpoint,
        MinPollInterval = TimeSpan.FromMilliseconds(settings.MinPollMs),
        MaxPollInterval = TimeSpan.FromSeconds(1),
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(500),
        MaxRetryAttempts = 10,
    };
    await using MediaClient client = await MediaClient.ConnectAsync(options);
    var request = new GenerateMediaRequest { Model = "nano-banana", Prompt = "A red car on a mountain road", AspectRatio = "16:9" };

    // Warm-up (JIT, connection pool), not measured.
    await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GenerateAsync(request)));

    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    long baseline = GC.GetTotalMemory(forceFullCollection: true);
    long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

    var overheads = new double[settings.Count];
    var ids = new string[settings.Count];
    var failures = new List<string>();
    int inFlight = 0;
    int next = -1;
    var memorySamples = new List<(int InFlight, long Bytes)>();
    using var sampling = new CancellationTokenSource();
    Stopwatch wall = Stopwatch.StartNew();

    Task sampler = Task.Run(async () =>
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), sampling.Token);
            while (!sampling.IsCancellationRequested)
            {
                int before = Volatile.Read(ref inFlight);
                long live = GC.GetTotalMemory(forceFullCollection: true);
                int after = Volatile.Read(ref inFlight);
                if (before >= settings.Concurrency * 9 / 10 && after >= settings.Concurrency * 9 / 10)
                {
                    lock (memorySamples)
                    {
                        memorySamples.Add(((before + after) / 2, live - baseline));
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(700), sampling.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    });

    async Task Worker()
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < settings.Count)
        {
            Interlocked.Increment(ref inFlight);
            var clock = Stopwatch.StartNew();
            try
            {
                GenerationResult result = await client.GenerateAsync(request);
                overheads[i] = clock.Elapsed.TotalMilliseconds - (settings.JobSeconds * 1000);
                ids[i] = result.GenerationId;
            }
            catch (Exception exception)
            {
                lock (failures)
                {
                    failures.Add(exception.GetType().Name + ": " + exception.Message);
                }
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }

    await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(Worker)));
    wall.Stop();
    long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    sampling.Cancel();
    await sampler;

    using var http = new HttpClient();
    using JsonDocument stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(endpoint, "/stats")));
    long Stat(string name) => stats.RootElement.GetProperty(name).GetInt64();

    const int warmup = 20;
    int completed = ids.Count(id => id is not null);
    int distinct = ids.Where(id => id is not null).Distinct().Count();
    double[] sorted = overheads.Where((_, i) => ids[i] is not null).OrderBy(v => v).ToArray();
    double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    double perJob = memorySamples.Count == 0 ? double.NaN : memorySamples.Select(s => (double)s.Bytes / s.InFlight).OrderBy(v => v).ElementAt(memorySamples.Count / 2);

    Console.WriteLine();
    Console.WriteLine($"completed:                 {completed} / {settings.Count}  (failures: {failures.Count})");
    Console.WriteLine($"distinct generation ids:   {distinct}");
    Console.WriteLine($"server generate_media:     {Stat("generate_media_calls")} calls ({Stat("generations_accepted")} accepted, incl. {warmup} warm-up) => duplicates: {Stat("generate_media_calls") - settings.Count - warmup}");
    Console.WriteLine($"faults injected:           {Stat("faults_injected")} ({Stat("generate_media_faults")} on generate_media, refused before acceptance); status calls: {Stat("status_calls")}");
    Console.WriteLine($"wall time:                 {wall.Elapsed.TotalSeconds:0.00} s");
    Console.WriteLine($"throughput:                {completed / wall.Elapsed.TotalSeconds:0.0} generations/s");
    Console.WriteLine($"overhead beyond {settings.JobSeconds * 1000:0} ms job: p50 {P(0.50):0.0} ms, p90 {P(0.90):0.0} ms, p99 {P(0.99):0.0} ms, max {P(1.0):0.0} ms");
    Console.WriteLine($"client memory per job in flight (live heap after full GC, median of {memorySamples.Count} samples): {perJob / 1024:0.0} KiB");
    Console.WriteLine($"client allocations per job: {allocated / (double)settings.Count / 1024:0.0} KiB");
    foreach (string failure in failures.Distinct().Take(5))
    {
        Console.WriteLine("failure: " + failure);
    }

    return completed == settings.Count && distinct == settings.Count && Stat("generate_media_calls") == settings.Count + warmup ? 0 : 1;
}
finally
{
    if (!server.HasExited)
    {
        server.Kill();
    }
}

static string Inv(double value) => value.ToString(CultureInfo.InvariantCulture);

internal sealed record Settings(int Count, int Concurrency, double JobSeconds, double FailRate, int MinPollMs, int Seed)
{
    public static Settings Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        return new Settings(
            int.Parse(Get("--count", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--concurrency", "100"), CultureInfo.InvariantCulture),
            double.Parse(Get("--job-seconds", "0.2"), CultureInfo.InvariantCulture),
            double.Parse(Get("--fail-rate", "0.1"), CultureInfo.InvariantCulture),
            int.Parse(Get("--min-poll-ms", "20"), CultureInfo.InvariantCulture),
            int.Parse(Get("--seed", "1"), CultureInfo.InvariantCulture));
    }
}
