using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Rules;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MediaModels.Catalog.Reading;

/// <summary>
/// Turns YAML text into a <see cref="YamlNode"/> tree from the parser's events, with guards YamlDotNet lacks:
/// nesting depth, file size, tabs in indentation, text glued after <c>%YAML</c>, anchors and aliases, several
/// documents. Never throws except <see cref="OperationCanceledException"/>; every problem is an MM1001 with a position.
/// </summary>
internal static class YamlEventReader
{
    /// <summary>Deepest nesting accepted; the catalog format itself needs about eight levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Largest file accepted, in characters.</summary>
    public const int MaxLength = 8 * 1024 * 1024;

    /// <summary>
    /// Reads the file; the items of the top-level lists <paramref name="sink"/> streams are handed to it one by one as
    /// each is complete and left out of the tree, so a file of thousands of models never holds more than one model's
    /// nodes. The sink's work is only valid when the result is not null (a syntax error later in the file voids it).
    /// Every position is clamped to a character of the text: YamlDotNet reports an error at the end of input one line
    /// past the end.
    /// </summary>
    public static YamlNode? Read(string file, string text, List<CatalogDiagnostic> diagnostics, ITopLevelItemSink? sink, CancellationToken cancellationToken)
    {
        if (text.Length > MaxLength)
        {
            diagnostics.Add(Syntax(file, 1, 1, $"The file has {text.Length:N0} characters; catalog files are limited to {MaxLength:N0}."));
            return null;
        }

        var lines = new LineIndex(text);

        if (!CheckLines(file, text, lines, diagnostics))
        {
            return null;
        }

        var stack = new Stack<Frame>();
        var rootKeys = new List<string>();
        YamlNode? root = null;
        int documents = 0;
        Mark last = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ParsingEvent current = parser.Current!;
                last = current.Start;
                switch (current)
                {
                    case DocumentStart documentStart when !documentStart.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(Syntax(lines, file, current.Start, "A catalog file holds one YAML document; split several into several files."));
                            return null;
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(Syntax(lines, file, alias.Start, $"Aliases (*{alias.Value}) are not accepted in catalog files; repeat the value instead."));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Add(Syntax(lines, file, node.Start, $"Anchors (&{node.Anchor}) are not accepted in catalog files; repeat the value instead."));
                        return null;
                    case Scalar scalar:
                        if (!Add(new YamlScalar(Location(lines, file, scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain)))
                        {
                            return null;
                        }

                        break;
                    case MappingStart mappingStart:
                        if (!Open(new YamlMapping(Location(lines, file, mappingStart.Start)), mappingStart.Start))
                        {
                            return null;
                        }

                        break;
                    case SequenceStart sequenceStart:
                        if (!Open(new YamlSequence(Location(lines, file, sequenceStart.Start)), sequenceStart.Start))
                        {
                            return null;
                        }

                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        Close();
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (YamlException exception)
        {
            diagnostics.Add(Syntax(lines, file, exception.Start.Line > 0 ? exception.Start : last, Clean(exception.Message)));
            return null;
        }
        catch (Exception exception)
        {
            // YamlDotNet also throws InvalidOperationException, ArgumentException and friends on some inputs.
            diagnostics.Add(Syntax(lines, file, last, $"The YAML parser failed here: {Clean(exception.Message)}"));
            return null;
        }

        return root;

        bool Open(YamlNode node, Mark start)
        {
            if (stack.Count >= MaxDepth)
            {
                diagnostics.Add(Syntax(lines, file, start, $"Nesting deeper than {MaxDepth} levels is not accepted in catalog files."));
                return false;
            }

            // Only the first list under a root key is streamed: a repeated key is reported (and ignored) from the tree.
            string? streamKey = null;
            if (sink is not null && node is YamlSequence && stack.Count == 1 && stack.Peek() is { Node: YamlMapping, PendingKey: { } key }
                && !rootKeys.Contains(key.Value) && sink.Streams(key.Value))
            {
                streamKey = key.Value;
            }

            if (!Add(node))
            {
                return false;
            }

            stack.Push(new Frame(node) { StreamKey = streamKey });
            return true;
        }

        void Close()
        {
            if (stack.Count > 0)
            {
                Frame closed = stack.Pop();
                if (stack.Count > 0 && stack.Peek().StreamKey is string key)
                {
                    sink!.Take(key, closed.Node);
                }
            }
        }

        bool Add(YamlNode node)
        {
            if (stack.Count == 0)
            {
                root ??= node;
                return true;
            }

            Frame parent = stack.Peek();
            switch (parent.Node)
            {
                case YamlSequence when parent.StreamKey is string key:
                    // A scalar item is complete now; a mapping or sequence item goes to the sink when it closes.
                    if (node is YamlScalar)
                    {
                        sink!.Take(key, node);
                    }

                    return true;
                case YamlSequence sequence:
                    sequence.Items.Add(node);
                    return true;
                case YamlMapping mapping when parent.PendingKey is { } key:
                    parent.PendingKey = null;
                    if (stack.Count == 1)
                    {
                        rootKeys.Add(key.Value);
                    }

                    mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, node));
                    return true;
                case YamlMapping when node is YamlScalar scalarKey:
                    parent.PendingKey = scalarKey;
                    return true;
                default:
                    diagnostics.Add(Syntax(file, node.Location.Line, node.Location.Column, "Mapping keys must be plain text, not mappings or sequences."));
                    return false;
            }
        }
    }

