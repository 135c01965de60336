using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace MediaModels.Generators.Emit;

/// <summary>Writes C# text with indentation (four spaces) and <c>\n</c> line ends, like dotnet/runtime's SourceWriter.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private static readonly string[] Indents = { string.Empty, "    ", "        ", "            ", "                ", "                    ", "                        " };
    private readonly StringBuilder _builder;
    private int _indent;

    [System.ThreadStatic]
    private static StringBuilder? t_cached;

    /// <summary>A writer over a per-thread builder reused across files (fewer large allocations when emitting thousands of models).</summary>
    public SourceWriter()
    {
        _builder = t_cached ?? new StringBuilder(64 * 1024);
        t_cached = null;
        _builder.Clear();
    }

    public int Indentation => _indent;

    /// <summary>Writes <c>{</c> and indents.</summary>
    public void OpenBlock()
    {
        Line("{");
        _indent++;
    }

    /// <summary>Unindents and writes <c>}</c> (or <c>}</c> plus <paramref name="suffix"/>).</summary>
    public void CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>Indents without a brace (continuation lines).</summary>
    public void Indent() => _indent++;

    /// <summary>Undoes <see cref="Indent"/>.</summary>
    public void Unindent() => _indent--;

    /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
    public void Line(string text)
    {
        if (text.Length > 0)
        {
            AppendIndent();
            _builder.Append(text);
        }

        _builder.Append('\n');
    }

    /// <summary>Writes one interpolated line straight into the buffer (no intermediate string).</summary>
    public void Line([InterpolatedStringHandlerArgument("")] ref LineHandler handler) => _builder.Append('\n');

    /// <summary>Writes <c>/// &lt;summary&gt;…&lt;/summary&gt;</c> from a string that is already XML.</summary>
    public void Summary(string text)
    {
        AppendIndent();
        _builder.Append("/// <summary>").Append(text).Append("</summary>\n");
    }

    /// <summary>Writes <c>/// &lt;summary&gt;…&lt;/summary&gt;</c> straight into the buffer.</summary>
    public void Summary([InterpolatedStringHandlerArgument("")] ref SummaryHandler handler) => _builder.Append("</summary>\n");

    /// <summary>Writes an empty line.</summary>
    public void Line() => _builder.Append('\n');

    /// <summary>Starts a line at the current indentation; finish it with <see cref="Append"/> and <see cref="EndLine"/>.</summary>
    public SourceWriter StartLine()
    {
        AppendIndent();
        return this;
    }

    /// <summary>Appends an interpolated line at the current indentation.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct LineHandler
    {
        private readonly StringBuilder _builder;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _builder = writer._builder;
            writer.AppendIndent();
        }

        public void AppendLiteral(string text) => _builder.Append(text);

        public void AppendFormatted(string? text) => _builder.Append(text);

        public void AppendFormatted(int value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Appends an interpolated summary doc comment at the current indentation.</summary>
    [InterpolatedStringHandler]
    public readonly ref struct SummaryHandler
    {
        private readonly StringBuilder _builder;

        public SummaryHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _builder = writer._builder;
            writer.AppendIndent();
            _builder.Append("/// <summary>");
        }

        public void AppendLiteral(string text) => _builder.Append(text);

        public void AppendFormatted(string? text) => _builder.Append(text);

        public void AppendFormatted(int value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    private void AppendIndent()
    {
        if (_indent < Indents.Length)
        {
            _builder.Append(Indents[_indent]);
            return;
        }

        for (int i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }
    }

    public SourceWriter Append(string text)
    {
        _builder.Append(text);
        return this;
    }

    public void EndLine() => _builder.Append('\n');

    /// <summary>The text; the builder goes back to the per-thread cache, so the writer must not be used after this.</summary>
    public override string ToString()
    {
        string text = _builder.ToString();
        if (_builder.Capacity <= 1024 * 1024)
        {
            t_cached = _builder;
        }

        return text;
    }
}
