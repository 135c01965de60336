using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog;

namespace MediaModels.Agreement.Tests.Corpus;

/// <summary>
/// The seeded request corpus: for every model and generation type of a catalog, per round, the valid base, every
/// perturbation that applies to it, and a few random combinations of two or three perturbations. The same catalog,
/// seed and size give the same requests, byte for byte.
/// </summary>
internal static class RequestCorpus
{
    /// <param name="catalog">The catalog the requests are made from.</param>
    /// <param name="seed">Seed of the one random source.</param>
    /// <param name="rounds">How many times each model and generation type is visited (each visit draws new bases and values).</param>
    /// <param name="combinations">Random combinations of perturbations per model, generation type and round.</param>
    public static IReadOnlyList<CorpusRequest> Build(ModelCatalog catalog, int seed, int rounds, int combinations)
    {
        var random = new Random(seed);
        var requests = new List<CorpusRequest>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (ModelSpec model in catalog.Models)
            {
                foreach (GenerationTypeSpec mode in model.GenerationTypes)
                {
                    Add(requests, ValidBase.Make(catalog, model, mode, random));
                    foreach (Perturbation perturbation in Perturbations.All)
                    {
                        CorpusDraft draft = ValidBase.Make(catalog, model, mode, random);
                        if (perturbation.AppliesTo(draft))
                        {
                            Apply(draft, perturbation);
                            Add(requests, draft);
                        }
                    }

                    for (int i = 0; i < combinations; i++)
                    {
                        CorpusDraft draft = ValidBase.Make(catalog, model, mode, random);
                        int count = random.Next(2, 4);
                        for (int applied = 0; applied < count;)
                        {
                            Perturbation perturbation = Perturbations.All[random.Next(Perturbations.All.Count)];
                            if (perturbation.AppliesTo(draft) && !draft.Steps.Contains(perturbation.Name))
                            {
                                Apply(draft, perturbation);
                                applied++;
                            }
                        }

                        Add(requests, draft);
                    }
                }
            }
        }

        return requests;
    }

    private static void Apply(CorpusDraft draft, Perturbation perturbation)
    {
        perturbation.Apply(draft);
        draft.Steps.Add(perturbation.Name);
    }

    private static void Add(List<CorpusRequest> requests, CorpusDraft draft)
    {
        string json = draft.Serialize();
        requests.Add(new CorpusRequest(requests.Count, draft.Model.Id, draft.Mode.Type, draft.Steps.ToArray(), json, RequestShapes.Of(json)));
    }
}
