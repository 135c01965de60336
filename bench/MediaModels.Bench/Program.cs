using BenchmarkDotNet.Running;

namespace MediaModels.Bench;

internal static class Program
{
    // dotnet run -c Release --project bench/MediaModels.Bench -- --filter '*' [--job short]
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
