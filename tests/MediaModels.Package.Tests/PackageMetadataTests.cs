using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace MediaModels.Package.Tests;

/// <summary>Every package carries what nuget.org and an IDE show a developer: its own README, icon, release notes, links.</summary>
public sealed class PackageMetadataTests : IClassFixture<PackedFeed>
{
    private readonly PackedFeed _feed;

    public PackageMetadataTests(PackedFeed feed) => _feed = feed;

    public static TheoryData<string> Packages => new(PackedFeed.Projects.Keys);

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_package_carries_readme_icon_release_notes_license_and_repository_metadata(string id)
    {
        using ZipArchive package = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"{id}.{PackedFeed.Version}.nupkg"));
        XElement metadata = Nuspec(package, id);
        string Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

        Assert.Equal(id, Value("id"));
        Assert.Equal("README.md", Value("readme"));
        string readme = Read(package, "README.md");
        Assert.StartsWith("# " + id, readme);
        Assert.DoesNotContain("dotnet test MediaModels.sln", readme);
        Assert.DoesNotContain("ProjectReference", readme);
        Assert.Contains(id == "MediaModels.Tool" ? $"dotnet tool install -g {id}" : $"dotnet add package {id}", readme);

        Assert.Equal("icon.png", Value("icon"));
        byte[] icon = ReadBytes(package, "icon.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, icon.Take(4));

        Assert.StartsWith("0.1.0", Value("releaseNotes"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("https://github.com/mediamodels/mediamodels", Value("projectUrl"));
        Assert.NotEmpty(Value("description"));
        Assert.Contains("media-generation", Value("tags").Split(' '));

        XElement repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal("https://github.com/mediamodels/mediamodels", repository.Attribute("url")?.Value);

        Assert.True(File.Exists(Path.Combine(_feed.Feed, $"{id}.{PackedFeed.Version}.snupkg")), $"{id}: no symbol package");
    }

    [Fact]
    public void The_runtime_package_brings_no_yaml_parser_to_run_time_and_the_sandbox_package_stands_alone()
    {
        using (ZipArchive package = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"MediaModels.{PackedFeed.Version}.nupkg")))
        {
            string[] dependencies = Dependencies(Nuspec(package, "MediaModels"));
            Assert.DoesNotContain("YamlDotNet", dependencies);
            Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", package.Entries.Select(e => e.FullName));
        }

        using (ZipArchive sandbox = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"MediaModels.Sandbox.{PackedFeed.Version}.nupkg")))
        {
            string[] dependencies = Dependencies(Nuspec(sandbox, "MediaModels.Sandbox"));
            Assert.Contains("MediaModels", dependencies);
            Assert.Contains("ModelContextProtocol.AspNetCore", dependencies);
            Assert.Contains("lib/net10.0/MediaModels.Sandbox.dll", sandbox.Entries.Select(e => e.FullName));
        }
    }

    private static string[] Dependencies(XElement metadata) => metadata.Descendants()
        .Where(e => e.Name.LocalName == "dependency")
        .Select(e => e.Attribute("id")!.Value)
        .Distinct()
        .ToArray();

    private static XElement Nuspec(ZipArchive package, string id)
    {
        XDocument nuspec = XDocument.Parse(Read(package, id + ".nuspec"));
        return nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Read(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"no {entry} in the package"));
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchive package, string entry)
    {
        using Stream stream = package.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"no {entry} in the package");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
