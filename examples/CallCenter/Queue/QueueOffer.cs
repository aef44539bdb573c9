namespace Switch.Examples.CallCenter;

/// <summary>A decision of the queue: ring these agents for this caller.</summary>
internal sealed record QueueOffer(string CallerUuid, string CallerIdNumber, IReadOnlyList<string> Agents);
