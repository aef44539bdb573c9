using Microsoft.Extensions.Logging;
using Switch.Hosting;

namespace Switch.Tests.Hosting;

public sealed class SwitchCommandLineTests
{
    private static async Task<(int Code, SwitchOptions? Options, string Errors)> Run(params string[] args)
    {
        SwitchOptions? seen = null;
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var code = await SwitchCommandLine.RunAsync(args, (o, _, _) =>
            {
                seen = o;
                return Task.FromResult(0);
            });
            return (code, seen, error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Fact]
    public async Task Embedded_defaults_match_a_stock_install()
    {
        var (code, o, _) = await Run();
        Assert.Equal(0, code);
        Assert.Equal("0.0.0.0:5060", o!.Sip.Listen);
        Assert.Equal("127.0.0.1:8021", o.EventSocket.Listen);
        Assert.Equal("ClueCon", o.EventSocket.Password);
        Assert.Equal("sqlite", o.Registrar.Store);
        Assert.Equal(60, o.Calls.ParkTimeoutSeconds);
    }

    [Fact]
    public async Task Command_line_overrides_the_config_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{ "Sip": { "Listen": "127.0.0.1:5070", "Domain": "pbx.example" }, "Rtp": { "Ports": "20000-20999" } }""");
            var (code, o, _) = await Run("--config", file, "--sip-listen", "127.0.0.1:5080", "--esl-password", "s3cret");
            Assert.Equal(0, code);
            Assert.Equal("127.0.0.1:5080", o!.Sip.Listen);
            Assert.Equal("pbx.example", o.Sip.Domain);
            Assert.Equal("20000-20999", o.Rtp.Ports);
            Assert.Equal("s3cret", o.EventSocket.Password);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--sip-listen", "localhost:5060", "Sip:Listen")]
    [InlineData("--esl-listen", "127.0.0.1:99999", "EventSocket:Listen")]
    [InlineData("--rtp-ports", "30000", "Rtp:Ports")]
    [InlineData("--esl-listen", "0.0.0.0:8021", "default password is refused")]
    public async Task Bad_values_stop_with_one_line_naming_the_key(string option, string value, string expected)
    {
        var (code, o, errors) = await Run(option, value);
        Assert.Equal(SwitchCommandLine.ConfigurationError, code);
        Assert.Null(o);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_config_file_is_named()
    {
        var (code, _, errors) = await Run("--config", "/nonexistent/switch.json");
        Assert.Equal(SwitchCommandLine.ConfigurationError, code);
        Assert.Contains("/nonexistent/switch.json", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5060", true)]
    [InlineData("[::1]:5060", true)]
    [InlineData("::1:5060", false)]
    [InlineData("127.0.0.1:", false)]
    [InlineData("127.0.0.1:-1", false)]
    public void Endpoints_need_an_address_and_a_port(string text, bool ok) =>
        Assert.Equal(ok, NetworkAddress.TryParseEndPoint(text, out _));

    [Fact]
    public async Task Log_level_is_passed_through()
    {
        LogLevel? level = null;
        await SwitchCommandLine.RunAsync(["--log-level", "Warning"], (_, l, _) =>
        {
            level = l;
            return Task.FromResult(0);
        });
        Assert.Equal(LogLevel.Warning, level);
    }
}
