using System.Text;
using Switch.Sdp;

namespace Switch.Calls.Sip;

/// <summary>
/// An SDP as a leg keeps it between offer/answer exchanges: its text only (a parsed session is a graph of a
/// few dozen objects), parsed again when an exchange needs it. Immutable, so the two legs of a bypassed call
/// share one (the caller's offer is the b-leg's offer; the callee's answer is the caller's answer). Held as
/// UTF-8, or as the string a channel variable already holds (the inbound leg's switch_r_sdp).
/// </summary>
internal sealed class StoredSdp
{
    private readonly string? _text;
    private readonly byte[]? _utf8;

    private StoredSdp(string? text, byte[]? utf8)
    {
        _text = text;
        _utf8 = utf8;
    }

    /// <summary>The SDP as written (<see cref="SdpSession.ToString"/>); made from UTF-8 on each call unless held as text.</summary>
    public string Text => _text ?? Encoding.UTF8.GetString(_utf8!);

    /// <summary>An SDP kept as UTF-8 (half a string's size).</summary>
    public static StoredSdp Of(SdpSession session) => new(null, Encoding.UTF8.GetBytes(session.ToString()));

    /// <summary>An SDP kept as text, for when the same string is kept elsewhere too (a variable).</summary>
    public static StoredSdp AsText(SdpSession session) => new(session.ToString(), null);

    /// <summary>The session again (a new instance each time).</summary>
    public SdpSession Parse()
    {
        var parsed = _utf8 is not null ? SdpSession.TryParse(_utf8, out var session, out var error) : SdpSession.TryParse(_text, out session, out error);
        return parsed ? session! : throw new InvalidOperationException("A stored SDP no longer parses: " + error);
    }

    /// <summary>The SDP as a message body.</summary>
    public ReadOnlyMemory<byte> ToBytes() => _utf8 ?? Encoding.UTF8.GetBytes(_text!);

    public override string ToString() => Text;
}
