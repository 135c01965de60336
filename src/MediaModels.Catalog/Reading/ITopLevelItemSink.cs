namespace MediaModels.Catalog.Reading;

/// <summary>
/// Takes the items of a top-level list (<c>models:</c>, <c>overrides:</c>) one at a time while the file is read, so
/// the reader can drop each item's nodes as soon as it has been turned into a draft.
/// </summary>
internal interface ITopLevelItemSink
{
    /// <summary>Whether the items of the list under the root key <paramref name="key"/> are handed over one by one.</summary>
    bool Streams(string key);

    /// <summary>Takes one complete item of that list (it is not kept in the tree).</summary>
    void Take(string key, YamlNode item);
}
