using System;

namespace MediaModels.Agreement.Tests.Corpus;

/// <summary>One way to change a valid request: where it applies (judged on the catalog's facts and the draft so far) and what it does.</summary>
/// <param name="Name">Short name, shown in the corpus request's name.</param>
/// <param name="AppliesTo">True when the change means something for this draft.</param>
/// <param name="Apply">Makes the change.</param>
internal sealed record Perturbation(string Name, Func<CorpusDraft, bool> AppliesTo, Action<CorpusDraft> Apply)
{
    public static Perturbation Always(string name, Action<CorpusDraft> apply) => new(name, _ => true, apply);

    public static Perturbation When(string name, Func<CorpusDraft, bool> appliesTo, Action<CorpusDraft> apply) => new(name, appliesTo, apply);
}
