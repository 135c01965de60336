using System.Collections.Generic;
using MediaModels.Catalog.Rules;
using Entry = MediaModels.Catalog.Reading.NodeReader.Entry;

namespace MediaModels.Catalog.Reading;

/// <summary>
/// The certainty of catalog facts: which are the catalog's readings of the spec (<c>reading:</c> on a mode, an input
/// limit or a duration; <c>readings:</c> on a model) and which figures the spec hedges (<c>hedges:</c> on an input
/// limit). Everything else is stated by the spec.
/// </summary>
public static partial class CatalogFileParser
{
    private sealed partial class Parser
    {
        /// <summary>A model's <c>readings:</c>: each key a fact of <see cref="FactKeys.ModelReadings"/>, each value why it is a reading.</summary>
        private EquatableArray<FactNote>? ModelReadings(Entry entry, string context) =>
            KeyedNotes(entry, $"readings of {context}", FactKeys.ModelReadings, "why the fact is a reading: what the spec says and why it is in doubt");

        /// <summary>An input limit's <c>hedges:</c>: each key a figure of <see cref="FactKeys.LimitHedges"/> the limit gives, each value the spec's hedge.</summary>
        private EquatableArray<FactNote> Hedges(Entry entry, string context, Dictionary<string, Entry> limit)
        {
            string hedgesContext = $"hedges of {context}";
            EquatableArray<FactNote> hedges = KeyedNotes(entry, hedgesContext, FactKeys.LimitHedges, "the spec's hedging words, e.g. typically") ?? EquatableArray<FactNote>.Empty;
            foreach (FactNote hedge in hedges)
            {
                if (!limit.ContainsKey(hedge.Fact))
                {
                    _reader.Report(MediaRules.CatalogContradiction, entry.Key.Location, $"{hedgesContext}: '{hedge.Fact}' is hedged but {context} gives no {hedge.Fact}.");
                }
            }

            return hedges;
        }

        /// <summary>The <c>reading:</c> of a mode or a duration: a mapping with only a <c>note</c>.</summary>
        private string? ReadingNote(Entry entry, string context) =>
            Reading(entry, context, CatalogKeys.Reading) is { } reading ? Note(reading, entry, $"the reading of {context}") : null;

        /// <summary>A duration rule with the <c>reading:</c> its mapping gives, if any (the mapping's keys are already checked).</summary>
        private DurationRule? WithReading(DurationRule? rule, Entry entry, string context)
        {
            if (rule is null || entry.Value is not YamlMapping mapping)
            {
                return rule;
            }

            foreach (KeyValuePair<YamlScalar, YamlNode> pair in mapping.Entries)
            {
                if (pair.Key.Value == "reading")
                {
                    return rule with { Reading = ReadingNote(new Entry(pair.Key, pair.Value), $"duration of {context}") };
                }
            }

            return rule;
        }

