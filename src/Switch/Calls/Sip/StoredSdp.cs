using System.Text;
using Switch.Sdp;

namespace Switch.Calls.Sip;

/// <summary>
/// An SDP as a leg keeps it between offer/answer exchanges: its text only (a parsed session is a graph of a
/// few dozen objects), parsed again when an exchange needs it. Immutable, so the two legs of a bypassed call
/// share one (the caller's offer is the b-leg's offer; the callee's answer is the caller's answer), and the
/// inbound leg's switch_r_sdp variable is the same string.
/// </summary>
internal sealed class StoredSdp
{
    private StoredSdp(string text) => Text = text;

    /// <summary>The SDP as written (<see cref="SdpSession.ToString"/>).</summary>
    public string Text { get; }

    public static StoredSdp Of(SdpSession session) => new(session.ToString());

    /// <summary>The session again (a new instance each time).</summary>
    public SdpSession Parse() =>
        SdpSession.TryParse(Text, out var session, out var error)
            ? session
            : throw new InvalidOperationException("A stored SDP no longer parses: " + error);

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Text);

    public override string ToString() => Text;
}
