using System;
using System.Diagnostics;
using System.IO;
using MediaModels.Generators.Tests.Infrastructure;

namespace MediaModels.Generators.Tests;

/// <summary>
/// Builds a real consumer project with <c>dotnet build</c>: the generator as a ProjectReference analyzer
/// (OutputItemType="Analyzer" ReferenceOutputAssembly="false"), the shipped catalog as AdditionalFiles, and the real
/// runtime (src/MediaModels). This is the packaging risk that unit tests cannot see: without GetDependencyTargetPaths
/// the compiler fails to load MediaModels.Catalog or YamlDotNet (CS8784/CS8785).
/// </summary>
public sealed class EndToEndBuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mediamodels-e2e-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_consumer_project_builds_runs_and_reports_catalog_errors_at_yaml_positions()
    {
        string consumer = Path.Combine(_root, "Consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{TestPaths.GeneratorProps}" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{TestPaths.GeneratorProject}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{TestPaths.RuntimeProject}" />
                <AdditionalFiles Include="{TestPaths.CatalogFolder}/*.yaml" MediaModelsCatalog="true" />
                <AdditionalFiles Include="overlay/*.yaml" MediaModelsCatalog="true" MediaModelsCatalogOrder="1" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using MediaModels;

            System.Console.WriteLine(MediaCatalog.Sora2.TextToVideo("A red car").WithDuration(MediaCatalog.Sora2.Durations.Seconds10).Build().ToJson());
            System.Console.WriteLine(MediaCatalog.Kling30Std.TextToVideo("@hero runs", "https://e.x/s.png").WithElement("hero", "the hero", "https://e.x/1.png", "https://e.x/2.png").Build().ToJson());
            """);

        (int exitCode, string output) = Dotnet(consumer, "build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(exitCode == 0, "dotnet build failed:\n" + output);
        Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
        Assert.False(System.Text.RegularExpressions.Regex.IsMatch(output, @"warning [A-Z]+[0-9]+"), "dotnet build warned:\n" + output);

        (int runCode, string printed) = Dotnet(consumer, "bin/Debug/net10.0/Consumer.dll");
        Assert.True(runCode == 0, printed);
        Assert.Contains("\"model\":\"sora-2\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"duration\":\"10s\"", printed, StringComparison.Ordinal);
        Assert.Contains("\"kling_elements\":[{\"name\":\"hero\"", printed, StringComparison.Ordinal);

        // A broken overlay: the build fails with the diagnostic at the YAML file's line and column.
        Directory.CreateDirectory(Path.Combine(consumer, "overlay"));
        File.WriteAllText(Path.Combine(consumer, "overlay", "broken.yaml"), "overrides:\n  - id: sora-2\n    sond: true\n");
        (int brokenCode, string brokenOutput) = Dotnet(consumer, "build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.NotEqual(0, brokenCode);
        Assert.Contains("broken.yaml(3,5): error MM1002", brokenOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", brokenOutput, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Dotnet(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(8).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out)");
        }

        return (process.ExitCode, output + error.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
