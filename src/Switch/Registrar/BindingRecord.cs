using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switch.Registrar;

/// <summary>The serialized form of a <see cref="Binding"/> in Redis (compact JSON with short names).</summary>
internal sealed record BindingRecord
{
    [JsonPropertyName("u")] public required string User { get; init; }
    [JsonPropertyName("d")] public required string Domain { get; init; }
    [JsonPropertyName("cu")] public required string ContactUri { get; init; }
    [JsonPropertyName("ch")] public required string ContactHeader { get; init; }
    [JsonPropertyName("dn")] public string? Display { get; init; }
    [JsonPropertyName("q")] public float? Q { get; init; }
    [JsonPropertyName("exp")] public long ExpiresAtMs { get; init; }
    [JsonPropertyName("cid")] public required string CallId { get; init; }
    [JsonPropertyName("cseq")] public uint CSeq { get; init; }
    [JsonPropertyName("inst")] public string? InstanceId { get; init; }
    [JsonPropertyName("rid")] public int? RegId { get; init; }
    [JsonPropertyName("ua")] public string? UserAgent { get; init; }
    [JsonPropertyName("ip")] public required string ReceivedIp { get; init; }
    [JsonPropertyName("port")] public int ReceivedPort { get; init; }
    [JsonPropertyName("tr")] public BindingTransport Transport { get; init; }
    [JsonPropertyName("conn")] public long? ConnectionId { get; init; }
    [JsonPropertyName("path")] public string? Path { get; init; }
    [JsonPropertyName("au")] public required string AuthUser { get; init; }
    [JsonPropertyName("nat")] public bool BehindNat { get; init; }

    public static string Serialize(Binding b) => JsonSerializer.Serialize(new BindingRecord
    {
        User = b.User,
        Domain = b.Domain,
        ContactUri = b.ContactUri,
        ContactHeader = b.ContactHeader,
        Display = b.Display,
        Q = b.Q,
        ExpiresAtMs = b.ExpiresAt.ToUnixTimeMilliseconds(),
        CallId = b.CallId,
        CSeq = b.CSeq,
        InstanceId = b.InstanceId,
        RegId = b.RegId,
        UserAgent = b.UserAgent,
        ReceivedIp = b.Received.Address.ToString(),
        ReceivedPort = b.Received.Port,
        Transport = b.Transport,
        ConnectionId = b.ConnectionId,
        Path = b.Path,
        AuthUser = b.AuthUser,
        BehindNat = b.BehindNat,
    }, BindingRecordJsonContext.Default.BindingRecord);

    /// <summary>Reads a stored binding; null when the text is not one (corrupt or foreign data is skipped).</summary>
    public static Binding? Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        BindingRecord? r;
        try
        {
            r = JsonSerializer.Deserialize(json, BindingRecordJsonContext.Default.BindingRecord);
        }
        catch (JsonException)
        {
            return null;
        }
        if (r is null || !IPAddress.TryParse(r.ReceivedIp, out var ip) || r.ReceivedPort is < 0 or > 65535)
        {
            return null;
        }
        return new Binding
        {
            User = r.User,
            Domain = r.Domain,
            ContactUri = r.ContactUri,
            ContactHeader = r.ContactHeader,
            Display = r.Display,
            Q = r.Q,
            ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(r.ExpiresAtMs),
            CallId = r.CallId,
            CSeq = r.CSeq,
            InstanceId = r.InstanceId,
            RegId = r.RegId,
            UserAgent = r.UserAgent,
            Received = new IPEndPoint(ip, r.ReceivedPort),
            Transport = r.Transport,
            ConnectionId = r.ConnectionId,
            Path = r.Path,
            AuthUser = r.AuthUser,
            BehindNat = r.BehindNat,
        };
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BindingRecord))]
internal sealed partial class BindingRecordJsonContext : JsonSerializerContext;
