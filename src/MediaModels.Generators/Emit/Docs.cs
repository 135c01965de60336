using System.Collections.Generic;
using System.Linq;
using System.Text;
using MediaModels.Catalog;

namespace MediaModels.Generators.Emit;

/// <summary>Small pieces of XML doc text: remarks blocks, notes, roles, articles.</summary>
internal static class Docs
{
    /// <summary>Writes a <c>remarks</c> block of paragraphs (already XML), or nothing when there are none.</summary>
    public static void Remarks(SourceWriter writer, List<string> paragraphs)
    {
        bool open = false;
        foreach (string paragraph in paragraphs)
        {
            if (paragraph.Length == 0)
            {
                continue;
            }

            if (!open)
            {
                writer.Line("/// <remarks>");
                open = true;
            }

            writer.StartLine().Append("/// <para>").Append(paragraph).Append("</para>").EndLine();
        }

        if (open)
        {
            writer.Line("/// </remarks>");
        }
    }

    /// <summary>Notes as one escaped run of sentences, or empty.</summary>
    public static string Notes(EquatableArray<string> notes)
    {
        if (notes.IsEmpty)
        {
            return string.Empty;
        }

        if (notes.Count == 1)
        {
            return Literals.Xml(notes[0]);
        }

        var text = new StringBuilder();
        foreach (string note in notes)
        {
            text.Append(text.Length == 0 ? string.Empty : " ").Append(Literals.Xml(note));
        }

        return text.ToString();
    }

    /// <summary>"start frame, end frame" from roles.</summary>
    public static string Role(string role) => role.Replace('-', ' ').Replace('_', ' ');

    /// <summary>"a" or "an" before a word (by its first letter).</summary>
    public static string Article(string word) => word.Length > 0 && "aeiouAEIOU".IndexOf(word[0]) >= 0 ? "an" : "a";

    public static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);
}
