using MediaModels.Catalog;
using MediaModels.Catalog.Rules;

namespace MediaModels.Sandbox;

/// <summary>What a generation costs by the catalog's prices: the sandbox's <c>estimated_cost_credits</c> and the gateway's budget.</summary>
internal static class CatalogCost
{
    /// <summary>Credits only where the catalog knows a per-second price and the request fixes the length: nothing invented.</summary>
    public static double? Estimate(ModelSpec model, GenerateMediaRequest request)
    {
        if (model.Pricing?.CreditsPerSecond is not double perSecond)
        {
            return null;
        }

        int? seconds = DurationRule.TryParse(request.Duration, out int chosen) ? chosen : model.Duration.Fixed;
        return seconds is int s ? perSecond * s : null;
    }
}
