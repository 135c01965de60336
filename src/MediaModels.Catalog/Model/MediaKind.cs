namespace MediaModels.Catalog;

/// <summary>What a model produces.</summary>
public enum MediaKind
{
    /// <summary>Still images.</summary>
    Image,

    /// <summary>Videos.</summary>
    Video,
}
