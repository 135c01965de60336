using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using MediaModels.Json;

namespace MediaModels.Validation;

/// <summary>
/// Reads the raw JSON text of a <c>generate_media</c> argument object into a <see cref="GenerateMediaRequest"/>,
/// reporting every problem of form with its JSON path and position: MM0007 (not well-formed JSON, not an object,
/// duplicate key), MM0005 (a known parameter of the wrong JSON type) and MM0006 (unknown parameter, with the
/// nearest known name). It never throws on any input.
/// </summary>
/// <remarks>
/// <para>Strict JSON (RFC 8259): no comments, no trailing commas, UTF-8 only (a leading byte-order mark is skipped),
/// nesting at most 64 deep. A syntax error stops the reading, so only the first one is reported, along with the
/// MM0005/MM0006 found before it.</para>
/// <para>Duplicate keys (in the request object or in an element) are an MM0007 error at the second key, because
/// JSON parsers disagree on which one wins; the result keeps the last one, as System.Text.Json does.</para>
/// <para>A JSON <c>null</c> for a known parameter reads as absent, which is how the wire treats it.</para>
/// </remarks>
public static class RequestJsonReader
{
    private const int MaxDepth = 64;

    /// <summary>Reads JSON text.</summary>
    /// <param name="json">The argument object's text.</param>
    public static RequestReadResult Read(string json)
    {
        json ??= string.Empty;
        if (json.Length > 0 && json[0] == '\uFEFF')
        {
            json = json.Substring(1);
        }

        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads UTF-8 JSON text (a leading byte-order mark is skipped).</summary>
    /// <param name="utf8Json">The argument object's UTF-8 bytes.</param>
    public static RequestReadResult Read(ReadOnlyMemory<byte> utf8Json)
    {
        ReadOnlySpan<byte> span = utf8Json.Span;
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            utf8Json = utf8Json.Slice(3);
        }

        return new Walker(utf8Json).Run();
    }

    private sealed class Walker
    {
        private readonly ReadOnlyMemory<byte> _json;
        private readonly Utf8Text _text;
        private readonly List<Violation> _violations = new();
        private readonly Dictionary<string, JsonTextPosition> _positions = new(StringComparer.Ordinal);
        private readonly Dictionary<Violation, JsonTextPosition> _violationPositions = new();

        // The members whose values are being read (request member, element, element member) and, for each member
        // path, the paths recorded inside its value: a duplicate key forgets those of the value it replaces.
        private readonly List<string> _owners = new();
        private readonly Dictionary<string, List<string>> _recordedInside = new(StringComparer.Ordinal);

        public Walker(ReadOnlyMemory<byte> json)
        {
            _json = json;
            _text = new Utf8Text(json);
        }

