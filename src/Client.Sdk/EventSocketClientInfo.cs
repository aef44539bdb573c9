namespace Switch.Client;

/// <summary>Identifies the SDK in logs.</summary>
public static class EventSocketClientInfo
{
    public const string Name = "Switch.Client.Sdk";
}
