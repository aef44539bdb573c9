using System.Globalization;
using Microsoft.Extensions.Logging;
using Switch.Sip.Message;
using Switch.Sip.Transactions;
using Switch.Sip.Transport;

namespace Switch.Registrar;

/// <summary>
/// The registrar on the SIP stack: answers REGISTER server transactions (through <see cref="RegistrationProcessor"/>)
/// with FreeSWITCH's headers, and offers the call engine its two needs: <see cref="GetBindings"/> and
/// <see cref="Authenticate"/> (407 challenges for INVITE with the same nonces and bans).
/// </summary>
internal sealed partial class RegistrarService
{
    private readonly RegistrationProcessor _processor;
    private readonly SipTransactionOptions _sip;
    private readonly ILogger _logger;
    private readonly byte[]? _userAgent;
    private readonly byte[] _allow;
    private readonly byte[] _supported;

    public RegistrarService(RegistrationProcessor processor, SipTransactionOptions sip, ILogger<RegistrarService> logger)
    {
        _processor = processor;
        _sip = sip;
        _logger = logger;
        // The decoration is the same on every answer: encoded once, after the builder's own checks.
        _userAgent = sip.ServerHeader is { } agent ? Encoded(SipHeaderNames.UserAgent, agent) : null;
        _allow = Encoded(SipHeaderNames.Allow, sip.Allow);
        _supported = Encoded(SipHeaderNames.Supported, sip.Supported);
    }

    public RegistrationProcessor Processor => _processor;

    /// <summary>The unexpired bindings of user@domain (domain aliases accepted). Never blocks.</summary>
    public IReadOnlyList<Binding> GetBindings(string user, string domain) => _processor.GetBindings(user, domain);

    /// <summary>
    /// For the request handler: starts answering a REGISTER and returns true; false for other methods.
    /// The answer is sent from a background task (a durable store is awaited); failures answer 500.
    /// </summary>
    public bool TryHandle(SipServerTransaction transaction)
    {
        if (transaction.Request.Method != SipMethod.Register)
        {
            return false;
        }
        _ = HandleAsync(transaction);
        return true;
    }

    /// <summary>Answers one REGISTER transaction; completes when the response was handed to the transaction.</summary>
    public async Task HandleAsync(SipServerTransaction transaction, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!TryRead(transaction.Request, transaction.Flow, out var request))
            {
                transaction.TrySendResponse(Decorate(transaction.CreateResponseBuilder(400, "Bad Request")).BuildResponse());
                return;
            }
            var result = await _processor.ProcessAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.Drop)
            {
                transaction.TrySendResponse(ToResponse(transaction, result));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RegistrarServiceLog.RegisterFailed(_logger, e, transaction.Flow.ToString());
            transaction.TryRespond(500, "Server Internal Error");
        }
    }

    /// <summary>
    /// Authenticates a request (INVITE, MESSAGE, ...) with the directory: reads Authorization for
    /// <see cref="ChallengeKind.WwwAuthenticate"/> or Proxy-Authorization for <see cref="ChallengeKind.ProxyAuthenticate"/>.
    /// Build the reply with <see cref="CreateResponse"/> unless the outcome is Authenticated.
    /// </summary>
    public AuthenticationOutcome Authenticate(SipRequest request, SipFlow source, ChallengeKind kind) =>
        _processor.Authenticator.Authenticate(
            kind == ChallengeKind.ProxyAuthenticate ? request.ProxyAuthorization : request.Authorization,
            request.Method, source.Remote);

    /// <summary>The 401/407 challenge or 403 for an outcome; null for Authenticated and Drop (send nothing).</summary>
    public SipResponse? CreateResponse(SipServerTransaction transaction, AuthenticationOutcome outcome, ChallengeKind kind)
    {
        switch (outcome.Status)
        {
            case AuthenticationStatus.Challenge:
                var builder = kind == ChallengeKind.ProxyAuthenticate
                    ? transaction.CreateResponseBuilder(407, "Proxy Authentication Required")
                    : transaction.CreateResponseBuilder(401, "Unauthorized");
                Decorate(builder);
                var header = kind == ChallengeKind.ProxyAuthenticate ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate;
                foreach (var challenge in outcome.ChallengeHeaders)
                {
                    builder.AddHeader(header, challenge);
                }
                return builder.BuildResponse();
            case AuthenticationStatus.Forbidden:
                return Decorate(transaction.CreateResponseBuilder(403, "Forbidden")).BuildResponse();
            default:
                return null;
        }
    }

    private SipResponse ToResponse(SipServerTransaction transaction, RegisterResult result)
    {
        var builder = transaction.CreateResponseBuilder(result.StatusCode, result.ReasonPhrase);
        foreach (var contact in result.Contacts)
        {
            builder.AddHeader(SipHeaderNames.Contact, contact);
        }
        if (result.Date is not null)
        {
            builder.AddHeader(SipHeaderNames.Date, result.Date);
        }
        if (result.MinExpires is { } min)
        {
            builder.AddHeader(SipHeaderNames.MinExpires, min.ToString(CultureInfo.InvariantCulture));
        }
        Decorate(builder);
        foreach (var challenge in result.Challenges)
        {
            builder.AddHeader(SipHeaderNames.WwwAuthenticate, challenge);
        }
        return builder.BuildResponse();
    }

    /// <summary>The headers mod_sofia puts on its registrar answers: User-Agent, Allow, Supported.</summary>
    private SipMessageBuilder Decorate(SipMessageBuilder builder)
    {
        if (_userAgent is not null)
        {
            builder.AddRaw(SipHeaderId.UserAgent, SipHeaderNames.UserAgent, _userAgent);
        }
        builder.AddRaw(SipHeaderId.Allow, SipHeaderNames.Allow, _allow);
        builder.AddRaw(SipHeaderId.Supported, SipHeaderNames.Supported, _supported);
        return builder;
    }

    /// <summary>A header value's bytes, checked as <see cref="SipMessageBuilder.AddHeader"/> checks it.</summary>
    private static byte[] Encoded(string name, string value)
    {
        _ = SipMessageBuilder.Response(200).AddHeader(name, value);
        return System.Text.Encoding.UTF8.GetBytes(value);
    }
}
