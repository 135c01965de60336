// A minimal stand-in for the runtime library's contract (assembly MediaModels, written on another branch), so the
// generated code can be compiled and run in these tests before the runtime is merged. Same public signatures as
// the contract; behaviour only as far as the tests need: the validator asks the shared rule engine.
// It is compiled into the test assembly and also read as text into the tests' in-memory consumer compilations.
#nullable enable

namespace MediaModels
{
    using System.Collections.Generic;
    using System.Globalization;
    using System.Text;

    public sealed record GenerateMediaRequest
    {
        public string? Prompt { get; set; }

        public string? Model { get; set; }

        public string? GenerationType { get; set; }

        public string? NegativePrompt { get; set; }

        public IReadOnlyList<string>? SourceMediaUrls { get; set; }

        public string? AspectRatio { get; set; }

        public string? Duration { get; set; }

        public string? Quality { get; set; }

        public bool? Sound { get; set; }

        public long? Seed { get; set; }

        public IReadOnlyList<KlingElement>? KlingElements { get; set; }

        public string ToJson(bool indented = false)
        {
            var members = new List<string>();
            Add(members, "prompt", Prompt);
            Add(members, "model", Model);
            Add(members, "generation_type", GenerationType);
            Add(members, "negative_prompt", NegativePrompt);
            AddList(members, "source_media_urls", SourceMediaUrls);
            Add(members, "aspect_ratio", AspectRatio);
            Add(members, "duration", Duration);
            Add(members, "quality", Quality);
            if (Sound is bool sound)
            {
                members.Add("\"sound\":" + (sound ? "true" : "false"));
            }

            if (Seed is long seed)
            {
                members.Add("\"seed\":" + seed.ToString(CultureInfo.InvariantCulture));
            }

            if (KlingElements is { } elements)
            {
                var items = new List<string>();
                foreach (KlingElement element in elements)
                {
                    var fields = new List<string>();
                    Add(fields, "name", element.Name);
                    Add(fields, "description", element.Description);
                    AddList(fields, "element_input_urls", element.ElementInputUrls);
                    AddList(fields, "element_input_video_urls", element.ElementInputVideoUrls);
                    items.Add("{" + string.Join(",", fields) + "}");
                }

                members.Add("\"kling_elements\":[" + string.Join(",", items) + "]");
            }

            string separator = indented ? ",\n  " : ",";
            return indented ? "{\n  " + string.Join(separator, members) + "\n}" : "{" + string.Join(separator, members) + "}";
        }

        private static void Add(List<string> members, string name, string? value)
        {
            if (value is not null)
            {
                members.Add(Quote(name) + ":" + Quote(value));
            }
        }

        private static void AddList(List<string> members, string name, IReadOnlyList<string>? values)
        {
            if (values is not null)
            {
                var quoted = new List<string>();
                foreach (string value in values)
                {
                    quoted.Add(Quote(value));
                }

                members.Add(Quote(name) + ":[" + string.Join(",", quoted) + "]");
            }
        }

        private static string Quote(string value)
        {
            var builder = new StringBuilder("\"");
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    default:
                        if (c < ' ')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }

    public sealed record KlingElement
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public IReadOnlyList<string>? ElementInputUrls { get; set; }

        public IReadOnlyList<string>? ElementInputVideoUrls { get; set; }
    }
}

namespace MediaModels.Validation
{
    using System;
    using System.Collections.Generic;
    using System.Linq;
    using MediaModels.Catalog.Rules;

    public sealed class RequestValidator
    {
        private readonly RuleEngine _engine;

        public RequestValidator(MediaModels.Catalog.ModelCatalog catalog) => _engine = new RuleEngine(catalog);

        // The real one reads the catalog embedded in MediaModels.dll; the stand-in has none.
        public static RequestValidator Default => throw new NotSupportedException("The stand-in runtime has no embedded catalog.");

        public IReadOnlyList<Violation> Validate(GenerateMediaRequest request)
        {
            var facts = new RequestFacts
            {
                Model = request.Model,
                GenerationType = request.GenerationType,
                Prompt = request.Prompt,
                NegativePrompt = request.NegativePrompt,
                SourceMediaUrls = request.SourceMediaUrls is null ? Fact<IReadOnlyList<string?>>.Absent : Fact<IReadOnlyList<string?>>.Of(request.SourceMediaUrls.ToArray()),
                AspectRatio = request.AspectRatio,
                Duration = request.Duration,
                Quality = request.Quality,
                Sound = request.Sound is bool sound ? Fact<bool>.Of(sound) : Fact<bool>.Absent,
                KlingElements = request.KlingElements is null
                    ? Fact<IReadOnlyList<IElementFacts>>.Absent
                    : Fact<IReadOnlyList<IElementFacts>>.Of(request.KlingElements.Select(e => (IElementFacts)new ElementFacts(e)).ToArray()),
            };
            return _engine.Check(facts);
        }

        public void EnsureValid(GenerateMediaRequest request)
        {
            Violation[] errors = Validate(request).Where(v => v.Severity == Severity.Error).ToArray();
            if (errors.Length > 0)
            {
                throw new MediaRequestValidationException(errors);
            }
        }

        private sealed class ElementFacts : IElementFacts
        {
            private readonly KlingElement _element;

            public ElementFacts(KlingElement element) => _element = element;

            public Fact<string> Name => _element.Name;

            public Fact<string> Description => _element.Description;

            public Fact<IReadOnlyList<string?>> ImageUrls => _element.ElementInputUrls is null ? Fact<IReadOnlyList<string?>>.Absent : Fact<IReadOnlyList<string?>>.Of(_element.ElementInputUrls.ToArray());

            public Fact<IReadOnlyList<string?>> VideoUrls => _element.ElementInputVideoUrls is null ? Fact<IReadOnlyList<string?>>.Absent : Fact<IReadOnlyList<string?>>.Of(_element.ElementInputVideoUrls.ToArray());
        }
    }

    public sealed class MediaRequestValidationException : Exception
    {
        public MediaRequestValidationException(IReadOnlyList<Violation> errors)
            : base(string.Join(Environment.NewLine, errors))
        {
            Errors = errors;
        }

        public IReadOnlyList<Violation> Errors { get; }
    }
}