        public RequestReadResult Run()
        {
            int invalid = Utf8Text.FindInvalidUtf8(_json.Span);
            if (invalid >= 0)
            {
                JsonTextPosition at = _text.PositionOf(invalid);
                Malformed(at, $"The text is not valid UTF-8 (byte 0x{_json.Span[invalid]:X2} at line {at.Line}, column {at.Column}).");
                return Result(null, default);
            }

            var reader = new Utf8JsonReader(_json.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
            try
            {
                if (IsBlank(_json.Span) || !reader.Read())
                {
                    JsonTextPosition end = _text.PositionOf(_json.Length);
                    Malformed(end, $"The text is empty; expected a JSON object (line {end.Line}, column {end.Column}).");
                    return Result(null, default);
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    JsonTextPosition at = _text.PositionOf(reader.TokenStartIndex);
                    Malformed(at, $"Expected a JSON object at line {at.Line}, column {at.Column}; found {JsonTokens.Describe(ref reader)}.");
                    return Result(null, default);
                }

                Record(WirePaths.Root, reader.TokenStartIndex);
                GenerateMediaRequest request = ReadRequest(ref reader, out RequestFacts facts);

                // Anything but whitespace after the object makes Read throw (a single JSON value is expected).
                if (reader.Read())
                {
                    JsonTextPosition at = _text.PositionOf(reader.TokenStartIndex);
                    Malformed(at, $"Unexpected text after the object at line {at.Line}, column {at.Column}.");
                    return Result(null, default);
                }

                return Result(request, facts);
            }
            catch (JsonException ex)
            {
                long offset = ex.LineNumber is long line && ex.BytePositionInLine is long column
                    ? _text.OffsetOf(line, column)
                    : reader.TokenStartIndex;
                JsonTextPosition at = _text.PositionOf(offset);
                Malformed(at, $"Malformed JSON at line {at.Line}, column {at.Column}: {Describe(ex)}");
                return Result(null, default);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
            {
                // Not expected (the text is checked as UTF-8 first); reported rather than thrown all the same.
                JsonTextPosition at = _text.PositionOf(reader.TokenStartIndex);
                Malformed(at, $"Unreadable JSON at line {at.Line}, column {at.Column}: {ex.Message}");
                return Result(null, default);
            }
        }

        private static bool IsBlank(ReadOnlySpan<byte> text)
        {
            foreach (byte b in text)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }

            return true;
        }

        private RequestReadResult Result(GenerateMediaRequest? request, RequestFacts facts) =>
            new(request, facts, _violations, _positions, _violationPositions);

        private GenerateMediaRequest ReadRequest(ref Utf8JsonReader reader, out RequestFacts facts)
        {
            var request = new GenerateMediaRequest();
            Fact<string> prompt = default, model = default, generationType = default, negativePrompt = default;
            Fact<string> aspectRatio = default, duration = default, quality = default;
            Fact<IReadOnlyList<string?>> sourceMediaUrls = default;
            Fact<bool> sound = default;
            Fact<IReadOnlyList<IElementFacts>> elements = default;
            var seen = new Dictionary<string, long>(StringComparer.Ordinal);

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                string path = MemberPath(WirePaths.Root, name);
                Member(seen, name, path, reader.TokenStartIndex);
                _owners.Add(path);
                reader.Read();
                switch (name)
                {
                    case WireNames.Prompt:
                        request.Prompt = ReadString(ref reader, path, out prompt);
                        break;
                    case WireNames.Model:
                        request.Model = ReadString(ref reader, path, out model);
                        break;
                    case WireNames.GenerationType:
                        request.GenerationType = ReadString(ref reader, path, out generationType);
                        break;
                    case WireNames.NegativePrompt:
                        request.NegativePrompt = ReadString(ref reader, path, out negativePrompt);
                        break;
                    case WireNames.SourceMediaUrls:
                        request.SourceMediaUrls = ReadUrls(ref reader, path, allowOneString: true, out sourceMediaUrls);
                        break;
                    case WireNames.AspectRatio:
                        request.AspectRatio = ReadString(ref reader, path, out aspectRatio);
                        break;
                    case WireNames.Duration:
                        request.Duration = ReadString(ref reader, path, out duration);
                        break;
                    case WireNames.Quality:
                        request.Quality = ReadString(ref reader, path, out quality);
                        break;
                    case WireNames.Sound:
                        request.Sound = ReadBoolean(ref reader, path, out sound);
                        break;
                    case WireNames.Seed:
                        request.Seed = ReadSeed(ref reader, path);
                        break;
                    case WireNames.KlingElements:
                        request.KlingElements = ReadElements(ref reader, path, out elements);
                        break;
                    default:
                        Unknown(name, path, WireParameters.GenerateMediaNames, "a parameter of generate_media");
                        (request.ExtensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] =
                            Capture(ref reader);
                        break;
                }

                _owners.RemoveAt(_owners.Count - 1);
            }

            facts = new RequestFacts
            {
                Prompt = prompt,
                Model = model,
                GenerationType = generationType,
                NegativePrompt = negativePrompt,
                SourceMediaUrls = sourceMediaUrls,
                AspectRatio = aspectRatio,
                Duration = duration,
                Quality = quality,
                Sound = sound,
                KlingElements = elements,
            };
            return request;
        }

        private IReadOnlyList<KlingElement>? ReadElements(
            ref Utf8JsonReader reader, string path, out Fact<IReadOnlyList<IElementFacts>> fact)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                fact = Fact<IReadOnlyList<IElementFacts>>.Absent;
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                WrongType(ref reader, path, "an array of element objects");
                fact = Fact<IReadOnlyList<IElementFacts>>.Unknown;
                return null;
            }

