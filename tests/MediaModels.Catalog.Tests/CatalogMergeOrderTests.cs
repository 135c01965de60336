using System.Linq;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

public class CatalogMergeOrderTests
{
    [Fact]
    public void Files_merge_by_their_order_then_by_path_ordinally()
    {
        var files = new[] { ("b.yaml", 0), ("a.yaml", 1), ("B.yaml", 0), ("a.yaml", -1), ("c.yaml", 0) };
        string[] merged = CatalogMergeOrder.Sort(files, f => f.Item2, f => f.Item1).Select(f => $"{f.Item2}:{f.Item1}").ToArray();
        Assert.Equal(new[] { "-1:a.yaml", "0:B.yaml", "0:b.yaml", "0:c.yaml", "1:a.yaml" }, merged);
    }
}
