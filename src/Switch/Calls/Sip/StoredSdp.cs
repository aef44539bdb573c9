using System.Text;
using Switch.Sdp;

namespace Switch.Calls.Sip;

/// <summary>
/// An SDP as a leg keeps it between offer/answer exchanges: its text as UTF-8 only (half a string's size; a
/// parsed session is a graph of a few dozen objects), parsed again when an exchange needs it. Immutable, so
/// the two legs of a bypassed call share one (the caller's offer is the b-leg's offer; the callee's answer is
/// the caller's answer). Also the inbound leg's switch_r_sdp variable, made a string when it is read.
/// </summary>
internal sealed class StoredSdp : VariableText
{
    private readonly byte[] _utf8;

    private StoredSdp(byte[] utf8) => _utf8 = utf8;

    /// <summary>The session as written (<see cref="SdpSession.ToString"/>), kept as UTF-8.</summary>
    public static StoredSdp Of(SdpSession session) => new(Encoding.UTF8.GetBytes(session.ToString()));

    /// <summary>
    /// An SDP kept as it arrived (a message body that parsed): passed on as the far end wrote it, and no
    /// text is written for it.
    /// </summary>
    public static StoredSdp FromBody(ReadOnlySpan<byte> body) => new(body.ToArray());

    /// <summary>The session again (a new instance each time).</summary>
    public SdpSession Parse() =>
        SdpSession.TryParse(_utf8, out var session, out var error) ? session : throw new InvalidOperationException("A stored SDP no longer parses: " + error);

    /// <summary>The SDP as a message body.</summary>
    public ReadOnlyMemory<byte> ToBytes() => _utf8;

    protected override string Materialize() => Encoding.UTF8.GetString(_utf8);
}
