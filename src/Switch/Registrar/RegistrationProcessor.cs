using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Switch.Registrar;

/// <summary>
/// Decides a REGISTER as mod_sofia answers it (RFC 3261 §10.3): 401 challenge, 403 on bad credentials (unknown
/// users look exactly like wrong passwords), 401 stale=true on an expired nonce, 423 with Min-Expires, then
/// adds, refreshes or removes bindings and answers 200 listing every binding of the AOR. Requests for one AOR
/// are processed one at a time.
/// </summary>
internal sealed class RegistrationProcessor
{
    private const int Stripes = 64;

    private readonly RequestAuthenticator _authenticator;
    private readonly LocationService _locations;
    private readonly RegistrationEvents _events;
    private readonly ExpiryPolicy _policy;
    private readonly RegistrarOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim[] _stripes = new SemaphoreSlim[Stripes];

    public RegistrationProcessor(RequestAuthenticator authenticator, LocationService locations,
        RegistrationEvents events, RegistrarOptions options, ILogger<RegistrationProcessor> logger)
    {
        _authenticator = authenticator;
        _locations = locations;
        _events = events;
        _options = options;
        _policy = new ExpiryPolicy(options);
        _logger = logger;
        for (var i = 0; i < Stripes; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    public RequestAuthenticator Authenticator => _authenticator;

    public LocationService Locations => _locations;

    /// <summary>
    /// The unexpired bindings of <paramref name="user"/>@<paramref name="domain"/>; a domain alias is mapped to
    /// the directory's domain. This is the call engine's lookup.
    /// </summary>
    public IReadOnlyList<Binding> GetBindings(string user, string domain)
    {
        var directory = _authenticator.Directory;
        return _locations.GetBindings(user, directory.IsLocalDomain(domain) ? directory.Domain : domain);
    }

    public async ValueTask<RegisterResult> ProcessAsync(RegisterRequest request, CancellationToken cancellationToken = default)
    {
        switch (_authenticator.Guard.Check(request.Source.Address))
        {
            case BanCheck.Drop:
                return RegisterResult.Dropped;
            case BanCheck.RespondForbidden:
                return RegisterResult.Status(403, "Forbidden");
        }

        if (request.ToScheme is not ("sip" or "sips") || string.IsNullOrEmpty(request.ToUser))
        {
            return RegisterResult.Status(400, "Bad Request");
        }
        var directory = _authenticator.Directory;
        if (!directory.IsLocalDomain(request.ToHost))
        {
            return RegisterResult.Status(403, "Forbidden");
        }
        if (request.ContactWildcard && (request.Contacts.Count > 0 || request.Expires != 0))
        {
            return RegisterResult.Status(400, "Bad Request");
        }

        var requested = request.Contacts.Count > 0 ? request.Contacts[0].Expires ?? request.Expires : request.Expires;
        var keepNonce = TimeSpan.FromSeconds(Math.Clamp(requested ?? _options.DefaultExpires, 0, _options.MaxExpires));
        var auth = _authenticator.Verify(request.Authorization, "REGISTER", request.Source, request.ToUser, keepNonce);
        switch (auth.Status)
        {
            case AuthenticationStatus.Challenge:
                return new RegisterResult { StatusCode = 401, ReasonPhrase = "Unauthorized", Challenges = auth.ChallengeHeaders };
            case AuthenticationStatus.Drop:
                return RegisterResult.Dropped;
            case AuthenticationStatus.Forbidden:
                return RegisterResult.Status(403, "Forbidden");
        }

        var decisions = new ExpiryDecision[request.Contacts.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = _policy.Decide(request.Contacts[i].Expires ?? request.Expires);
            if (decisions[i].Outcome == ExpiryOutcome.TooBrief)
            {
                return new RegisterResult { StatusCode = 423, ReasonPhrase = "Interval Too Brief", MinExpires = decisions[i].Seconds };
            }
        }

        var user = auth.User!.Id;
        var domain = directory.Domain;
        var stripe = _stripes[(AorKey.Comparer.GetHashCode(new AorKey(user, domain)) & int.MaxValue) % Stripes];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (request.ContactWildcard)
            {
                foreach (var b in _locations.GetBindings(user, domain))
                {
                    await RemoveAsync(b, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                if (!WithinLimit(user, domain, request.Contacts, decisions))
                {
                    return RegisterResult.Status(403, "Forbidden");
                }
                for (var i = 0; i < decisions.Length; i++)
                {
                    await ApplyAsync(request, request.Contacts[i], decisions[i], user, domain, auth, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
            return Ok(user, domain);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async ValueTask ApplyAsync(RegisterRequest request, RegisterContact contact, ExpiryDecision decision,
        string user, string domain, AuthenticationOutcome auth, CancellationToken cancellationToken)
    {
        var key = Binding.KeyOf(contact.Uri, contact.InstanceId, contact.RegId);
        if (decision.Outcome == ExpiryOutcome.Remove)
        {
            if (_locations.GetBindings(user, domain).FirstOrDefault(b => string.Equals(b.Key, key, StringComparison.OrdinalIgnoreCase))
                is { } existing)
            {
                await RemoveAsync(existing, cancellationToken).ConfigureAwait(false);
            }
            return;
        }

        var now = _locations.Time.GetUtcNow();
        var binding = new Binding
        {
            User = user,
            Domain = domain,
            ContactUri = contact.Uri,
            ContactHeader = contact.Value,
            Display = contact.Display ?? request.ToDisplay,
            Q = contact.Q,
            ExpiresAt = now.AddSeconds(decision.Seconds) + _policy.LateMargin,
            CallId = request.CallId,
            CSeq = request.CSeq,
            InstanceId = contact.InstanceId,
            RegId = contact.RegId,
            UserAgent = request.UserAgent,
            Received = request.Source,
            Transport = request.Transport,
            ConnectionId = request.ConnectionId,
            Path = request.Path,
            AuthUser = auth.Credentials!.Username,
            BehindNat = ContactAddress.IsBehindNat(contact.Uri, request.Source, request.Transport),
        };
        var previous = await _locations.PutAsync(binding, cancellationToken).ConfigureAwait(false);
        RegistrarLog.Registered(_logger, user, domain, contact.Uri, request.Source, binding.Status, decision.Seconds);
        _events.Registered(binding, request.FromUser, request.FromHost, decision.Seconds, isRefresh: previous is not null);
    }

    private async ValueTask RemoveAsync(Binding binding, CancellationToken cancellationToken)
    {
        if (await _locations.RemoveAsync(binding.User, binding.Domain, binding.Key, cancellationToken).ConfigureAwait(false)
            is { } removed)
        {
            RegistrarLog.Unregistered(_logger, removed.User, removed.Domain, removed.ContactUri);
            _events.Unregistered(removed);
        }
    }

    /// <summary>False when the request would leave the AOR with more bindings than allowed.</summary>
    private bool WithinLimit(string user, string domain, IReadOnlyList<RegisterContact> contacts, ExpiryDecision[] decisions)
    {
        var existing = _locations.GetBindings(user, domain);
        if (contacts.Count == 1 && existing.Count < _options.MaxBindingsPerAor)
        {
            // One contact added or refreshed (the usual REGISTER) cannot go past the limit from below it.
            return true;
        }
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var b in existing)
        {
            keys.Add(b.Key);
        }
        for (var i = 0; i < contacts.Count; i++)
        {
            var key = Binding.KeyOf(contacts[i].Uri, contacts[i].InstanceId, contacts[i].RegId);
            if (decisions[i].Outcome == ExpiryOutcome.Remove)
            {
                keys.Remove(key);
            }
            else
            {
                keys.Add(key);
            }
        }
        return keys.Count <= _options.MaxBindingsPerAor;
    }

    private RegisterResult Ok(string user, string domain)
    {
        var now = _locations.Time.GetUtcNow();
        var margin = (int)_policy.LateMargin.TotalSeconds;
        var bindings = _locations.GetBindings(user, domain);
        var contacts = new string[bindings.Count];
        for (var i = 0; i < contacts.Length; i++)
        {
            contacts[i] = ContactValue.WithExpires(bindings[i].ContactHeader, Math.Max(1, bindings[i].SecondsLeft(now) - margin));
        }
        return new RegisterResult
        {
            StatusCode = 200,
            ReasonPhrase = "OK",
            Contacts = contacts,
            Date = HttpDate.Format(now),
        };
    }
}