        /// <summary>
        /// The <c>reading:</c> of an input limit: narrower counts (<c>min</c>, <c>max</c> or <c>count</c>) than the stated
        /// ones, and a <c>note</c>. Returns the counts to use (the reading's where it gives them) and the stated bounds.
        /// </summary>
        private (int Min, int? Max, CountReading? Reading) CountsReading(Entry entry, string context, int statedMin, int? statedMax)
        {
            string readingContext = $"the reading of {context}";
            Dictionary<string, Entry>? map = Reading(entry, context, CatalogKeys.CountReading);
            string? note = map is null ? null : Note(map, entry, readingContext);
            if (map is null || note is null)
            {
                return (statedMin, statedMax, null);
            }

            int? count = map.TryGetValue("count", out Entry countEntry) ? _reader.Int(countEntry, readingContext, 1) : null;
            int? min = map.TryGetValue("min", out Entry minEntry) ? _reader.Int(minEntry, readingContext, 0) : null;
            int? max = map.TryGetValue("max", out Entry maxEntry) ? _reader.Int(maxEntry, readingContext, 1) : null;
            if (count is not null && (min is not null || max is not null))
            {
                _reader.Report(MediaRules.CatalogContradiction, countEntry.Key.Location, $"{readingContext}: 'count' cannot be combined with 'min' or 'max'.");
                return (statedMin, statedMax, null);
            }

            if (count is int exact)
            {
                min = exact;
                max = exact;
                minEntry = countEntry;
                maxEntry = countEntry;
            }

            if (min is null && max is null)
            {
                _reader.Report(MediaRules.CatalogMissingField, entry.Key.Location, $"{readingContext} gives no min, max or count: say which count the catalog reads more narrowly than the spec states it.");
                return (statedMin, statedMax, null);
            }

            // A reading narrows what the spec states; a wider one would turn a stated error into a warning.
            if (min is int readMin && readMin < statedMin)
            {
                _reader.Report(MediaRules.CatalogContradiction, minEntry.Value.Location, $"{readingContext}: min {readMin} is below the stated min {statedMin}; a reading can only narrow the stated counts.");
                return (statedMin, statedMax, null);
            }

            if (max is int readMax && statedMax is int upper && readMax > upper)
            {
                _reader.Report(MediaRules.CatalogContradiction, maxEntry.Value.Location, $"{readingContext}: max {readMax} is above the stated max {upper}; a reading can only narrow the stated counts.");
                return (statedMin, statedMax, null);
            }

            int effectiveMin = min ?? statedMin;
            int? effectiveMax = max ?? statedMax;
            if (effectiveMax is int most && effectiveMin > most)
            {
                _reader.Report(MediaRules.CatalogContradiction, entry.Key.Location, $"{readingContext}: min {effectiveMin} is greater than max {most}.");
                return (statedMin, statedMax, null);
            }

            return (effectiveMin, effectiveMax, new CountReading(statedMin, statedMax, note));
        }

        private Dictionary<string, Entry>? Reading(Entry entry, string context, IReadOnlyList<string> keys) =>
            _reader.Mapping(entry.Value, $"the reading of {context}", keys);

        /// <summary>The reading's <c>note</c>, which every reading needs: it is what a warning says.</summary>
        private string? Note(Dictionary<string, Entry> reading, Entry entry, string context)
        {
            if (!reading.TryGetValue("note", out Entry note))
            {
                _reader.Report(MediaRules.CatalogMissingField, entry.Key.Location, $"{context} has no 'note': say what the spec says and why the catalog's reading of it is in doubt.");
                return null;
            }

            return NonBlank(note, context);
        }

        /// <summary>A mapping from fact keys to text, in the order written.</summary>
        private EquatableArray<FactNote>? KeyedNotes(Entry entry, string context, EquatableArray<string> facts, string what)
        {
            var known = new string[facts.Count];
            for (int i = 0; i < known.Length; i++)
            {
                known[i] = facts[i];
            }

            Dictionary<string, Entry>? map = _reader.Mapping(entry.Value, context, known);
            if (map is null)
            {
                return null;
            }

            // Written order, not dictionary order: the docs list them as the catalog does.
            var notes = new List<FactNote>();
            foreach (KeyValuePair<YamlScalar, YamlNode> pair in ((YamlMapping)entry.Value).Entries)
            {
                if (map.TryGetValue(pair.Key.Value, out Entry value) && value.Key == pair.Key && NonBlank(value, $"{context} ({what})") is string text)
                {
                    notes.Add(new FactNote(pair.Key.Value, text));
                }
            }

            return notes.ToEquatableArray();
        }

        private string? NonBlank(Entry entry, string context)
        {
            string? text = _reader.String(entry, context);
            if (text is not null && PromptText.IsBlank(text))
            {
                _reader.Report(MediaRules.CatalogInvalidValue, entry.Value.Location, $"{context} '{entry.Key.Value}' is empty; write the text.");
                return null;
            }

            return text;
        }
    }
}
