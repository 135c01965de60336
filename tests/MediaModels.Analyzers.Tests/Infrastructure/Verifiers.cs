using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.CodeFixes;
using MediaModels.Generators;
using MediaModels.Generators.Analyzers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace MediaModels.Analyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer under the testing library's default verifier and default extra passes (the source as written, marked
/// <c>&lt;auto-generated&gt;</c>, and under <c>#pragma warning disable</c>); an analyzer exception fails the test
/// (AD0001 is never expected), and so does an exception our guard swallowed.
/// </summary>
public sealed class AnalyzerTest : CSharpAnalyzerTest<MediaRequestAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(bool withCatalog = true, IEnumerable<(string Path, string Text, int Order)>? overlays = null)
    {
        ReferenceAssemblies = TestSetup.NoPackages;
        TestSetup.Configure(TestState, withCatalog, overlays);
    }

    /// <summary>Runs the MediaModels generator too, so typed builders exist (their sources are not compared).</summary>
    public bool WithGenerator { get; init; }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task VerifyWithBuildersAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = source, WithGenerator = true };
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        int failures = AnalyzerGuard.Failures;
        await base.RunImplAsync(cancellationToken);
        Assert.True(failures == AnalyzerGuard.Failures, "The analyzer swallowed an exception (AnalyzerGuard.Failures grew).");
    }

    protected override IEnumerable<Type> GetSourceGenerators() =>
        WithGenerator ? new[] { typeof(MediaModelsGenerator) } : Array.Empty<Type>();
}

/// <summary>The code fixes, with the same setup; fix all in document, project and solution is checked by default.</summary>
public sealed class CodeFixTest : CSharpCodeFixTest<MediaRequestAnalyzer, MediaRequestCodeFixProvider, DefaultVerifier>
{
    public CodeFixTest()
    {
        ReferenceAssemblies = TestSetup.NoPackages;
        TestSetup.Configure(TestState);
    }

    /// <summary>Runs the MediaModels generator too, so typed builders exist.</summary>
    public bool WithGenerator { get; init; }

    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        int failures = AnalyzerGuard.Failures;
        await base.RunImplAsync(cancellationToken);
        Assert.True(failures == AnalyzerGuard.Failures, "The analyzer swallowed an exception (AnalyzerGuard.Failures grew).");
    }

    protected override IEnumerable<Type> GetSourceGenerators() =>
        WithGenerator ? new[] { typeof(MediaModelsGenerator) } : Array.Empty<Type>();
}
