using System.Runtime.CompilerServices;

// The analyzer tests and benchmark read the analyzers' internals (descriptors, the cache's parse count, the guard's
// failure count).
[assembly: InternalsVisibleTo("MediaModels.Analyzers.Tests")]
[assembly: InternalsVisibleTo("MediaModels.Analyzers.Bench")]
