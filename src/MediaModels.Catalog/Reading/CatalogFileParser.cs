using System;
using System.Collections.Generic;
using System.Threading;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Rules;
using Entry = MediaModels.Catalog.Reading.NodeReader.Entry;

namespace MediaModels.Catalog.Reading;

/// <summary>
/// Parses and checks one catalog file on its own: shape, keys, types, values, and contradictions inside one
/// entry. Cross-file checks (duplicate ids, overrides, name clashes) belong to <see cref="CatalogMerger"/>.
/// Never throws except <see cref="OperationCanceledException"/>.
/// </summary>
public static partial class CatalogFileParser
{
    /// <summary>Parses one file's text.</summary>
    public static CatalogFile Parse(string path, string text, CancellationToken cancellationToken = default) =>
        Parse(path, text, streamEntries: true, cancellationToken);

    /// <summary>
    /// Parses one file's text; with <paramref name="streamEntries"/> false the whole file is read into one tree first
    /// (the result is the same; tests compare the two).
    /// </summary>
    internal static CatalogFile Parse(string path, string text, bool streamEntries, CancellationToken cancellationToken)
    {
        var diagnostics = new List<CatalogDiagnostic>();
        var models = new List<ModelDraft>();
        var overrides = new List<ModelDraft>();
        CatalogDefaults? defaults = null;
        try
        {
            // Entries are parsed as the reader completes each one (their nodes are dropped right after), into lists of
            // their own, and appended below in the order a whole-tree parse would report them.
            var streamed = new StreamedEntries(cancellationToken);
            YamlNode? root = YamlEventReader.Read(path, text ?? string.Empty, diagnostics, streamEntries ? streamed : null, cancellationToken);
            if (root is not null && !(root is YamlScalar { IsNull: true }))
            {
                var reader = new NodeReader(diagnostics);
                var parser = new Parser(reader);
                Dictionary<string, Entry>? top = reader.Mapping(root, "the catalog file", CatalogKeys.File);
                if (top is not null)
                {
                    if (top.TryGetValue("defaults", out Entry defaultsEntry))
                    {
                        defaults = parser.Defaults(defaultsEntry);
                    }

                    if (top.TryGetValue("models", out Entry modelsEntry))
                    {
                        parser.Entries(modelsEntry, models, isOverride: false, cancellationToken);
                        streamed.Models.AppendTo(models, diagnostics);
                    }

                    if (top.TryGetValue("overrides", out Entry overridesEntry))
                    {
                        parser.Entries(overridesEntry, overrides, isOverride: true, cancellationToken);
                        streamed.Overrides.AppendTo(overrides, diagnostics);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug of ours must not take the compiler down with it: report it in place of the file, under its own ID.
            diagnostics.Add(CatalogDiagnostic.InternalError("reading this catalog file", exception, new SourceLocation(path, 1, 1)));
        }

        return new CatalogFile(path, defaults, models.ToEquatableArray(), overrides.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Parses the entries of <c>models:</c> and <c>overrides:</c> as the YAML reader hands them over.</summary>
    private sealed class StreamedEntries : ITopLevelItemSink
    {
        private readonly CancellationToken _cancellationToken;

        public StreamedEntries(CancellationToken cancellationToken)
        {
            _cancellationToken = cancellationToken;
            Models = new Section("models", isOverride: false);
            Overrides = new Section("overrides", isOverride: true);
        }

        public Section Models { get; }

        public Section Overrides { get; }

        public bool Streams(string key) => key == "models" || key == "overrides";

        public void Take(string key, YamlNode item)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            (key == "models" ? Models : Overrides).Take(item);
        }

        /// <summary>One list's drafts and the diagnostics its entries produced.</summary>
        public sealed class Section
        {
            private readonly List<CatalogDiagnostic> _diagnostics = new();
            private readonly List<ModelDraft> _drafts = new();
            private readonly Parser _parser;
            private readonly string _name;
            private readonly bool _isOverride;

            public Section(string name, bool isOverride)
            {
                _name = name;
                _isOverride = isOverride;
                _parser = new Parser(new NodeReader(_diagnostics));
            }

            public void Take(YamlNode item)
            {
                if (_parser.Model(item, _name, _isOverride) is ModelDraft draft)
                {
                    _drafts.Add(draft);
                }
            }

            public void AppendTo(List<ModelDraft> drafts, List<CatalogDiagnostic> diagnostics)
            {
                drafts.AddRange(_drafts);
                diagnostics.AddRange(_diagnostics);
            }
        }
    }

    /// <summary>The key path under which a mode's <c>elements_require_images</c> is located in <see cref="ModelDraft.Keys"/>.</summary>
    internal static string ElementsRequireImagesKey(string generationType) => "generation_types." + generationType + ".elements_require_images";

    /// <summary>A long value cut for a message.</summary>
    internal static string Shorten(string value) => value.Length <= 60 ? value : value.Substring(0, 57) + "…";

    private sealed partial class Parser
    {
        private readonly NodeReader _reader;

        public Parser(NodeReader reader) => _reader = reader;

        public CatalogDefaults? Defaults(Entry entry)
        {
            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, "defaults", CatalogKeys.Defaults);
            if (map is null)
            {
                return null;
            }

            string generationType = CatalogDefaults.Spec.GenerationType;
            if (map.TryGetValue("generation_type", out Entry type) && _reader.String(type, "defaults") is string typeValue)
            {
                if (GenerationTypes.IsKnown(typeValue))
                {
                    generationType = typeValue;
                }
                else
                {
                    InvalidGenerationType(type.Value, typeValue);
                }
            }

            string aspectRatio = CatalogDefaults.Spec.AspectRatio;
            if (map.TryGetValue("aspect_ratio", out Entry ratio) && _reader.String(ratio, "defaults") is string ratioValue)
            {
                aspectRatio = ratioValue;
            }

            return new CatalogDefaults(
                generationType,
                aspectRatio,
                List(map, "aspect_ratio_examples", "defaults") ?? EquatableArray<string>.Empty,
                map.TryGetValue("quality", out Entry quality) ? _reader.String(quality, "defaults") : CatalogDefaults.Spec.Quality,
                map.TryGetValue("image_input", out Entry imageInput) ? MediaLimit(imageInput, "defaults image_input", MediaKind.Image, defaultMin: 1) : null,
                Notes(map, "defaults"))
            {
                Sound = map.TryGetValue("sound", out Entry sound) && _reader.Bool(sound, "defaults") == true,
            };
        }

        public void Entries(Entry entry, List<ModelDraft> into, bool isOverride, CancellationToken cancellationToken)
        {
            string section = isOverride ? "overrides" : "models";
            if (entry.Value is not YamlSequence sequence)
            {
                if (!(entry.Value is YamlScalar { IsNull: true }))
                {
                    _reader.WrongType(entry, "the catalog file", "a list of model entries");
                }

                return;
            }

            foreach (YamlNode item in sequence.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ModelDraft? draft = Model(item, section, isOverride);
                if (draft is not null)
                {
                    into.Add(draft);
                }
            }
        }

        public ModelDraft? Model(YamlNode node, string section, bool isOverride)
        {
            // Any problem inside the entry leaves the model out of the merged catalog (and so out of generated code).
            int problemsBefore = _reader.Problems;
            Dictionary<string, Entry>? map = _reader.Mapping(node, $"an entry of {section}", CatalogKeys.Model);
            if (map is null)
            {
                return null;
            }

            if (!map.TryGetValue("id", out Entry idEntry))
            {
                _reader.Report(MediaRules.CatalogMissingField, node.Location, $"An entry of {section} has no 'id'; every entry names the model it {(isOverride ? "changes" : "declares")}.");
                return null;
            }

            string? id = _reader.String(idEntry, $"an entry of {section}");
            if (id is null)
            {
                return null;
            }

            string context = $"model '{id}'";
            var keys = new List<KeyLocation>();
            foreach (KeyValuePair<string, Entry> pair in map)
            {
                keys.Add(new KeyLocation(pair.Key, pair.Value.Key.Location));
            }

            string? name = null;
            if (map.TryGetValue("name", out Entry nameEntry) && _reader.String(nameEntry, context) is string nameValue)
            {
                if (ModelNaming.IsValidIdentifier(nameValue))
                {
                    name = nameValue;
                }
                else
                {
                    _reader.Report(MediaRules.CatalogInvalidValue, nameEntry.Value.Location, $"{context}: name '{nameValue}' is not a C# identifier (ASCII letters, digits and _, not starting with a digit).");
                }
            }

            MediaKind? media = null;
            if (map.TryGetValue("media", out Entry mediaEntry) && _reader.String(mediaEntry, context) is string mediaValue)
            {
                switch (mediaValue)
                {
                    case "image":
                        media = MediaKind.Image;
                        break;
                    case "video":
                        media = MediaKind.Video;
                        break;
                    default:
                        string? nearest = NearestName.Find(mediaValue, CatalogKeys.MediaKinds);
                        _reader.Report(MediaRules.CatalogInvalidValue, mediaEntry.Value.Location, $"{context}: media '{mediaValue}' is not image or video." + (nearest is null ? string.Empty : $" Did you mean '{nearest}'?"));
                        break;
                }
            }

            EquatableArray<GenerationTypeSpec>? generationTypes = null;
            if (map.TryGetValue("generation_types", out Entry typesEntry))
            {
                generationTypes = GenerationTypeMap(typesEntry, context, keys);
            }

            if (!isOverride)
            {
                if (!map.ContainsKey("media"))
                {
                    _reader.Report(MediaRules.CatalogMissingField, idEntry.Key.Location, $"{context} has no 'media' (image or video).");
                }

                if (!map.ContainsKey("generation_types"))
                {
                    _reader.Report(MediaRules.CatalogMissingField, idEntry.Key.Location, $"{context} has no 'generation_types'; list at least one of {string.Join(", ", GenerationTypes.All)}.");
                }
            }

            var draft = new ModelDraft(
                id,
                idEntry.Key.Location,
                name,
                media,
                map.TryGetValue("family", out Entry family) ? _reader.String(family, context) : null,
                generationTypes,
                map.TryGetValue("duration", out Entry duration) ? WithReading(Duration(duration, context), duration, context) : null,
                map.TryGetValue("sound", out Entry sound) ? _reader.Bool(sound, context) : null,
                map.TryGetValue("negative_prompt", out Entry negative) ? _reader.Bool(negative, context) : null,
                map.TryGetValue("quality", out Entry quality) ? Quality(quality, context) : null,
                map.TryGetValue("resolution", out Entry resolution) ? Resolution(resolution, context) : null,
                map.TryGetValue("prompt_max_length", out Entry prompt) ? _reader.Int(prompt, context, 1) : null,
                map.TryGetValue("elements", out Entry elements) ? Elements(elements, context) : null,
                List(map, "aspect_ratios", context),
                map.TryGetValue("pricing", out Entry pricing) ? Pricing(pricing, context) : null,
                map.TryGetValue("estimated_time_seconds", out Entry estimate) ? _reader.Int(estimate, context, 1) : null,
                List(map, "notes", context),
                List(map, "sources", context),
                keys.ToEquatableArray())
            {
                Readings = map.TryGetValue("readings", out Entry readings) ? ModelReadings(readings, context) : null,
            };
            return draft with { HasErrors = _reader.Problems > problemsBefore };
        }

        private EquatableArray<GenerationTypeSpec>? GenerationTypeMap(Entry entry, string context, List<KeyLocation> keys)
        {
            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, $"generation_types of {context}", GenerationTypes.All);
            if (map is null)
            {
                return null;
            }

            if (map.Count == 0)
            {
                _reader.Report(MediaRules.CatalogMissingField, entry.Value.Location, $"{context}: generation_types is empty; list at least one of {string.Join(", ", GenerationTypes.All)}.");
            }

            var specs = new List<GenerationTypeSpec>();
            foreach (string type in GenerationTypes.All)
            {
                if (!map.TryGetValue(type, out Entry typeEntry))
                {
                    continue;
                }

                keys.Add(new KeyLocation("generation_types." + type, typeEntry.Key.Location));
                string typeContext = $"generation type '{type}' of {context}";
                if (typeEntry.Value is YamlScalar { IsNull: true })
                {
                    specs.Add(new GenerationTypeSpec(type, null, null, null, EquatableArray<string>.Empty));
                    continue;
                }

                Dictionary<string, Entry>? typeMap = _reader.Mapping(typeEntry.Value, typeContext, CatalogKeys.GenerationType);
                if (typeMap is null)
                {
                    continue;
                }

                SourceMediaLimit? images = typeMap.TryGetValue("images", out Entry imagesEntry) ? MediaLimit(imagesEntry, $"images of {typeContext}", MediaKind.Image, defaultMin: 1) : null;
                SourceMediaLimit? videos = typeMap.TryGetValue("videos", out Entry videosEntry) ? MediaLimit(videosEntry, $"videos of {typeContext}", MediaKind.Video, defaultMin: 1) : null;
                int? elementsRequire = null;
                if (typeMap.TryGetValue("elements_require_images", out Entry requireEntry))
                {
                    // Whether the mode's images allow it, and whether the model has elements at all, are facts of the
                    // merged model (an override may change either): CatalogMerger checks them.
                    elementsRequire = _reader.Count(requireEntry, typeContext, 0);
                    keys.Add(new KeyLocation(ElementsRequireImagesKey(type), requireEntry.Key.Location));
                }

                specs.Add(new GenerationTypeSpec(type, images, videos, elementsRequire, Notes(typeMap, typeContext))
                {
                    Reading = typeMap.TryGetValue("reading", out Entry readingEntry) ? ReadingNote(readingEntry, typeContext) : null,
                });
            }

            return specs.ToEquatableArray();
        }

        private SourceMediaLimit? MediaLimit(Entry entry, string context, MediaKind kind, int defaultMin)
        {
            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, context, CatalogKeys.MediaLimit);
            if (map is null)
            {
                return null;
            }

            int? count = map.TryGetValue("count", out Entry countEntry) ? _reader.Count(countEntry, context, 1) : null;
            int? min = map.TryGetValue("min", out Entry minEntry) ? _reader.Count(minEntry, context, 0) : null;
            int? max = map.TryGetValue("max", out Entry maxEntry) ? _reader.Count(maxEntry, context, 1) : null;
            if (count is not null && (min is not null || max is not null))
            {
                _reader.Report(MediaRules.CatalogContradiction, countEntry.Key.Location, $"{context}: 'count' cannot be combined with 'min' or 'max'.");
            }

            if (count is int exact)
            {
                min = exact;
                max = exact;
            }

            min ??= defaultMin;
            if (max is int upper && min > upper)
            {
                _reader.Report(MediaRules.CatalogMinAboveMax, (map.ContainsKey("min") ? minEntry : maxEntry).Key.Location, $"{context}: min {min} is greater than max {upper}, so no count would be allowed.");
            }

            // A reading narrows the stated counts: from here on min and max are the catalog's reading of them.
            CountReading? reading = null;
            if (map.TryGetValue("reading", out Entry readingEntry))
            {
                (min, max, reading) = CountsReading(readingEntry, context, min.Value, max);
            }

            EquatableArray<string> roles = List(map, "roles", context) ?? EquatableArray<string>.Empty;
            if (max is int most && roles.Count > most)
            {
                _reader.Report(MediaRules.CatalogContradiction, map["roles"].Key.Location, $"{context}: {roles.Count} roles for at most {most} inputs.");
            }

            if (map.TryGetValue("roles", out Entry rolesEntry) && rolesEntry.Value is YamlSequence roleItems)
            {
                Roles(roleItems, context, kind);
            }

            return new SourceMediaLimit(
                min.Value,
                max,
                roles,
                List(map, "formats", context) ?? EquatableArray<string>.Empty,
                map.TryGetValue("max_file_size_mb", out Entry size) ? _reader.Number(size, context) : null,
                map.TryGetValue("max_duration_seconds", out Entry length) ? _reader.Int(length, context, 1) : null,
                Notes(map, context))
            {
                Reading = reading,
                Hedges = map.TryGetValue("hedges", out Entry hedges) ? Hedges(hedges, context, map) : EquatableArray<FactNote>.Empty,
            };
        }

        private DurationRule? Duration(Entry entry, string context)
        {
            string durationContext = $"duration of {context}";
            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, durationContext, CatalogKeys.Duration);
            if (map is null)
            {
                return null;
            }

            EquatableArray<string> notes = Notes(map, durationContext);
            bool? configurable = map.TryGetValue("configurable", out Entry configurableEntry) ? _reader.Bool(configurableEntry, durationContext) : null;
            bool hasValues = map.TryGetValue("values", out Entry valuesEntry);
            bool hasMin = map.TryGetValue("min", out Entry minEntry);
            bool hasMax = map.TryGetValue("max", out Entry maxEntry);
            bool hasFixed = map.TryGetValue("fixed", out Entry fixedEntry);
            int forms = (hasValues ? 1 : 0) + (hasMin || hasMax ? 1 : 0) + (hasFixed ? 1 : 0);

            if (configurable == false && forms > 0)
            {
                Entry chosen = hasValues ? valuesEntry : hasFixed ? fixedEntry : hasMin ? minEntry : maxEntry;
                _reader.Report(MediaRules.CatalogContradiction, chosen.Key.Location, $"{durationContext} says 'configurable: false' but also gives '{chosen.Key.Value}'; keep one.");
                return null;
            }

            if (forms > 1)
            {
                _reader.Report(MediaRules.CatalogContradiction, entry.Key.Location, $"{durationContext} mixes values, a min/max range and fixed; use one form.");
                return null;
            }

            if (configurable == false)
            {
                return new DurationRule(DurationKind.NotConfigurable, EquatableArray<int>.Empty, null, null, null, notes);
            }

            if (configurable == true && forms == 0)
            {
                _reader.Report(MediaRules.CatalogMissingField, configurableEntry.Key.Location, $"{durationContext} is configurable but gives no values or min/max.");
                return null;
            }

            if (hasValues)
            {
                if (valuesEntry.Value is not YamlSequence sequence || sequence.Items.Count == 0)
                {
                    _reader.WrongType(valuesEntry, durationContext, "a non-empty list of durations such as [5s, 10s]");
                    return null;
                }

                var values = new List<int>();
                foreach (YamlNode item in sequence.Items)
                {
                    if (_reader.Seconds(item, "A duration value") is int seconds)
                    {
                        if (values.Contains(seconds))
                        {
                            _reader.Report(MediaRules.CatalogDuplicateKey, item.Location, $"{durationContext} lists {DurationRule.Format(seconds)} twice.");
                        }
                        else
                        {
                            values.Add(seconds);
                        }
                    }
                }

                values.Sort();
                return new DurationRule(DurationKind.Values, values.ToEquatableArray(), null, null, null, notes);
            }

            if (hasMin || hasMax)
            {
                if (!hasMin || !hasMax)
                {
                    _reader.Report(MediaRules.CatalogMissingField, (hasMin ? minEntry : maxEntry).Key.Location, $"{durationContext}: a range needs both min and max.");
                    return null;
                }

                int? min = _reader.Seconds(minEntry.Value, "min");
                int? max = _reader.Seconds(maxEntry.Value, "max");
                if (min is null || max is null)
                {
                    return null;
                }

                if (min > max)
                {
                    _reader.Report(MediaRules.CatalogMinAboveMax, minEntry.Key.Location, $"{durationContext}: min {DurationRule.Format(min.Value)} is greater than max {DurationRule.Format(max.Value)}, so no duration would be allowed.");
                    return null;
                }

                return new DurationRule(DurationKind.Range, EquatableArray<int>.Empty, min, max, null, notes);
            }

            if (hasFixed)
            {
                return _reader.Seconds(fixedEntry.Value, "fixed") is int length
                    ? new DurationRule(DurationKind.Fixed, EquatableArray<int>.Empty, null, null, length, notes)
                    : null;
            }

            _reader.Report(MediaRules.CatalogMissingField, entry.Key.Location, $"{durationContext} gives none of values, min/max, fixed or configurable: false.");
            return null;
        }

        private QualityRule? Quality(Entry entry, string context)
        {
            string qualityContext = $"quality of {context}";
            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, qualityContext, CatalogKeys.Quality);
            if (map is null)
            {
                return null;
            }

            var values = new List<QualityOption>();
            if (map.TryGetValue("values", out Entry valuesEntry))
            {
                if (valuesEntry.Value is YamlSequence sequence)
                {
                    foreach (YamlNode item in sequence.Items)
                    {
                        if (item is YamlScalar scalar && !scalar.IsNull)
                        {
                            values.Add(new QualityOption(scalar.Value, null));
                            DerivedName(scalar, "quality value", scalar.Value);
                        }
                        else if (item is YamlMapping)
                        {
                            Dictionary<string, Entry>? option = _reader.Mapping(item, $"a value of {qualityContext}", CatalogKeys.QualityValue);
                            if (option is null)
                            {
                                continue;
                            }

                            if (!option.TryGetValue("value", out Entry valueEntry))
                            {
                                _reader.Report(MediaRules.CatalogMissingField, item.Location, $"A value of {qualityContext} has no 'value'.");
                                continue;
                            }

                            if (_reader.String(valueEntry, qualityContext) is string value)
                            {
                                DerivedName(valueEntry.Value, "quality value", value);
                                values.Add(new QualityOption(value, option.TryGetValue("meaning", out Entry meaning) ? _reader.String(meaning, qualityContext) : null));
                            }
                        }
                        else
                        {
                            _reader.Report(MediaRules.CatalogWrongType, item.Location, $"A value of {qualityContext} must be text or a mapping with value and meaning, not {item.Shape}.");
                        }
                    }
                }
                else
                {
                    _reader.WrongType(valuesEntry, qualityContext, "a list");
                }
            }

            bool open = map.TryGetValue("open", out Entry openEntry) && _reader.Bool(openEntry, qualityContext) == true;
            if (values.Count == 0 && !open)
            {
                _reader.Report(MediaRules.CatalogQualityAllowsNothing, entry.Key.Location, $"{qualityContext} lists no values and is not open, so no quality would be allowed; list values or set open: true.");
            }

            return new QualityRule(
                values.ToEquatableArray(),
                open,
                map.TryGetValue("maps_to", out Entry mapsTo) ? _reader.String(mapsTo, qualityContext) : null,
                Notes(map, qualityContext));
        }

