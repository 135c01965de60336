#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the marker type that records and init accessors need.
internal static class IsExternalInit
{
}
#endif
