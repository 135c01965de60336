namespace MediaModels.Catalog.Rules;

/// <summary>How serious a violation is.</summary>
public enum Severity
{
    /// <summary>The service accepts the request but ignores or may mishandle part of it.</summary>
    Warning,

    /// <summary>The service rejects the request or cannot do what it asks.</summary>
    Error,
}
