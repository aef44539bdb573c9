using System.Buffers;
using System.Text;
using Switch.Calls;
using Switch.Events;
using Switch.EventSocket;

namespace Switch.Commands.Channels;

/// <summary>
/// uuid_dump &lt;uuid&gt; [txt|plain|json|xml]: the channel's CHANNEL_DATA event. Default: the plain event
/// serialization (URL-encoded values, ending with an empty line); <c>plain</c>: values in [brackets],
/// unencoded; <c>json</c> and <c>xml</c> as the event socket writes events.
/// </summary>
internal sealed class UuidDumpCommand(CallEngine engine, EventBus bus) : IApiCommand
{
    public string Name => "uuid_dump";
    public string Syntax => "<uuid> [format]";

    public async ValueTask<string> ExecuteAsync(string args, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(args);
        if (words.Count == 0)
        {
            return ApiCommandRegistry.Usage(this);
        }
        var uuid = words[0];
        var headers = await engine.DumpAsync(uuid).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (headers is null)
        {
            return ChannelOutputs.NoSuchChannel;
        }
        var builder = new SwitchEventBuilder(ChannelEventNames.Data) { UniqueId = uuid };
        foreach (var (name, value) in headers)
        {
            builder.Add(name, value);
        }
        var e = bus.Create(builder);
        var format = words.Count > 1 ? words[1].ToLowerInvariant() : "txt";
        if (format == "plain")
        {
            var sb = new StringBuilder(e.Headers.Count * 48);
            foreach (var (name, value) in e.Headers)
            {
                sb.Append(name).Append(": [").Append(value).Append("]\n");
            }
            return sb.Append('\n').ToString();
        }
        var writer = new ArrayBufferWriter<byte>(8192);
        var evt = new EslEvent(e.Headers, e.Body);
        switch (format)
        {
            case "json":
                EslEventSerializer.WriteJson(evt, writer);
                break;
            case "xml":
                EslEventSerializer.WriteXml(evt, writer);
                break;
            default:
                EslEventSerializer.WritePlain(evt, writer);
                break;
        }
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }
}
