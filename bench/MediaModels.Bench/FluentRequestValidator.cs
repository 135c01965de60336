using System;
using System.Collections.Generic;
using System.Linq;
using FluentValidation;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;

namespace MediaModels.Bench;

/// <summary>
/// The validation bench's anchor: the request rules as a FluentValidation user would write them, read from the same
/// catalog (a validator per model, chosen by the request's model id, with a block per generation type). Leaf checks
/// (URL form and kind, duration parsing, prompt length in code points) call the same helpers the rule engine calls,
/// so the comparison measures the engines, not the string scanning. Messages are FluentValidation's defaults: the
/// bench validates valid requests, where no message is built.
/// </summary>
internal sealed class FluentRequestValidator : AbstractValidator<GenerateMediaRequest>
{
    private static readonly IValidator<GenerateMediaRequest> NoModelRules = new InlineValidator<GenerateMediaRequest>();

    private readonly Dictionary<string, IValidator<GenerateMediaRequest>> _byModel;

    public FluentRequestValidator(ModelCatalog catalog)
    {
        _byModel = catalog.Models.ToDictionary(m => m.Id, m => (IValidator<GenerateMediaRequest>)new ModelRules(m, catalog.Defaults), StringComparer.Ordinal);

        RuleFor(r => r.Model).NotEmpty().Must(id => catalog.Find(id) is not null);
        RuleFor(r => r.Prompt).NotEmpty();
        RuleForEach(r => r.SourceMediaUrls).Must(MediaUrl.IsAbsoluteHttp);
        RuleFor(r => r.AspectRatio).Must(ratio => RuleEngine.IsAspectRatio(ratio!)).When(r => r.AspectRatio is not null);
        Include(r => r.Model is string id && _byModel.TryGetValue(id, out IValidator<GenerateMediaRequest>? rules) ? rules : NoModelRules);
    }

    /// <summary>The rules of one catalogued model.</summary>
    private sealed class ModelRules : AbstractValidator<GenerateMediaRequest>
    {
        public ModelRules(ModelSpec model, CatalogDefaults defaults)
        {
            if (model.PromptMaxLength is int limit)
            {
                RuleFor(r => r.Prompt).Must(prompt => PromptText.Length(prompt!) <= limit).When(r => r.Prompt is not null);
            }

            RuleFor(r => r.GenerationType).Must(type => model.FindGenerationType(type ?? defaults.GenerationType) is not null);

            if (!model.AspectRatios.IsEmpty)
            {
                RuleFor(r => r.AspectRatio).Must(ratio => model.AspectRatios.AsSpan().IndexOf(ratio!) >= 0)
                    .When(r => r.AspectRatio is not null && RuleEngine.IsAspectRatio(r.AspectRatio));
            }

            if (!model.Sound)
            {
                RuleFor(r => r.Sound).NotEqual(true).WithSeverity(FluentValidation.Severity.Warning);
            }

            if (!model.NegativePrompt)
            {
                RuleFor(r => r.NegativePrompt).Null().WithSeverity(FluentValidation.Severity.Warning);
            }

            DurationRule duration = model.Duration;
            if (duration.IsConfigurable)
            {
                RuleFor(r => r.Duration).Must(value => DurationRule.TryParse(value, out int seconds) && duration.Allows(seconds)).When(r => r.Duration is not null);
            }
            else
            {
                RuleFor(r => r.Duration).Null().WithSeverity(FluentValidation.Severity.Warning);
            }

            if (model.Quality is QualityRule quality)
            {
                RuleFor(r => r.Quality).Must(value => quality.Allows(value!)).When(r => r.Quality is not null);
            }
            else
            {
                RuleFor(r => r.Quality).Null().WithSeverity(FluentValidation.Severity.Warning);
            }

            foreach (GenerationTypeSpec mode in model.GenerationTypes)
            {
                When(r => (r.GenerationType ?? defaults.GenerationType) == mode.Type, () => ModeRules(model, mode, defaults));
            }

            if (model.Elements is ElementRules elements)
            {
                RuleForEach(r => r.KlingElements).SetValidator(new ElementRulesValidator(elements));
                RuleFor(r => r.Prompt).Must((request, prompt) => EveryReferenceDeclared(prompt!, request.KlingElements!))
                    .When(r => r.Prompt is not null && r.KlingElements is { Count: > 0 });
            }
            else
            {
                RuleFor(r => r.KlingElements).Empty();
            }
        }

