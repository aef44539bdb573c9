using System.Net;
using System.Text;
using System.Text.Json;

namespace Switch.Examples.CallCenter;

/// <summary>
/// A tiny HTTP endpoint on 127.0.0.1: <c>GET /stats</c> (queue statistics as JSON),
/// <c>POST /agents/{id}/login</c> and <c>POST /agents/{id}/logout</c>.
/// </summary>
internal sealed class StatsEndpoint(string prefix, QueueController controller, Action<string> print)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        listener.Start();
        print($"http {prefix}stats");
        using var registration = cancellationToken.Register(listener.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        object body;
        var status = 200;
        if (request.HttpMethod == "GET" && path == "/stats")
        {
            body = controller.Snapshot();
        }
        else if (request.HttpMethod == "POST" && parts is ["agents", var agent, "login"] && IsAgentId(agent))
        {
            body = new { agent, loggedIn = controller.LogIn(agent) };
        }
        else if (request.HttpMethod == "POST" && parts is ["agents", var agent2, "logout"] && IsAgentId(agent2))
        {
            body = new { agent = agent2, loggedOut = controller.LogOut(agent2) };
        }
        else
        {
            status = 404;
            body = new { error = "GET /stats, POST /agents/{id}/login, POST /agents/{id}/logout" };
        }

        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, Json));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static bool IsAgentId(string id) => id.Length is > 0 and <= 32 && id.All(char.IsAsciiLetterOrDigit);
}
