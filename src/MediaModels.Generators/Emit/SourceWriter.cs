using System.Text;

namespace MediaModels.Generators.Emit;

/// <summary>Writes C# text with indentation (four spaces) and <c>\n</c> line ends, like dotnet/runtime's SourceWriter.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder;
    private int _indent;

    public SourceWriter(int capacity = 16 * 1024) => _builder = new StringBuilder(capacity);

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
            for (int i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
    }

    /// <summary>Writes an empty line.</summary>
    public void Line() => _builder.Append('\n');

    /// <summary>Starts a line at the current indentation; finish it with <see cref="Append"/> and <see cref="EndLine"/>.</summary>
    public SourceWriter StartLine()
    {
        for (int i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }

        return this;
    }

    public SourceWriter Append(string text)
    {
        _builder.Append(text);
        return this;
    }

    public void EndLine() => _builder.Append('\n');

    public override string ToString() => _builder.ToString();
}
