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

    public static YamlNode? Read(string file, string text, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (text.Length > MaxLength)
        {
            diagnostics.Add(Syntax(file, 1, 1, $"The file has {text.Length:N0} characters; catalog files are limited to {MaxLength:N0}."));
            return null;
        }

        if (!CheckLines(file, text, diagnostics))
        {
            return null;
        }

        var stack = new Stack<Frame>();
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
                            diagnostics.Add(Syntax(file, current.Start, "A catalog file holds one YAML document; split several into several files."));
                            return null;
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(Syntax(file, alias.Start, $"Aliases (*{alias.Value}) are not accepted in catalog files; repeat the value instead."));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Add(Syntax(file, node.Start, $"Anchors (&{node.Anchor}) are not accepted in catalog files; repeat the value instead."));
                        return null;
                    case Scalar scalar:
                        if (!Add(new YamlScalar(Location(file, scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain)))
                        {
                            return null;
                        }

                        break;
                    case MappingStart mappingStart:
                        if (!Open(new YamlMapping(Location(file, mappingStart.Start)), mappingStart.Start))
                        {
                            return null;
                        }

                        break;
                    case SequenceStart sequenceStart:
                        if (!Open(new YamlSequence(Location(file, sequenceStart.Start)), sequenceStart.Start))
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
            diagnostics.Add(Syntax(file, exception.Start.Line > 0 ? exception.Start : last, Clean(exception.Message)));
            return null;
        }
        catch (Exception exception)
        {
            // YamlDotNet also throws InvalidOperationException, ArgumentException and friends on some inputs.
            diagnostics.Add(Syntax(file, last, $"The YAML parser failed here: {Clean(exception.Message)}"));
            return null;
        }

        return root;

        bool Open(YamlNode node, Mark start)
        {
            if (stack.Count >= MaxDepth)
            {
                diagnostics.Add(Syntax(file, start, $"Nesting deeper than {MaxDepth} levels is not accepted in catalog files."));
                return false;
            }

            if (!Add(node))
            {
                return false;
            }

            stack.Push(new Frame(node));
            return true;
        }

        void Close()
        {
            if (stack.Count > 0)
            {
                stack.Pop();
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
                case YamlSequence sequence:
                    sequence.Items.Add(node);
                    return true;
                case YamlMapping mapping when parent.PendingKey is { } key:
                    parent.PendingKey = null;
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
    }

    /// <summary>Checks YamlDotNet lets through: tabs used for indentation and text glued after a directive.</summary>
    private static bool CheckLines(string file, string text, List<CatalogDiagnostic> diagnostics)
    {
        int line = 1;
        int start = 0;
        bool ok = true;
        bool inBlockScalar = false;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

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

            string trimmedEnd = text.Substring(start, end - start).TrimEnd('\r', ' ');
            inBlockScalar = trimmedEnd.EndsWith("|", StringComparison.Ordinal) || trimmedEnd.EndsWith(">", StringComparison.Ordinal)
                || (inBlockScalar && (column > 0 || trimmedEnd.Length == 0));

            if (column == 0 && trimmedEnd.StartsWith("%YAML", StringComparison.Ordinal) && !IsYamlDirective(trimmedEnd))
            {
                diagnostics.Add(Syntax(file, line, 1, "Malformed %YAML directive: expected '%YAML 1.2' and nothing else on the line."));
                ok = false;
            }

            line++;
            start = end + 1;
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

    private static SourceLocation Location(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static CatalogDiagnostic Syntax(string file, Mark mark, string message) =>
        new(MediaRules.CatalogSyntax.Id, message, Location(file, mark));

    private static CatalogDiagnostic Syntax(string file, int line, int column, string message) =>
        new(MediaRules.CatalogSyntax.Id, message, new SourceLocation(file, line, column));
}
