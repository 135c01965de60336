namespace MediaModels.Catalog;

/// <summary>Bounds the catalog check puts on numbers, so that what it accepts the generated code can carry.</summary>
public static class CatalogLimits
{
    /// <summary>
    /// The most inputs of one kind a count may give (images, videos, element images and videos,
    /// <c>elements_require_images</c>). The spec's largest is 16 images; each counted input can become a parameter of the
    /// generated factories, so a count is kept to what a method signature can reasonably hold.
    /// </summary>
    public const int MaxInputs = 100;
}
