using System.Text;
using Switch.Sdp;

namespace Switch.Calls.Sip;

/// <summary>
/// An SDP as a leg keeps it between offer/answer exchanges: its text as UTF-8 only (half a string's size; a
/// parsed session is a graph of a few dozen objects), parsed again when an exchange needs it. Immutable, so
/// the two legs of a bypassed call share one (the caller's offer is the b-leg's offer; the callee's answer is
/// the caller's answer). Also the inbound leg's switch_r_sdp variable, made a string when it is read. An
/// INVITE's offer keeps the session its check parsed until the caller is answered (<see cref="ForgetParsed"/>).
/// </summary>
internal sealed class StoredSdp : VariableText
{
    private readonly byte[] _utf8;
    /// <summary>
    /// The session these bytes parsed to, when the parse that checked them is kept for the exchange that uses
    /// them next (an INVITE's offer: the b-leg's offer and the caller's answer are made from it), then dropped
    /// (<see cref="ForgetParsed"/>): a parsed session is not kept for a call's life. Immutable, so it may be shared.
    /// </summary>
    private SdpSession? _parsed;

    private StoredSdp(byte[] utf8, SdpSession? parsed = null)
    {
        _utf8 = utf8;
        _parsed = parsed;
    }

    /// <summary>The session as written (<see cref="SdpSession.ToString"/>), kept as UTF-8.</summary>
    public static StoredSdp Of(SdpSession session) => new(Encoding.UTF8.GetBytes(session.ToString()));

    /// <summary>
    /// An SDP kept as it arrived (a message body that parsed): passed on as the far end wrote it, and no
    /// text is written for it.
    /// </summary>
    public static StoredSdp FromBody(ReadOnlySpan<byte> body) => new(body.ToArray());

    /// <summary>
    /// As <see cref="FromBody(ReadOnlySpan{byte})"/>, keeping <paramref name="parsed"/> (the session
    /// <paramref name="body"/> parsed to) for the next <see cref="Parse"/> calls until <see cref="ForgetParsed"/>.
    /// </summary>
    public static StoredSdp FromBody(ReadOnlySpan<byte> body, SdpSession parsed) => new(body.ToArray(), parsed);

    /// <summary>The session: the one kept from the parse that checked the body, or parsed again.</summary>
    public SdpSession Parse() => Volatile.Read(ref _parsed)
        ?? (SdpSession.TryParse(_utf8, out var session, out var error) ? session : throw new InvalidOperationException("A stored SDP no longer parses: " + error));

    /// <summary>True while a parsed session is kept (tests).</summary>
    internal bool HoldsParsed => Volatile.Read(ref _parsed) is not null;

    /// <summary>Drops the kept session (after the exchange that needed it): later <see cref="Parse"/> calls parse the bytes.</summary>
    public void ForgetParsed() => Volatile.Write(ref _parsed, null);

    /// <summary>The SDP as a message body.</summary>
    public ReadOnlyMemory<byte> ToBytes() => _utf8;

    protected override string Materialize() => Encoding.UTF8.GetString(_utf8);
}
