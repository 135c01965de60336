using System.Globalization;
using MediaModels.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Generators.Parsing;

/// <summary>
/// Decides whether an AdditionalFiles item is a catalog file: its <c>MediaModelsCatalog</c> metadata is <c>true</c>
/// (made visible to the compiler by <c>CompilerVisibleItemMetadata</c>). Reads its text and merge order.
/// </summary>
internal static class CatalogFileSelector
{
    public const string CatalogMetadata = "build_metadata.AdditionalFiles.MediaModelsCatalog";
    public const string OrderMetadata = "build_metadata.AdditionalFiles.MediaModelsCatalogOrder";

    /// <summary>The file as catalog input, or null when it is not a catalog file.</summary>
    public static CatalogFileInput? Select(AdditionalText file, AnalyzerConfigOptionsProvider provider, System.Threading.CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions options = provider.GetOptions(file);
        if (!options.TryGetValue(CatalogMetadata, out string? flag) || !string.Equals(flag?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        int order = 0;
        string? invalidOrder = null;
        if (options.TryGetValue(OrderMetadata, out string? orderText) && !string.IsNullOrWhiteSpace(orderText)
            && !int.TryParse(orderText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out order))
        {
            invalidOrder = orderText.Trim();
            order = 0;
        }

        SourceText? text = file.GetText(cancellationToken);
        return new CatalogFileInput(file.Path, order, text?.ToString(), invalidOrder);
    }
}