        private ResolutionRule? Resolution(Entry entry, string context)
        {
            string resolutionContext = $"resolution of {context}";
            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, resolutionContext, CatalogKeys.Resolution);
            if (map is null)
            {
                return null;
            }

            EquatableArray<string>? values = List(map, "values", resolutionContext);
            if (values is null || values.Value.IsEmpty)
            {
                _reader.Report(MediaRules.CatalogMissingField, entry.Key.Location, $"{resolutionContext} lists no values.");
                return null;
            }

            return new ResolutionRule(
                values.Value,
                map.TryGetValue("parameter", out Entry parameter) ? _reader.String(parameter, resolutionContext) : null,
                Notes(map, resolutionContext));
        }

        private ElementRules? Elements(Entry entry, string context)
        {
            string elementsContext = $"elements of {context}";
            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, elementsContext, CatalogKeys.Elements);
            if (map is null)
            {
                return null;
            }

            int minImages = Required("min_images", 1) ?? 1;
            int maxImages = Required("max_images", 1) ?? minImages;
            if (minImages > maxImages)
            {
                _reader.Report(MediaRules.CatalogMinAboveMax, map["min_images"].Key.Location, $"{elementsContext}: min_images {minImages} is greater than max_images {maxImages}, so no image element would be allowed.");
            }

            return new ElementRules(
                minImages,
                maxImages,
                Required("videos", 0) ?? 1,
                List(map, "image_formats", elementsContext) ?? EquatableArray<string>.Empty,
                List(map, "video_formats", elementsContext) ?? EquatableArray<string>.Empty,
                map.TryGetValue("min_image_pixels", out Entry pixels) ? _reader.Int(pixels, elementsContext, 1) : null,
                map.TryGetValue("max_image_file_size_mb", out Entry imageSize) ? _reader.Number(imageSize, elementsContext) : null,
                map.TryGetValue("max_video_file_size_mb", out Entry videoSize) ? _reader.Number(videoSize, elementsContext) : null,
                Notes(map, elementsContext));

            int? Required(string key, int min)
            {
                if (map.TryGetValue(key, out Entry value))
                {
                    return _reader.Count(value, elementsContext, min);
                }

                _reader.Report(MediaRules.CatalogMissingField, entry.Key.Location, $"{elementsContext} has no '{key}'.");
                return null;
            }
        }

        private PricingFacts? Pricing(Entry entry, string context)
        {
            string pricingContext = $"pricing of {context}";
            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, pricingContext, CatalogKeys.Pricing);
            return map is null
                ? null
                : new PricingFacts(
                    map.TryGetValue("credits_per_second", out Entry credits) ? _reader.Number(credits, pricingContext) : null,
                    Notes(map, pricingContext));
        }

        private EquatableArray<string>? List(Dictionary<string, Entry> map, string key, string context) =>
            map.TryGetValue(key, out Entry entry) ? _reader.StringList(entry, context) : null;

        private EquatableArray<string> Notes(Dictionary<string, Entry> map, string context) =>
            List(map, "notes", context) ?? EquatableArray<string>.Empty;

        /// <summary>Roles name a kind of input by their last word (start-frame, reference-video): it must be the list's kind.</summary>
        private void Roles(YamlSequence roles, string context, MediaKind kind)
        {
            foreach (YamlNode item in roles.Items)
            {
                if (item is not YamlScalar { IsNull: false } role)
                {
                    continue;
                }

                if (RoleNames.KindNamed(role.Value) is MediaKind named && named != kind)
                {
                    string word = kind == MediaKind.Image ? "image" : "video";
                    _reader.Report(MediaRules.CatalogRoleOfOtherKind, role.Location, $"{context}: role '{role.Value}' names {(named == MediaKind.Image ? "an image" : "a video")}, but it is in the {word} list; move it to the list of its kind or rename it.");
                }

                DerivedName(role, "role", role.Value);
            }
        }

        /// <summary>A value the generated code turns into a C# name (a role, a quality value) must give one C# accepts.</summary>
        private void DerivedName(YamlNode node, string what, string value)
        {
            int length = ModelNaming.Pascal(value).Length;
            if (length > CSharpNames.MaxNameLength)
            {
                _reader.Report(MediaRules.CatalogInvalidValue, node.Location, $"The {what} '{Shorten(value)}' would become a C# name of {length} characters; names in the generated code are limited to {CSharpNames.MaxNameLength}. Shorten it.");
            }
        }

        private void InvalidGenerationType(YamlNode node, string value)
        {
            string? nearest = NearestName.Find(value, GenerationTypes.All);
            _reader.Report(MediaRules.CatalogInvalidValue, node.Location, $"'{value}' is not a generation type; use one of {string.Join(", ", GenerationTypes.All)}." + (nearest is null ? string.Empty : $" Did you mean '{nearest}'?"));
        }
    }
}
