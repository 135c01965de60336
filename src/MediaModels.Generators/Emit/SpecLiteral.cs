using System;
using MediaModels.Catalog;

namespace MediaModels.Generators.Emit;

/// <summary>
/// C# object-creation expressions that rebuild catalog records (<c>new ModelSpec(…)</c>), so the generated code
/// validates against the very catalog it was compiled from, with no YAML read at run time.
/// </summary>
/// <remarks>
/// Every piece is appended straight into the writer: one expression per model, thousands of models per build, and
/// intermediate strings here were a fifth of what the generator allocated.
/// </remarks>
internal static class SpecLiteral
{
    public const string Ns = "global::MediaModels.Catalog.";

    /// <summary>Writes <c>new ModelSpec(…)</c> with one argument per line, ending with <paramref name="terminator"/>.</summary>
    public static void WriteModel(SourceWriter writer, ModelSpec spec, string terminator)
    {
        // Certainty travels as constructor arguments, not object initializers: generated code compiles as C# 8.
        var call = new Call(writer, "ModelSpec", spec.Readings.IsEmpty ? 17 : 18);
        call.Next().Append(Literals.String(spec.Id));
        call.Next().Append(Literals.String(spec.Name));
        call.Next().Append(Ns).Append("MediaKind.").Append(spec.Media == MediaKind.Image ? "Image" : "Video");
        call.Next().Append(Literals.String(spec.Family));
        GenerationTypes(call.Next(), spec.GenerationTypes);
        Duration(call.Next(), spec.Duration);
        call.Next().Append(Literals.Bool(spec.Sound));
        call.Next().Append(Literals.Bool(spec.NegativePrompt));
        Optional(call.Next(), spec.Quality, Quality);
        Optional(call.Next(), spec.Resolution, Resolution);
        call.Next().Append(Literals.Int(spec.PromptMaxLength));
        Optional(call.Next(), spec.Elements, Elements);
        Strings(call.Next(), spec.AspectRatios);
        Optional(call.Next(), spec.Pricing, Pricing);
        call.Next().Append(Literals.Int(spec.EstimatedTimeSeconds));
        Strings(call.Next(), spec.Notes);
        Strings(call.Next(), spec.Sources);
        if (!spec.Readings.IsEmpty)
        {
            FactNotes(call.Next(), spec.Readings);
        }

        call.End(terminator);
    }

    /// <summary>Writes <c>new CatalogDefaults(…)</c>.</summary>
    public static void WriteDefaults(SourceWriter writer, CatalogDefaults defaults, string terminator)
    {
        var call = new Call(writer, "CatalogDefaults", 7);
        call.Next().Append(Literals.String(defaults.GenerationType));
        call.Next().Append(Literals.String(defaults.AspectRatio));
        Strings(call.Next(), defaults.AspectRatioExamples);
        call.Next().Append(Literals.String(defaults.Quality));
        Optional(call.Next(), defaults.ImageInput, Limit);
        Strings(call.Next(), defaults.Notes);
        call.Next().Append(Literals.Bool(defaults.Sound));
        call.End(terminator);
    }

    private static void GenerationTypes(SourceWriter w, EquatableArray<GenerationTypeSpec> types)
    {
        if (OpenArray(w, types.Count, Ns + "GenerationTypeSpec"))
        {
            for (int i = 0; i < types.Count; i++)
            {
                GenerationTypeSpec type = types[i];
                Separator(w, i).Append("new ").Append(Ns).Append("GenerationTypeSpec(").Append(Literals.String(type.Type)).Append(", ");
                Optional(w, type.Images, Limit);
                w.Append(", ");
                Optional(w, type.Videos, Limit);
                w.Append(", ").Append(Literals.Int(type.ElementsRequireImages)).Append(", ");
                Strings(w, type.Notes);
                if (type.Reading is not null)
                {
                    w.Append(", ").Append(Literals.String(type.Reading));
                }

                w.Append(")");
            }

            CloseArray(w);
        }
    }

    private static void Limit(SourceWriter w, SourceMediaLimit limit)
    {
        w.Append("new ").Append(Ns).Append("SourceMediaLimit(").Append(Literals.Int(limit.Min)).Append(", ").Append(Literals.Int(limit.Max)).Append(", ");
        Strings(w, limit.Roles);
        w.Append(", ");
        Strings(w, limit.Formats);
        w.Append(", ").Append(Literals.Double(limit.MaxFileSizeMb)).Append(", ").Append(Literals.Int(limit.MaxDurationSeconds)).Append(", ");
        Strings(w, limit.Notes);
        if (limit.Reading is not null || !limit.Hedges.IsEmpty)
        {
            w.Append(", ");
            if (limit.Reading is { } reading)
            {
                w.Append("new ").Append(Ns).Append("CountReading(").Append(Literals.Int(reading.StatedMin)).Append(", ").Append(Literals.Int(reading.StatedMax))
                    .Append(", ").Append(Literals.String(reading.Note)).Append(")");
            }
            else
            {
                w.Append("null");
            }

            w.Append(", ");
            FactNotes(w, limit.Hedges);
        }

        w.Append(")");
    }

    private static void FactNotes(SourceWriter w, EquatableArray<FactNote> notes)
    {
        if (OpenArray(w, notes.Count, Ns + "FactNote"))
        {
            for (int i = 0; i < notes.Count; i++)
            {
                Separator(w, i).Append("new ").Append(Ns).Append("FactNote(").Append(Literals.String(notes[i].Fact)).Append(", ").Append(Literals.String(notes[i].Text)).Append(")");
            }

            CloseArray(w);
        }
    }