            var elements = new List<KlingElement>();
            var facts = new List<IElementFacts>();
            bool allObjects = true;
            for (int index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                string itemPath = ItemPath(path, index);
                Record(itemPath, reader.TokenStartIndex);
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    elements.Add(ReadElement(ref reader, itemPath, out ElementFacts element));
                    facts.Add(element);
                }
                else
                {
                    WrongType(ref reader, itemPath, "an element object (with name, description and URLs)");
                    facts.Add(ElementFacts.AllUnknown());
                    allObjects = false;
                }
            }

            fact = facts;
            return allObjects ? elements : null;
        }

        private KlingElement ReadElement(ref Utf8JsonReader reader, string path, out ElementFacts facts)
        {
            var element = new KlingElement();
            facts = new ElementFacts();
            var seen = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                string memberPath = MemberPath(path, name);
                Member(seen, name, memberPath, reader.TokenStartIndex);
                _owners.Add(memberPath);
                reader.Read();
                switch (name)
                {
                    case WireNames.ElementName:
                        element.Name = ReadString(ref reader, memberPath, out Fact<string> nameFact);
                        facts.Name = nameFact;
                        break;
                    case WireNames.ElementDescription:
                        element.Description = ReadString(ref reader, memberPath, out Fact<string> description);
                        facts.Description = description;
                        break;
                    case WireNames.ElementInputUrls:
                        element.ElementInputUrls = ReadUrls(ref reader, memberPath, allowOneString: false, out Fact<IReadOnlyList<string?>> images);
                        facts.ImageUrls = images;
                        break;
                    case WireNames.ElementInputVideoUrls:
                        element.ElementInputVideoUrls = ReadUrls(ref reader, memberPath, allowOneString: false, out Fact<IReadOnlyList<string?>> videos);
                        facts.VideoUrls = videos;
                        break;
                    default:
                        Unknown(name, memberPath, WireParameters.KlingElementNames, "a member of a Kling element");
                        (element.ExtensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] =
                            Capture(ref reader);
                        break;
                }

                _owners.RemoveAt(_owners.Count - 1);
            }

            return element;
        }

        private string? ReadString(ref Utf8JsonReader reader, string path, out Fact<string> fact)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    string value = reader.GetString()!;
                    fact = value;
                    return value;
                case JsonTokenType.Null:
                    fact = Fact<string>.Absent;
                    return null;
                default:
                    WrongType(ref reader, path, "a string");
                    fact = Fact<string>.Unknown;
                    return null;
            }
        }

        private bool? ReadBoolean(ref Utf8JsonReader reader, string path, out Fact<bool> fact)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                case JsonTokenType.False:
                    bool value = reader.TokenType == JsonTokenType.True;
                    fact = value;
                    return value;
                case JsonTokenType.Null:
                    fact = Fact<bool>.Absent;
                    return null;
                default:
                    WrongType(ref reader, path, "a boolean (true or false)");
                    fact = Fact<bool>.Unknown;
                    return null;
            }
        }

        private Seed? ReadSeed(ref Utf8JsonReader reader, string path)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.Number)
            {
                WrongType(ref reader, path, "a number");
                return null;
            }

            // The spec types seed as "number": any JSON number is a seed, kept as written.
            return Seed.FromJsonNumber(reader.ValueSpan);
        }

        private IReadOnlyList<string>? ReadUrls(
            ref Utf8JsonReader reader, string path, bool allowOneString, out Fact<IReadOnlyList<string?>> fact)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                fact = Fact<IReadOnlyList<string?>>.Absent;
                return null;
            }

            if (allowOneString && reader.TokenType == JsonTokenType.String)
            {
                Record(ItemPath(path, 0), reader.TokenStartIndex);
                var one = new List<string>(1) { reader.GetString()! };
                fact = one;
                return one;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                WrongType(ref reader, path, allowOneString ? "a string or an array of strings" : "an array of strings");
                fact = Fact<IReadOnlyList<string?>>.Unknown;
                return null;
            }

            var urls = new List<string>();
            bool allStrings = true;
            for (int index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                string itemPath = ItemPath(path, index);
                Record(itemPath, reader.TokenStartIndex);
                if (reader.TokenType == JsonTokenType.String)
                {
                    urls.Add(reader.GetString()!);
                }
                else
                {
                    WrongType(ref reader, itemPath, "a string (a URL)");
                    urls.Add(null!); // a URL the rules cannot judge: see IElementFacts / RequestFacts
                    allStrings = false;
                }
            }

            fact = urls;
            return allStrings ? urls : null;
        }

        /// <summary>Records a member's position at its name and reports a duplicate name.</summary>
        private void Member(Dictionary<string, long> seen, string name, string path, long nameOffset)
        {
            if (seen.TryGetValue(name, out long firstOffset))
            {
                JsonTextPosition first = _text.PositionOf(firstOffset);
                JsonTextPosition at = _text.PositionOf(nameOffset);
                Add(MediaRules.MalformedJson, path,
                    $"Duplicate key '{name}' at line {at.Line}, column {at.Column} (first at line {first.Line}, column {first.Column}); parsers differ on which one wins. The last one is read.",
                    at);
                ForgetInside(path);
            }

            seen[name] = nameOffset;
            Record(path, nameOffset);
        }

        private void Unknown(string name, string path, IReadOnlyList<string> known, string what)
        {
            string? nearest = NearestName.Find(name, known);
            string message = nearest is null
                ? $"'{name}' is not {what}; the service ignores it."
                : $"'{name}' is not {what}; the service ignores it. Did you mean '{nearest}'?";
            Add(MediaRules.UnknownParameter, path, message, null, nearest);
        }

        /// <summary>Reports the current value as MM0005 and moves past it.</summary>
        private void WrongType(ref Utf8JsonReader reader, string path, string expected)
        {
            string shown = path.Length > 2 && path.StartsWith("$.", StringComparison.Ordinal) ? path.Substring(2) : path;
            Add(MediaRules.WrongJsonType, path, $"'{shown}' must be {expected}; found {JsonTokens.Describe(ref reader)}.");
            reader.Skip();
        }

        private void Malformed(JsonTextPosition at, string message) =>
            Add(MediaRules.MalformedJson, WirePaths.Root, message, at);

        private void Add(RuleDescriptor rule, string path, string message, JsonTextPosition? at = null, string? suggestion = null)
        {
            var violation = new Violation(rule.Id, rule.DefaultSeverity, path, message, suggestion);
            _violations.Add(violation);
            if (at is JsonTextPosition position)
            {
                _violationPositions[violation] = position;
            }
        }

        private void Record(string path, long offset)
        {
            _positions[path] = _text.PositionOf(offset);
            foreach (string owner in _owners)
            {
                if (!_recordedInside.TryGetValue(owner, out List<string>? inside))
                {
                    _recordedInside[owner] = inside = new List<string>();
                }

                inside.Add(path);
            }
        }

        /// <summary>Drops the positions inside a member's earlier (duplicate) value, which is being replaced.</summary>
        private void ForgetInside(string path)
        {
            if (_recordedInside.TryGetValue(path, out List<string>? inside))
            {
                foreach (string key in inside)
                {
                    _positions.Remove(key);
                }

                inside.Clear();
            }
        }

        private static JsonElement Capture(ref Utf8JsonReader reader)
        {
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.Clone();
        }

        private static string Describe(JsonException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = cut > 0 ? message.Substring(0, cut) : message;

            // System.Text.Json's advice is for its own callers, not for whoever wrote the request.
            return message.Replace(" Change the reader options.", string.Empty).Trim();
        }
    }

    /// <summary><c>$.name</c>, or <c>$['odd name']</c> when the name is not a plain identifier.</summary>
    internal static string MemberPath(string parent, string name)
    {
        bool plain = name.Length > 0 && (IsAsciiLetter(name[0]) || name[0] == '_');
        for (int i = 1; plain && i < name.Length; i++)
        {
            plain = IsAsciiLetter(name[i]) || (name[i] >= '0' && name[i] <= '9') || name[i] == '_';
        }

        return plain
            ? parent + "." + name
            : parent + "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static string ItemPath(string parent, int index) =>
        parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
