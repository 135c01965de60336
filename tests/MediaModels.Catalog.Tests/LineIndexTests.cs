using System;
using System.Linq;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

/// <summary>Positions are always a character of the file, and they mean the same character to YamlDotNet and to us.</summary>
public class LineIndexTests
{
    [Theory]
    [InlineData("", 1)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    [InlineData("a\rb\u0085c\u2028d\u2029e", 5)]
    [InlineData("\n\n\n", 3)]
    public void Lines_are_those_that_hold_a_character(string text, int lines)
    {
        Assert.Equal(lines, new LineIndex(text).LineCount);
    }

    [Theory]
    // A position the text has is kept.
    [InlineData("ab\ncd", 2, 2, 2, 2)]
    // A line's break is a character of the line.
    [InlineData("ab\ncd", 1, 3, 1, 3)]
    // A column past the line's end goes to its last character (the break).
    [InlineData("ab\ncd", 1, 9, 1, 3)]
    [InlineData("ab\ncd", 2, 9, 2, 2)]
    // A line past the end of the text goes to the last character that is not a line break.
    [InlineData("[", 2, 1, 1, 1)]
    [InlineData("[\n", 2, 1, 1, 1)]
    [InlineData("ab\r\n\r\n", 3, 1, 1, 2)]
    [InlineData("\n\n", 3, 1, 1, 1)]
    // Nothing below (1,1).
    [InlineData("ab", 0, -4, 1, 1)]
    [InlineData("", 7, 7, 1, 1)]
    public void Clamp_keeps_every_position_inside_the_text(string text, int line, int column, int expectedLine, int expectedColumn)
    {
        var lines = new LineIndex(text);
        SourceLocation clamped = lines.Clamp(new SourceLocation("f.yaml", line, column));
        Assert.Equal(new SourceLocation("f.yaml", expectedLine, expectedColumn), clamped);
        Assert.True(lines.Contains(clamped.Line, clamped.Column));
        Assert.True(text.Length == 0 || lines.OffsetOf(clamped) < text.Length);
    }

    [Fact]
    public void Offsets_and_positions_agree_for_every_character()
    {
        const string text = "models:\r\n  - id: x\n\n\u2028    media: \"😀\"\r  y\u0085z";
        var lines = new LineIndex(text);
        for (int offset = 0; offset < text.Length; offset++)
        {
            (int line, int column) = lines.PositionOf(offset);
            Assert.True(lines.Contains(line, column), $"offset {offset} → ({line},{column})");
            Assert.Equal(offset, lines.OffsetOf(new SourceLocation("f", line, column)));
        }
    }

    [Fact]
    public void A_file_holding_just_an_open_bracket_is_reported_at_that_bracket()
    {
        CatalogDiagnostic diagnostic = Assert.Single(CatalogReader.Read(new[] { ("f.yaml", "[") }).Diagnostics);
        Assert.Equal(("MM1001", 1, 1), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Theory]
    [InlineData("a: 1\u2028b: [", 2, 4)]
    [InlineData("a: 1\u0085b: [", 2, 4)]
    [InlineData("a: 1\rb: [", 2, 4)]
    [InlineData("a: 1\r\nb: [\r\n", 2, 4)]
    public void The_reader_and_yamldotnet_break_lines_alike(string text, int line, int column)
    {
        // YamlDotNet reports the end of input on the line after the last one; clamped, it is the last character.
        CatalogDiagnostic diagnostic = Assert.Single(CatalogReader.Read(new[] { ("f.yaml", text) }).Diagnostics);
        Assert.Equal((line, column), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Columns_count_utf16_code_units_as_roslyn_does()
    {
        // The emoji is two code units: the ':' after 'x' is at column 10.
        CatalogDiagnostic diagnostic = Assert.Single(CatalogReader.Read(new[] { ("f.yaml", "a: \"😀\" x: [") }).Diagnostics);
        Assert.Equal((1, 10), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal(':', "a: \"😀\" x: ["[new LineIndex("a: \"😀\" x: [").OffsetOf(diagnostic.Location)]);
    }

    [Fact]
    public void Tabs_are_found_on_lines_broken_by_any_line_break()
    {
        CatalogDiagnostic diagnostic = Assert.Single(CatalogReader.Read(new[] { ("f.yaml", "models:\u2028\t- id: m\n") }).Diagnostics);
        Assert.Equal(("MM1001", 2, 1), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Every_diagnostic_of_a_truncated_file_is_inside_it()
    {
        string text = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.CatalogFolder, "kling.yaml"));
        for (int length = 0; length <= text.Length; length += 7)
        {
            string cut = text.Substring(0, length);
            var lines = new LineIndex(cut);
            foreach (CatalogDiagnostic diagnostic in CatalogReader.Read(new[] { ("f.yaml", cut) }).Diagnostics)
            {
                Assert.True(lines.Contains(diagnostic.Location.Line, diagnostic.Location.Column) && (cut.Length == 0 || lines.OffsetOf(diagnostic.Location) < cut.Length), $"cut at {length}: {diagnostic}");
            }
        }
    }
}