    private static void Duration(SourceWriter w, DurationRule rule)
    {
        w.Append("new ").Append(Ns).Append("DurationRule(").Append(Ns).Append("DurationKind.").Append(KindName(rule.Kind)).Append(", ");
        if (OpenArray(w, rule.Values.Count, "int"))
        {
            for (int i = 0; i < rule.Values.Count; i++)
            {
                Separator(w, i).Append(Literals.Int(rule.Values[i]));
            }

            CloseArray(w);
        }

        w.Append(", ").Append(Literals.Int(rule.Min)).Append(", ").Append(Literals.Int(rule.Max)).Append(", ").Append(Literals.Int(rule.Fixed)).Append(", ");
        Strings(w, rule.Notes);
        if (rule.Reading is not null)
        {
            w.Append(", ").Append(Literals.String(rule.Reading));
        }

        w.Append(")");
    }

    private static void Quality(SourceWriter w, QualityRule rule)
    {
        w.Append("new ").Append(Ns).Append("QualityRule(");
        if (OpenArray(w, rule.Values.Count, Ns + "QualityOption"))
        {
            for (int i = 0; i < rule.Values.Count; i++)
            {
                QualityOption option = rule.Values[i];
                Separator(w, i).Append("new ").Append(Ns).Append("QualityOption(").Append(Literals.String(option.Value)).Append(", ").Append(Literals.String(option.Meaning)).Append(")");
            }

            CloseArray(w);
        }

        w.Append(", ").Append(Literals.Bool(rule.Open)).Append(", ").Append(Literals.String(rule.MapsTo)).Append(", ");
        Strings(w, rule.Notes);
        w.Append(")");
    }

    private static void Resolution(SourceWriter w, ResolutionRule rule)
    {
        w.Append("new ").Append(Ns).Append("ResolutionRule(");
        Strings(w, rule.Values);
        w.Append(", ").Append(Literals.String(rule.Parameter)).Append(", ");
        Strings(w, rule.Notes);
        w.Append(")");
    }

    private static void Elements(SourceWriter w, ElementRules rules)
    {
        w.Append("new ").Append(Ns).Append("ElementRules(").Append(Literals.Int(rules.MinImages)).Append(", ").Append(Literals.Int(rules.MaxImages)).Append(", ").Append(Literals.Int(rules.Videos)).Append(", ");
        Strings(w, rules.ImageFormats);
        w.Append(", ");
        Strings(w, rules.VideoFormats);
        w.Append(", ").Append(Literals.Int(rules.MinImagePixels)).Append(", ").Append(Literals.Double(rules.MaxImageFileSizeMb)).Append(", ").Append(Literals.Double(rules.MaxVideoFileSizeMb)).Append(", ");
        Strings(w, rules.Notes);
        w.Append(")");
    }

    private static void Pricing(SourceWriter w, PricingFacts pricing)
    {
        w.Append("new ").Append(Ns).Append("PricingFacts(").Append(Literals.Double(pricing.CreditsPerSecond)).Append(", ");
        Strings(w, pricing.Notes);
        w.Append(")");
    }

    /// <summary>Writes <c>null</c>, or the value through <paramref name="write"/>.</summary>
    private static void Optional<T>(SourceWriter w, T? value, Action<SourceWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            w.Append("null");
            return;
        }

        write(w, value);
    }

    private static void Strings(SourceWriter w, EquatableArray<string> values)
    {
        if (OpenArray(w, values.Count, "string"))
        {
            for (int i = 0; i < values.Count; i++)
            {
                Separator(w, i).Append(Literals.String(values[i]));
            }

            CloseArray(w);
        }
    }

    /// <summary>
    /// Writes <c>EquatableArray&lt;T&gt;.Empty</c> and returns false for no items; otherwise writes
    /// <c>new EquatableArray&lt;T&gt;(new T[] {</c> and returns true (items follow, then <see cref="CloseArray"/>).
    /// </summary>
    private static bool OpenArray(SourceWriter w, int count, string elementType)
    {
        if (count == 0)
        {
            w.Append(Ns).Append("EquatableArray<").Append(elementType).Append(">.Empty");
            return false;
        }

        w.Append("new ").Append(Ns).Append("EquatableArray<").Append(elementType).Append(">(new ").Append(elementType).Append("[] { ");
        return true;
    }

    private static void CloseArray(SourceWriter w) => w.Append(" })");

    private static SourceWriter Separator(SourceWriter w, int index) => index == 0 ? w : w.Append(", ");

    private static string KindName(DurationKind kind) => kind switch
    {
        DurationKind.Unsupported => nameof(DurationKind.Unsupported),
        DurationKind.Values => nameof(DurationKind.Values),
        DurationKind.Range => nameof(DurationKind.Range),
        DurationKind.Fixed => nameof(DurationKind.Fixed),
        DurationKind.NotConfigurable => nameof(DurationKind.NotConfigurable),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A duration kind the emitter does not know."),
    };

    /// <summary>A call written one argument per line: <c>new T(</c>, indented arguments, <c>)</c> plus a terminator.</summary>
    private struct Call
    {
        private readonly SourceWriter _writer;
        private readonly int _arguments;
        private int _written;

        public Call(SourceWriter writer, string type, int arguments)
        {
            _writer = writer;
            _arguments = arguments;
            _written = 0;
            writer.StartLine().Append("new ").Append(Ns).Append(type).Append("(").EndLine();
            writer.Indent();
        }

        /// <summary>Ends the previous argument's line with a comma and starts the next one.</summary>
        public SourceWriter Next()
        {
            if (_written++ > 0)
            {
                _writer.Append(",").EndLine();
            }

            return _writer.StartLine();
        }

        public void End(string terminator)
        {
            if (_written != _arguments)
            {
                throw new InvalidOperationException($"Wrote {_written} of {_arguments} arguments.");
            }

            _writer.Append(")").Append(terminator).EndLine();
            _writer.Unindent();
        }
    }
}
