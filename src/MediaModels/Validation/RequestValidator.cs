using System;
using System.Collections.Generic;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;

namespace MediaModels.Validation;

/// <summary>
/// Checks requests built at run time (from dynamic data, user input, JSON) with the same rule engine the
/// analyzers and the command line use. Thread-safe; allocates nothing for a valid request.
/// </summary>
public sealed class RequestValidator
{
    private static readonly Lazy<RequestValidator> Shipped = new(() => new RequestValidator(ShippedCatalog.Instance));

    /// <summary>Creates a validator over <paramref name="catalog"/> (the shipped one, or one read with overlays).</summary>
    public RequestValidator(ModelCatalog catalog)
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        Engine = new RuleEngine(catalog);
    }

    /// <summary>
    /// The validator over the catalog this application was compiled with: where the MediaModels source generator ran,
    /// the catalog it compiled (the user's models and overrides included, see <see cref="CompiledCatalogs"/>); else the
    /// catalog shipped in this assembly.
    /// </summary>
    public static RequestValidator Default => CompiledCatalogs.Current ?? Shipped.Value;

    /// <summary>A validator over the catalog shipped in this assembly, whatever the build compiled.</summary>
    public static RequestValidator ShippedDefault => Shipped.Value;

    /// <summary>The catalog the rules read.</summary>
    public ModelCatalog Catalog { get; }

    /// <summary>The shared rule engine.</summary>
    public RuleEngine Engine { get; }

    /// <summary>Every violation (errors and warnings) in <paramref name="request"/>; empty when valid.</summary>
    public IReadOnlyList<Violation> Validate(GenerateMediaRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        RequestFacts facts = request.ToFacts();
        return Engine.Check(facts);
    }

    /// <summary>
    /// Every violation in a request read from JSON: the reader's (MM0005–MM0007) followed by the rules' over what it read.
    /// </summary>
    public IReadOnlyList<Violation> Validate(RequestReadResult read)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        if (read.Request is null)
        {
            return read.Violations;
        }

        List<Violation>? found = read.Violations.Count == 0 ? null : new List<Violation>(read.Violations);
        RequestFacts facts = read.Facts;
        Engine.Check(facts, ref found);
        return found ?? (IReadOnlyList<Violation>)Array.Empty<Violation>();
    }

    /// <summary>
    /// Throws <see cref="MediaRequestValidationException"/> listing every error (and, in its data, every warning)
    /// when <paramref name="request"/> has an error; returns the warnings otherwise.
    /// </summary>
    public IReadOnlyList<Violation> EnsureValid(GenerateMediaRequest request)
    {
        IReadOnlyList<Violation> violations = Validate(request);
        if (violations.Count == 0)
        {
            return violations;
        }

        foreach (Violation violation in violations)
        {
            if (violation.Severity == Severity.Error)
            {
                throw new MediaRequestValidationException(request.Model, violations);
            }
        }

        return violations;
    }
}
