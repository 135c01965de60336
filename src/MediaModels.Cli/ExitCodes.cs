namespace MediaModels.Cli;

/// <summary>The command's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Everything checked is valid (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>At least one request or catalog has an error, or the command line is wrong.</summary>
    public const int Invalid = 1;

    /// <summary>A file could not be read or is not JSON.</summary>
    public const int Unreadable = 2;

    /// <summary>The server could not be reached (or kept failing): same code as an unreadable file.</summary>
    public const int Unreachable = 2;
}
