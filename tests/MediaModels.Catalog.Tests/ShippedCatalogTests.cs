using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

public class ShippedCatalogTests
{
    [Fact]
    public void Shipped_catalog_reads_without_diagnostics()
    {
        CatalogReadResult result = CatalogReader.ReadFiles(new[] { TestPaths.CatalogFolder });
        Assert.Equal(string.Empty, string.Join("\n", result.Diagnostics));
        Assert.Equal(36, result.Catalog.Models.Count);
    }
}