    /// <summary>An open mapping or sequence, and for a mapping the key whose value comes next.</summary>
    private sealed class Frame
    {
        public Frame(YamlNode node) => Node = node;

        public YamlNode Node { get; }

        public YamlScalar? PendingKey { get; set; }

        /// <summary>For a top-level list whose items go to the sink: the root key it is the value of.</summary>
        public string? StreamKey { get; set; }
    }

    /// <summary>Checks YamlDotNet lets through: tabs used for indentation and text glued after a directive.</summary>
    private static bool CheckLines(string file, string text, LineIndex lines, List<CatalogDiagnostic> diagnostics)
    {
        bool ok = true;
        bool inBlockScalar = false;
        for (int line = 1; line <= lines.LineCount; line++)
        {
            int start = lines.LineStart(line);
            int end = lines.ContentEnd(line);
            int column = 0;
            while (start + column < end && text[start + column] == ' ')
            {
                column++;
            }

            // Tabs are content inside block scalars (| and >), and only indentation is checked.
            if (!inBlockScalar && start + column < end && text[start + column] == '\t')
            {
                diagnostics.Add(Syntax(file, line, column + 1, "A tab is used for indentation; YAML indentation must be spaces."));
                ok = false;
            }

            // Indices, not a substring per line: this runs over every line of every catalog file in each build.
            int trimmedEnd = end;
            while (trimmedEnd > start && text[trimmedEnd - 1] == ' ')
            {
                trimmedEnd--;
            }

            char last = trimmedEnd > start ? text[trimmedEnd - 1] : '\0';
            inBlockScalar = last == '|' || last == '>' || (inBlockScalar && (column > 0 || trimmedEnd == start));

            if (column == 0 && trimmedEnd - start >= 5 && string.CompareOrdinal(text, start, "%YAML", 0, 5) == 0
                && !IsYamlDirective(text.Substring(start, trimmedEnd - start)))
            {
                diagnostics.Add(Syntax(file, line, 1, "Malformed %YAML directive: expected '%YAML 1.2' and nothing else on the line."));
                ok = false;
            }
        }

        return ok;
    }

    private static bool IsYamlDirective(string line)
    {
        string rest = line.Substring("%YAML".Length);
        int comment = rest.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0)
        {
            rest = rest.Substring(0, comment);
        }

        rest = rest.Trim(' ');
        return rest.Length == 3 && char.IsDigit(rest[0]) && rest[1] == '.' && char.IsDigit(rest[2]) && line.Length > 5 && line[5] == ' ';
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): " – the position is reported separately.
        int dash = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && dash >= 0 ? message.Substring(dash + 3) : message;
    }

    private static SourceLocation Location(LineIndex lines, string file, Mark mark) =>
        lines.Clamp(new SourceLocation(file, (int)Math.Min(int.MaxValue, Math.Max(1, mark.Line)), (int)Math.Min(int.MaxValue, Math.Max(1, mark.Column))));

    private static CatalogDiagnostic Syntax(LineIndex lines, string file, Mark mark, string message) =>
        new(MediaRules.CatalogSyntax.Id, message, Location(lines, file, mark));

    private static CatalogDiagnostic Syntax(string file, int line, int column, string message) =>
        new(MediaRules.CatalogSyntax.Id, message, new SourceLocation(file, line, column));
}
