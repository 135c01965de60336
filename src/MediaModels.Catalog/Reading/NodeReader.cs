using System;
using System.Collections.Generic;
using System.Globalization;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Rules;

namespace MediaModels.Catalog.Reading;

/// <summary>Typed reads of YAML nodes that report every mismatch as a positioned MM1xxx and carry on.</summary>
internal sealed class NodeReader
{
    private readonly List<CatalogDiagnostic> _diagnostics;

    public NodeReader(List<CatalogDiagnostic> diagnostics) => _diagnostics = diagnostics;

    /// <summary>How many problems have been reported so far (a parser compares it before and after an entry).</summary>
    public int Problems => _diagnostics.Count;

    public void Report(RuleDescriptor rule, SourceLocation location, string message) =>
        _diagnostics.Add(new CatalogDiagnostic(rule.Id, message, location));

    /// <summary>
    /// The entries of a mapping by key, after reporting unknown keys (with the nearest known one) and duplicates.
    /// Only the first of duplicate keys is returned.
    /// </summary>
    public Dictionary<string, Entry>? Mapping(YamlNode node, string context, IReadOnlyList<string> knownKeys)
    {
        if (node is not YamlMapping mapping)
        {
            Report(MediaRules.CatalogWrongType, node.Location, $"{context} must be a mapping, not {node.Shape}.");
            return null;
        }

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (KeyValuePair<YamlScalar, YamlNode> pair in mapping.Entries)
        {
            string key = pair.Key.Value;
            if (entries.TryGetValue(key, out Entry first))
            {
                Report(MediaRules.CatalogDuplicateKey, pair.Key.Location,
                    $"'{key}' appears twice in {context} (first at line {first.Key.Location.Line}); remove one.");
                continue;
            }

            if (!Contains(knownKeys, key))
            {
                string? nearest = NearestName.Find(key, knownKeys);
                Report(MediaRules.CatalogUnknownKey, pair.Key.Location,
                    $"Unknown key '{key}' in {context}." + (nearest is null ? string.Empty : $" Did you mean '{nearest}'?")
                    + $" Known keys: {string.Join(", ", knownKeys)}.");
                continue;
            }

            entries.Add(key, new Entry(pair.Key, pair.Value));
        }

        return entries;
    }

    public string? String(Entry entry, string context)
    {
        if (entry.Value is YamlScalar scalar && !scalar.IsNull)
        {
            return scalar.Value;
        }

        WrongType(entry, context, "text");
        return null;
    }

    public bool? Bool(Entry entry, string context)
    {
        if (entry.Value is YamlScalar { IsPlain: true } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        WrongType(entry, context, "true or false");
        return null;
    }

    public int? Int(Entry entry, string context, int min)
    {
        if (entry.Value is YamlScalar { IsPlain: true } scalar
            && int.TryParse(scalar.Value.Replace("_", string.Empty), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            if (value < min)
            {
                Report(MediaRules.CatalogInvalidValue, entry.Value.Location, $"{context} '{entry.Key.Value}' must be at least {min}, not {value}.");
                return null;
            }

            return value;
        }

        WrongType(entry, context, "a whole number");
        return null;
    }

    /// <summary>A count of inputs: a whole number from <paramref name="min"/> to <see cref="CatalogLimits.MaxInputs"/>.</summary>
    public int? Count(Entry entry, string context, int min)
    {
        int? value = Int(entry, context, min);
        if (value > CatalogLimits.MaxInputs)
        {
            Report(MediaRules.CatalogCountOutOfRange, entry.Value.Location, $"{context} '{entry.Key.Value}' is {value}; counts of inputs are at most {CatalogLimits.MaxInputs}.");
            return null;
        }

        return value;
    }

    public double? Number(Entry entry, string context)
    {
        if (entry.Value is YamlScalar { IsPlain: true } scalar
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && !double.IsNaN(value) && !double.IsInfinity(value))
        {
            if (value <= 0)
            {
                Report(MediaRules.CatalogInvalidValue, entry.Value.Location, $"{context} '{entry.Key.Value}' must be positive, not {scalar.Value}.");
                return null;
            }

            return value;
        }

        WrongType(entry, context, "a number");
        return null;
    }

    /// <summary>
    /// A duration written <c>5s</c> (whole seconds); a plain number is accepted as seconds. From 1s to
    /// <see cref="DurationRule.MaxSeconds"/>: a longer one is MM1014, whatever its number of digits.
    /// </summary>
    public int? Seconds(YamlNode node, string what)
    {
        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            string text = scalar.Value;
            int digits = text.Length > 1 && text[text.Length - 1] == 's' ? text.Length - 1 : scalar.IsPlain ? text.Length : 0;
            int first = 0;
            while (first < digits - 1 && text[first] == '0')
            {
                first++;
            }

            if (digits > 0 && IsDigits(text, digits))
            {
                // More than six significant digits is beyond MaxSeconds (and maybe beyond int): no need to parse it.
                int seconds = digits - first > 6 ? int.MaxValue : int.Parse(text.Substring(first, digits - first), NumberStyles.None, CultureInfo.InvariantCulture);
                if (seconds > DurationRule.MaxSeconds)
                {
                    Report(MediaRules.CatalogDurationOutOfRange, node.Location, $"{what} '{text}' is longer than {DurationRule.Format(DurationRule.MaxSeconds)}, the longest duration the catalog accepts.");
                    return null;
                }

                if (seconds > 0)
                {
                    return seconds;
                }
            }

            Report(MediaRules.CatalogInvalidValue, node.Location, $"{what} '{text}' is not a duration; write whole seconds with an s, e.g. 5s.");
            return null;
        }

        Report(MediaRules.CatalogWrongType, node.Location, $"{what} must be a duration such as 5s, not {node.Shape}.");
        return null;

        static bool IsDigits(string text, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (text[i] is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }

    public EquatableArray<string>? StringList(Entry entry, string context)
    {
        if (entry.Value is not YamlSequence sequence)
        {
            WrongType(entry, context, "a list of text values");
            return null;
        }

        var items = new List<string>(sequence.Items.Count);
        foreach (YamlNode item in sequence.Items)
        {
            if (item is YamlScalar scalar && !scalar.IsNull)
            {
                items.Add(scalar.Value);
            }
            else
            {
                Report(MediaRules.CatalogWrongType, item.Location, $"Items of {context} '{entry.Key.Value}' must be text, not {item.Shape}.");
            }
        }

        return items.ToEquatableArray();
    }

    public void WrongType(Entry entry, string context, string expected) =>
        Report(MediaRules.CatalogWrongType, entry.Value.Location,
            $"{context} '{entry.Key.Value}' must be {expected}, not {Describe(entry.Value)}.");

    private static string Describe(YamlNode node) =>
        node is YamlScalar scalar && !scalar.IsNull ? $"'{scalar.Value}'" : node.Shape;

    private static bool Contains(IReadOnlyList<string> keys, string key)
    {
        // Indexed, not foreach: enumerating an IReadOnlyList<string> boxes an enumerator on every key of every mapping.
        for (int i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A key and its value.</summary>
    public readonly record struct Entry(YamlScalar Key, YamlNode Value);
}
