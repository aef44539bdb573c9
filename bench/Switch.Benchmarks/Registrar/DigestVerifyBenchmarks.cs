using System.Globalization;
using BenchmarkDotNet.Attributes;
using Switch.Sip.Auth;

namespace Switch.Benchmarks.Registrar;

/// <summary>Digest verification throughput: parse an Authorization value and verify it (MD5 and SHA-256).</summary>
[MemoryDiagnoser]
public class DigestVerifyBenchmarks
{
    private const string Realm = "192.0.2.10";
    private DigestAuthenticator _authenticator = null!;
    private DigestChallenge _challenge = null!;
    private string[] _headers = null!;
    private int _next;

    [Params("MD5", "SHA-256")]
    public string Algorithm { get; set; } = "MD5";

    [GlobalSetup]
    public void Setup()
    {
        _authenticator = new DigestAuthenticator(new DigestOptions
        {
            Algorithms = [Algorithm],
            NonceLifetime = TimeSpan.FromHours(1),
        }, TimeProvider.System);
        _challenge = _authenticator.CreateChallenges(Realm, stale: false)[0];
        // Every verification needs a fresh nonce-count, or it would be refused as a replay.
        _headers = new string[1 << 20];
        for (var i = 0; i < _headers.Length; i++)
        {
            var nc = (i + 1).ToString("x8", CultureInfo.InvariantCulture);
            var response = DigestHash.ComputeResponse(_challenge.Algorithm, "1000", Realm, "1234", "REGISTER",
                "sip:192.0.2.10", _challenge.Nonce, "auth", nc, "7761e8692660d5ee8467fc4a3974afe3");
            _headers[i] = $"Digest username=\"1000\",realm=\"{Realm}\",nonce=\"{_challenge.Nonce}\",uri=\"sip:192.0.2.10\"," +
                $"response=\"{response}\",cnonce=\"7761e8692660d5ee8467fc4a3974afe3\",nc={nc},qop=auth,algorithm={Algorithm}";
        }
    }

    [Benchmark]
    public int ParseAndVerify()
    {
        var header = _headers[_next++ & (_headers.Length - 1)];
        DigestCredentials.TryParse(header, out var credentials, out _);
        return (int)_authenticator.Verify(credentials!, "REGISTER", Realm, "1234");
    }

    [Benchmark]
    public int ComputeResponseOnly()
    {
        Span<char> ha1 = stackalloc char[64];
        Span<char> response = stackalloc char[64];
        var algorithm = _challenge.Algorithm;
        var length = DigestHash.WriteHa1(algorithm, "1000", Realm, "1234", default, default, ha1);
        return DigestHash.WriteResponse(algorithm, ha1[..length], "REGISTER", "sip:192.0.2.10", _challenge.Nonce,
            "auth", "00000001", "7761e8692660d5ee8467fc4a3974afe3", response);
    }
}
