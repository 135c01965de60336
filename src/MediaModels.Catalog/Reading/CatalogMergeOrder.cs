using System;
using System.Collections.Generic;
using System.Linq;

namespace MediaModels.Catalog.Reading;

/// <summary>
/// The order in which a build's catalog files are merged (a later file overrides an earlier one): by
/// <c>MediaModelsCatalogOrder</c>, then by path, ordinal. The generator and the analyzers' catalog both merge in it, so a
/// model overridden in two files has the same facts in the generated code and in the diagnostics.
/// </summary>
public static class CatalogMergeOrder
{
    /// <summary><paramref name="files"/> in merge order; <paramref name="order"/> and <paramref name="path"/> read each file's order and path.</summary>
    public static T[] Sort<T>(IEnumerable<T> files, Func<T, int> order, Func<T, string> path) =>
        files.OrderBy(order).ThenBy(path, StringComparer.Ordinal).ToArray();
}