        private void ModeRules(ModelSpec model, GenerationTypeSpec mode, CatalogDefaults defaults)
        {
            if (mode.TakesNoMedia)
            {
                RuleFor(r => r.SourceMediaUrls).Empty();
            }
            else
            {
                if (mode.MinTotal > 0)
                {
                    RuleFor(r => r.SourceMediaUrls).NotNull();
                }

                RuleFor(r => r.SourceMediaUrls).Must(urls => urls!.Count >= mode.MinTotal && (mode.MaxTotal is not int max || urls.Count <= max))
                    .Must(urls => KindsFit(mode, urls!))
                    .When(r => r.SourceMediaUrls is not null);
                RuleForEach(r => r.SourceMediaUrls).Must(url => FormatFits(mode, defaults, url));
            }

            if (model.Elements is not null)
            {
                if (mode.ElementsRequireImages is int required)
                {
                    RuleFor(r => r.SourceMediaUrls).Must(urls => (urls?.Count ?? 0) >= required).When(r => r.KlingElements is { Count: > 0 });
                }
                else
                {
                    RuleFor(r => r.KlingElements).Empty();
                }
            }
        }

        private static bool KindsFit(GenerationTypeSpec mode, IReadOnlyList<string> urls)
        {
            int images = 0;
            int videos = 0;
            foreach (string url in urls)
            {
                UrlMediaKind kind = MediaUrl.KindOf(url);
                images += kind == UrlMediaKind.Image ? 1 : 0;
                videos += kind == UrlMediaKind.Video ? 1 : 0;
            }

            return (videos == 0 || (mode.Videos is not null && (mode.Videos.Max is not int maxVideos || videos <= maxVideos)))
                && (images == 0 || (mode.Images is not null && (mode.Images.Max is not int maxImages || images <= maxImages || mode.Videos is null)));
        }

        private static bool FormatFits(GenerationTypeSpec mode, CatalogDefaults defaults, string url) => MediaUrl.KindOf(url) switch
        {
            UrlMediaKind.Video when mode.Videos is not null => MediaUrl.HasFormat(url, mode.Videos.Formats),
            UrlMediaKind.Image when mode.Images is not null => !mode.Images.Formats.IsEmpty
                ? MediaUrl.HasFormat(url, mode.Images.Formats)
                : defaults.ImageInput is not { Formats.IsEmpty: false } common || MediaUrl.HasFormat(url, common.Formats),
            _ => true,
        };

        private static bool EveryReferenceDeclared(string prompt, IReadOnlyList<KlingElement> elements)
        {
            int position = 0;
            while (PromptText.TryFindReference(prompt, ref position, out int start, out int length))
            {
                bool declared = false;
                foreach (KlingElement element in elements)
                {
                    declared |= element.Name is string name && PromptText.NameEquals(prompt, start, length, name);
                }

                if (!declared)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The rules of one Kling element.</summary>
    private sealed class ElementRulesValidator : AbstractValidator<KlingElement>
    {
        public ElementRulesValidator(ElementRules rules)
        {
            RuleFor(e => e.Name).NotEmpty();
            RuleFor(e => e.Description).NotEmpty();
            RuleFor(e => e.ElementInputUrls).NotNull().When(e => e.ElementInputVideoUrls is null);
            RuleFor(e => e.ElementInputUrls).Null().When(e => e.ElementInputVideoUrls is not null);
            RuleFor(e => e.ElementInputUrls).Must(urls => urls!.Count >= rules.MinImages && urls.Count <= rules.MaxImages).When(e => e.ElementInputUrls is not null);
            RuleFor(e => e.ElementInputVideoUrls).Must(urls => urls!.Count == rules.Videos).When(e => e.ElementInputVideoUrls is not null);
            RuleForEach(e => e.ElementInputUrls).Must(MediaUrl.IsAbsoluteHttp)
                .Must(url => MediaUrl.KindOf(url) != UrlMediaKind.Video)
                .Must(url => MediaUrl.HasFormat(url, rules.ImageFormats));
            RuleForEach(e => e.ElementInputVideoUrls).Must(MediaUrl.IsAbsoluteHttp)
                .Must(url => MediaUrl.KindOf(url) != UrlMediaKind.Image)
                .Must(url => MediaUrl.HasFormat(url, rules.VideoFormats));
        }
    }
}
