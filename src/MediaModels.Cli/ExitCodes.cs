using System.Collections.Generic;

namespace MediaModels.Cli;

/// <summary>
/// The exit codes of every <c>mediamodels</c> command: one table, printed by <c>--help</c> and documented in the README
/// (a test keeps the README's table equal to <see cref="Table"/>).
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything checked is valid (warnings allowed), every generation completed, no drift.</summary>
    public const int Success = 0;

    /// <summary>A request or catalog has an error, the service refused a request, a generation failed, or drift was found.</summary>
    public const int Invalid = 1;

    /// <summary>The command line is wrong: an unknown option, a missing or extra argument, a bad value.</summary>
    public const int Usage = 2;

    /// <summary>
    /// An input cannot be read (missing, a folder without matching files, not JSON) or an output cannot be written: the
    /// user named a file that does not work, as with a usage error.
    /// </summary>
    public const int Unreadable = Usage;

    /// <summary>The server could not be reached, kept failing, or answered something that is not the protocol.</summary>
    public const int Unreachable = 3;

    /// <summary>The server refused the credentials (HTTP 401 or 403).</summary>
    public const int Unauthorized = 4;

    /// <summary>
    /// mediamodels itself failed (an exception no command expects: a bug to report), as sysexits' EX_SOFTWARE; kept
    /// apart from 1 so that a script never reads a crash as "the request is invalid".
    /// </summary>
    public const int Internal = 70;

    /// <summary>Every code with what it means, in order: the one text <c>--help</c> and the README show.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> Table { get; } = new[]
    {
        (Success, "success (warnings allowed)"),
        (Invalid, "a request or catalog is invalid, a generation failed, or drift was found"),
        (Usage, "usage error (unknown option, bad arity or value), or a file that cannot be read (or written)"),
        (Unreachable, "the server cannot be reached or does not answer properly"),
        (Unauthorized, "the server refused the credentials (HTTP 401/403)"),
        (Internal, "mediamodels itself failed (a bug: the message says what to report)"),
    };

    /// <summary>
    /// The exit code of a command that handled several inputs: the highest of theirs, as the table is ordered from the
    /// least to the most fundamental problem (a failed request, an unusable input, no server, refused credentials).
    /// </summary>
    public static int Combine(IEnumerable<int> codes)
    {
        int combined = Success;
        foreach (int code in codes)
        {
            combined = System.Math.Max(combined, code);
        }

        return combined;
    }
}
