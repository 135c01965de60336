using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MediaModels.Generators.Bench;

/// <summary>
/// The generator inside the real compiler: two consumer projects (200 and 2,000 synthetic models) built with
/// <c>dotnet build -p:ReportAnalyzer=true</c>, reading the time the compiler itself reports for the generator. Slow
/// (a minute per round), so it runs only with <c>--real-build</c>.
/// </summary>
internal static class RealBuild
{
    private static readonly Regex GeneratorLine = new(@"^\s*(?<seconds>[0-9]+[.,][0-9]+)\s+[0-9]+\s+MediaModels\.Generators\.MediaModelsGenerator\s*$", RegexOptions.Multiline);

    public static int Run(string root, Func<int, (string Path, string Text)[]> synthetic, int rounds)
    {
        string work = Path.Combine(Path.GetTempPath(), "mediamodels-real-build-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        try
        {
            var projects = new Dictionary<int, string>();
            foreach (int models in new[] { 200, 2000 })
            {
                string folder = Path.Combine(work, "p" + models.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(Path.Combine(folder, "catalog"));
                foreach ((string path, string text) in synthetic(models))
                {
                    File.WriteAllText(Path.Combine(folder, "catalog", Path.GetFileName(path)), text);
                }

                File.WriteAllText(Path.Combine(folder, "C.cs"), "namespace Consumer { internal static class C { } }\n");
                string project = Path.Combine(folder, "Consumer.csproj");
                File.WriteAllText(project, $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <Import Project="{root}/src/MediaModels.Generators/build/MediaModels.Generators.props" />
                      <PropertyGroup>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                      </PropertyGroup>
                      <ItemGroup>
                        <ProjectReference Include="{root}/src/MediaModels/MediaModels.csproj" />
                        <ProjectReference Include="{root}/src/MediaModels.Generators/MediaModels.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                      </ItemGroup>
                      <ItemGroup>
                        <AdditionalFiles Include="catalog/*.yaml" MediaModelsCatalog="true" />
                      </ItemGroup>
                    </Project>
                    """);
                projects[models] = project;
                Console.WriteLine($"  building {models} models once with its dependencies…");
                Build(project, withDependencies: true);
            }

            var times = new Dictionary<int, List<double>> { [200] = new(), [2000] = new() };
            for (int round = 0; round < rounds; round++)
            {
                foreach (int models in new[] { 200, 2000 })
                {
                    string log = Build(projects[models], withDependencies: false);
                    Match match = GeneratorLine.Matches(log).Cast<Match>().LastOrDefault()
                        ?? throw new InvalidOperationException("The build log has no generator time (ReportAnalyzer).");
                    times[models].Add(double.Parse(match.Groups["seconds"].Value.Replace(',', '.'), CultureInfo.InvariantCulture));
                }

                Console.WriteLine($"  round {round + 1}: 200 models {times[200][round]:F3} s, 2,000 models {times[2000][round]:F3} s");
            }

            double small = Median(times[200]);
            double large = Median(times[2000]);
            Console.WriteLine($"Generator time reported by the compiler (median of {rounds}): 200 models {small:F3} s, 2,000 models {large:F3} s, ratio {large / small:F2}x (target <= 12)");
            return large / small <= 12 ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string Build(string project, bool withDependencies)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "build", project, "-c", "Release", "-p:ReportAnalyzer=true", "-v:d", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        // The first build brings the dependencies up to date; the measured ones recompile the consumer alone.
        if (!withDependencies)
        {
            start.ArgumentList.Add("--no-incremental");
            start.ArgumentList.Add("--no-dependencies");
        }

        using Process process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} failed:\n" + string.Join("\n", output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(20)) + errors.Result);
        }

        return output;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
