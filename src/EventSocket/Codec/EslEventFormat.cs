namespace Switch.EventSocket;

/// <summary>Event serialization format chosen with <c>event plain|json|xml</c>.</summary>
public enum EslEventFormat
{
    /// <summary><c>text/event-plain</c>: URL-encoded header lines (ESL-PROTOCOL.md §5.1).</summary>
    Plain = 0,

    /// <summary><c>text/event-json</c>: one JSON object of string values (§5.2).</summary>
    Json = 1,

    /// <summary><c>text/event-xml</c>: an <c>&lt;event&gt;</c> document (§5.3).</summary>
    Xml = 2,
}
