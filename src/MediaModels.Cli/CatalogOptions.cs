using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using MediaModels.Catalog;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;

namespace MediaModels.Cli;

/// <summary>The options every command uses to choose its catalog: the shipped one plus overlays.</summary>
internal sealed class CatalogOptions
{
    public Option<string[]> Catalog { get; } = new("--catalog")
    {
        Description = "A catalog file, folder (its *.yaml and *.yml files), glob or '-' merged after the shipped catalog (repeatable): adds models or overrides shipped ones.",
        HelpName = "PATH",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoShipped { get; } = new("--no-shipped-catalog")
    {
        Description = "Use only the --catalog files, not the catalog shipped with MediaModels.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Catalog);
        command.Options.Add(NoShipped);
    }

    /// <summary>The overlay files named by <c>--catalog</c> (and <paramref name="extra"/>), expanded as every file argument is.</summary>
    public IReadOnlyList<InputFile> Overlays(ParseResult parse, IEnumerable<string>? extra = null) =>
        InputFiles.Catalogs.Expand((parse.GetValue(Catalog) ?? Array.Empty<string>()).Concat(extra ?? Array.Empty<string>()));

    /// <summary>
    /// The overlay files for a sandbox, which reads its catalog from files itself (<see cref="Sandbox.SandboxOptions.CatalogPaths"/>):
    /// expanded as everywhere; <c>-</c> cannot reach it, which is a usage error.
    /// </summary>
    public IReadOnlyList<string> SandboxPaths(ParseResult parse)
    {
        IReadOnlyList<InputFile> overlays = Overlays(parse);
        if (overlays.Any(o => o.IsStandardInput))
        {
            throw CommandFailedException.Usage("the sandbox reads its catalog from files; '--catalog -' cannot reach it (save the overlay to a file).");
        }

        return overlays.Select(o => o.Path).ToArray();
    }

    /// <summary>The shipped catalog (unless <c>--no-shipped-catalog</c>) merged with the overlays; never throws for a bad file.</summary>
    public CatalogReadResult Read(ParseResult parse, CliContext context, IEnumerable<string>? extra = null)
    {
        var files = new List<CatalogFile>();
        if (!parse.GetValue(NoShipped))
        {
            files.AddRange(ShippedCatalog.Sources().Select(s => CatalogFileParser.Parse(s.Path, s.Text)));
        }

        foreach (InputFile overlay in Overlays(parse, extra))
        {
            if (overlay.Problem is not null)
            {
                files.Add(Unreadable(overlay.Path, $"Cannot read the catalog: {overlay.Problem}."));
            }
            else if (overlay.IsStandardInput)
            {
                string text;
                try
                {
                    text = Encoding.UTF8.GetString(context.ReadAllBytes(overlay));
                }
                catch (IOException exception)
                {
                    files.Add(Unreadable(overlay.Path, $"Cannot read the catalog: {exception.Message}"));
                    continue;
                }

                files.Add(CatalogFileParser.Parse(overlay.Path, text));
            }
            else
            {
                files.AddRange(CatalogReader.ParseFiles(new[] { overlay.Path }));
            }
        }

        return CatalogMerger.Merge(files);
    }

    /// <summary>True when a catalog file could not be read (MM1000): the command exits as for any unreadable input.</summary>
    public static bool HasUnreadable(CatalogReadResult read) => read.Diagnostics.Any(d => d.Id == MediaRules.CatalogUnreadable.Id);

    /// <summary>The exit code of a catalog with errors: unreadable input, or an invalid catalog.</summary>
    public static int ExitCodeOf(CatalogReadResult read) => HasUnreadable(read) ? ExitCodes.Unreadable : ExitCodes.Invalid;

    private static CatalogFile Unreadable(string path, string message) => new(
        path,
        null,
        EquatableArray<ModelDraft>.Empty,
        EquatableArray<ModelDraft>.Empty,
        EquatableArray.Create(new CatalogDiagnostic(MediaRules.CatalogUnreadable.Id, message, new SourceLocation(path, 1, 1))));
}
