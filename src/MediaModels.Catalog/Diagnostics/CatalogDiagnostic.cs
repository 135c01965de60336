using MediaModels.Catalog.Rules;

namespace MediaModels.Catalog.Diagnostics;

/// <summary>A problem in a catalog file (MM1xxx), at a line and column.</summary>
/// <param name="Id">The rule ID, e.g. <c>MM1002</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Location">Where: file, 1-based line and column.</param>
/// <param name="AdditionalLocations">
/// The other places the problem involves (the first declaration of a duplicate id, the other model of a name clash),
/// so whichever of the files is open shows it; empty for most problems.</param>
public sealed record CatalogDiagnostic(string Id, string Message, SourceLocation Location, EquatableArray<SourceLocation> AdditionalLocations = default)
{
    /// <summary>The shared descriptor of <see cref="Id"/>.</summary>
    public RuleDescriptor? Rule => MediaRules.Find(Id);

    /// <summary>
    /// A failure of MediaModels itself (<see cref="MediaRules.CatalogInternalError"/>): <paramref name="what"/> failed with
    /// <paramref name="exception"/>. Every catch-all that keeps a build alive reports through this one message.
    /// </summary>
    public static CatalogDiagnostic InternalError(string what, System.Exception exception, SourceLocation location) =>
        new(MediaRules.CatalogInternalError.Id, InternalErrorMessage(what, exception), location);

    /// <summary>The message of <see cref="InternalError"/>.</summary>
    public static string InternalErrorMessage(string what, System.Exception exception) => InternalErrorMessage(what, Describe(exception));

    /// <summary>The message of <see cref="InternalError"/>, for a failure already described by <see cref="Describe"/>.</summary>
    public static string InternalErrorMessage(string what, string failure) =>
        $"MediaModels failed {what}: {failure} This is a bug in MediaModels, not in the catalog; please report it with the catalog file.";

    /// <summary>An exception as the internal error names it: its type and message.</summary>
    public static string Describe(System.Exception exception) => exception.GetType().FullName + ": " + exception.Message;

    /// <summary>MSBuild style: <c>file(line,col): error MM1002: message</c>.</summary>
    public override string ToString() => $"{Location}: error {Id}: {Message}";
}
