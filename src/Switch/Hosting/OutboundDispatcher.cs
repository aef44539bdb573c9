using System.Net;
using Microsoft.Extensions.Logging;
using Switch.Calls;
using Switch.Events;
using Switch.EventSocket;

namespace Switch.Hosting;

/// <summary>
/// Outbound event-socket mode: for each new inbound call whose destination matches a configured controller,
/// the switch connects out to that controller (FreeSWITCH's `socket` application, async full). A controller
/// choice, not a dialplan: the first target whose prefixes match takes the call. If it cannot be reached, or
/// never sends `connect`, the call is refused with DESTINATION_OUT_OF_ORDER (502) at once.
/// </summary>
internal sealed class OutboundDispatcher : IDisposable
{
    private static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(5);
    private readonly IReadOnlyList<(string Address, IReadOnlyList<string> Prefixes)> _targets;
    private readonly EslServer _esl;
    private readonly CallEngine _calls;
    private readonly ILogger _log;
    private readonly IDisposable _subscription;

    public OutboundDispatcher(IReadOnlyList<OutboundTargetOptions> targets, EventBus bus, EslServer esl, CallEngine calls, ILogger log)
    {
        _targets = targets.Select(t => (t.Address, (IReadOnlyList<string>)t.DestinationPrefixes)).ToArray();
        _esl = esl;
        _calls = calls;
        _log = log;
        _subscription = bus.Subscribe(OnEvent, static (name, _) => name == "CHANNEL_PARK");
    }

    private void OnEvent(SwitchEvent e)
    {
        // The first park of an inbound a-leg is a new call waiting for a controller.
        if (e.Name != "CHANNEL_PARK" || e.GetHeader("Call-Direction") != "inbound" || e.UniqueId is not { } uuid
            || e.GetHeader("variable_outbound_socket") is not null)
        {
            return;
        }
        var destination = e.GetHeader("Caller-Destination-Number") ?? "";
        foreach (var (address, prefixes) in _targets)
        {
            if (prefixes.Count == 0 || prefixes.Any(p => destination.StartsWith(p, StringComparison.Ordinal)))
            {
                _ = ConnectAsync(address, uuid);
                return;
            }
        }
    }

    private async Task ConnectAsync(string address, string uuid)
    {
        await _calls.SetVariableAsync(uuid, "outbound_socket", address).ConfigureAwait(false);
        try
        {
            var endPoint = await ResolveAsync(address).ConfigureAwait(false);
            var session = await _esl.ConnectOutboundAsync(endPoint, uuid, CancellationToken.None).ConfigureAwait(false);
            if (await Task.WhenAny(session.ConnectReceived, Task.Delay(ConnectWait)).ConfigureAwait(false) != session.ConnectReceived)
            {
                session.Close();
                throw new EslConnectException($"the controller at {address} did not send connect within {ConnectWait.TotalSeconds} s");
            }
        }
        catch (Exception ex) when (ex is EslConnectException or System.Net.Sockets.SocketException or InvalidOperationException or FormatException)
        {
            _log.LogWarning("Call {Uuid} refused: outbound controller {Address} unreachable ({Reason})", uuid, address, ex.Message);
            await _calls.HangupAsync(uuid, HangupCause.DestinationOutOfOrder).ConfigureAwait(false);
        }
    }

    private static async Task<EndPoint> ResolveAsync(string address)
    {
        if (NetworkAddress.TryParseEndPoint(address, out var ip))
        {
            return ip;
        }
        var colon = address.LastIndexOf(':');
        var port = int.Parse(address.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture);
        var addresses = await Dns.GetHostAddressesAsync(address[..colon]).ConfigureAwait(false);
        return new IPEndPoint(addresses.First(), port);
    }

    public void Dispose() => _subscription.Dispose();
}
