using System;

namespace MediaModels.Catalog.Rules;

/// <summary>Prompt measurements the rules share, without allocating.</summary>
public static class PromptText
{
    /// <summary>
    /// Length in characters as a person counts them: Unicode code points, so an emoji written as a surrogate pair
    /// counts once.
    /// </summary>
    public static int Length(string prompt)
    {
        int length = 0;
        foreach (char c in prompt)
        {
            if (!char.IsLowSurrogate(c))
            {
                length++;
            }
        }

        return length;
    }

    /// <summary>True when the prompt has no visible text.</summary>
    public static bool IsBlank(string prompt)
    {
        foreach (char c in prompt)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Finds the next <c>@name</c> reference at or after <paramref name="start"/>. A reference is an <c>@</c> not preceded by
    /// a letter or digit (so e-mail addresses are not references) followed by letters, digits, <c>_</c> or <c>-</c>.
    /// </summary>
    public static bool TryFindReference(string prompt, ref int start, out int nameStart, out int nameLength)
    {
        for (int i = start; i < prompt.Length; i++)
        {
            if (prompt[i] != '@' || (i > 0 && char.IsLetterOrDigit(prompt[i - 1])))
            {
                continue;
            }

            int j = i + 1;
            while (j < prompt.Length && (char.IsLetterOrDigit(prompt[j]) || prompt[j] is '_' or '-'))
            {
                j++;
            }

            // A trailing hyphen is punctuation ("@hero- and"), not part of the name.
            while (j > i + 1 && prompt[j - 1] == '-')
            {
                j--;
            }

            if (j > i + 1)
            {
                nameStart = i + 1;
                nameLength = j - nameStart;
                start = j;
                return true;
            }
        }

        nameStart = 0;
        nameLength = 0;
        start = prompt.Length;
        return false;
    }

    /// <summary>True when <paramref name="prompt"/>'s characters at the given range equal <paramref name="name"/>.</summary>
    public static bool NameEquals(string prompt, int nameStart, int nameLength, string name) =>
        prompt.AsSpan(nameStart, nameLength).Equals(name.AsSpan(), StringComparison.Ordinal);
}
