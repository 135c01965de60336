using System;
using System.Globalization;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;

namespace MediaModels.Sandbox;

/// <summary>An estimated cost: the credits, or why there are none (and the most it can be, where the spec bounds it).</summary>
/// <param name="Credits">The estimate, or null when the catalog's facts do not fix it.</param>
/// <param name="MaxCredits">The most it can cost by the stated limits, where there is no estimate but a bound.</param>
/// <param name="Note">Why there is no estimate, or null.</param>
internal readonly record struct CostEstimate(double? Credits, double? MaxCredits, string? Note);

/// <summary>What a generation costs by the catalog's prices: the sandbox's <c>estimated_cost_credits</c> and the gateway's budget.</summary>
internal static class CatalogCost
{
    /// <summary>
    /// Credits only where the catalog knows a per-second price and the seconds are known: nothing invented. A model whose
    /// output is as long as its reference video (motion control) is priced from that video's length, which only
    /// <paramref name="referenceVideoLength"/> can know (the sandbox, for videos it served itself); otherwise the estimate
    /// says why there is none and gives the bound the stated limits allow.
    /// </summary>
    public static CostEstimate Estimate(ModelSpec model, GenerateMediaRequest request, Func<string, TimeSpan?>? referenceVideoLength = null)
    {
        if (model.Pricing?.CreditsPerSecond is not double perSecond)
        {
            return default;
        }

        string price = $"{model.Id} costs {perSecond.ToString(CultureInfo.InvariantCulture)} credits per second of output";
        GenerationTypeSpec? mode = model.FindGenerationType(request.GenerationType ?? GenerationTypes.Default);
        if (mode?.Videos is { } reference)
        {
            string? url = request.SourceMediaUrls?.FirstOrDefault(u => MediaUrl.KindOf(u) == UrlMediaKind.Video);
            if (url is not null && referenceVideoLength?.Invoke(url) is TimeSpan length)
            {
                return new CostEstimate(perSecond * length.TotalSeconds, null, null);
            }

            double? most = reference.MaxDurationSeconds is int maxSeconds ? perSecond * maxSeconds : null;
            return new CostEstimate(null, most,
                $"{price}, and the output is as long as the reference video{(reference.MaxDurationSeconds is int m ? $" (at most {m} s)" : string.Empty)}, not the request's duration; " +
                "the length of this video is not known here, so there is no estimate.");
        }

        if (model.Duration.IsConfigurable && DurationRule.TryParse(request.Duration, out int chosen) && model.Duration.Allows(chosen))
        {
            return new CostEstimate(perSecond * chosen, null, null);
        }

        if (model.Duration is { Kind: DurationKind.Fixed, Fixed: int fixedLength })
        {
            return new CostEstimate(perSecond * fixedLength, null, null);
        }

        return new CostEstimate(null, null, $"{price}; the request sets no duration the model uses and the spec documents no default length, so there is no estimate.");
    }
}
