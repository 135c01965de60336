namespace MediaModels.Catalog;

/// <summary>Look-ups in a list of <see cref="FactNote"/>s.</summary>
internal static class FactNotes
{
    /// <summary>The text of the note on <paramref name="fact"/>, or null.</summary>
    public static string? Find(EquatableArray<FactNote> notes, string fact)
    {
        foreach (FactNote note in notes)
        {
            if (string.Equals(note.Fact, fact, System.StringComparison.Ordinal))
            {
                return note.Text;
            }
        }

        return null;
    }
}
