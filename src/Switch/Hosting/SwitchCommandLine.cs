using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switch.Hosting;

/// <summary>
/// The command line: embedded defaults, then the JSON config file, then these options, in that order of
/// precedence. A bad configuration stops the program with one line per bad key and exit code 2.
/// </summary>
internal static class SwitchCommandLine
{
    public const int ConfigurationError = 2;

    private static readonly (string Name, string Key, string Description)[] Settings =
    [
        ("--sip-listen", "Sip:Listen", "IP:PORT for SIP over UDP and TCP (default 0.0.0.0:5060)"),
        ("--esl-listen", "EventSocket:Listen", "IP:PORT of the event socket (default 127.0.0.1:8021)"),
        ("--esl-password", "EventSocket:Password", "event socket password (default ClueCon)"),
        ("--data-dir", "DataDir", "folder of the embedded SQLite registration store (default ./data)"),
        ("--rtp-ports", "Rtp:Ports", "FROM-TO range of RTP ports (default 16384-32767)"),
        ("--domain", "Sip:Domain", "SIP domain and digest realm (default: the listen address)"),
        ("--external-address", "Sip:ExternalAddress", "address put in Via, Contact and SDP when listening on a wildcard"),
    ];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, SwitchHost.RunAsync);

    /// <summary>Parses <paramref name="args"/> and hands the validated options to <paramref name="run"/>.</summary>
    public static Task<int> RunAsync(string[] args, Func<SwitchOptions, LogLevel, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand("Switch: an event-socket programmable SIP switch (B2BUA). Every option can also be set in the --config JSON file.");
        var settingOptions = new List<(Option<string> Option, string Key)>();
        foreach (var (name, key, description) in Settings)
        {
            var option = new Option<string>(name) { Description = description };
            root.Options.Add(option);
            settingOptions.Add((option, key));
        }
        var config = new Option<FileInfo?>("--config") { Description = "JSON configuration file (see docs/OPERATIONS.md)" };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Trace, Debug, Information (default), Warning, Error", DefaultValueFactory = _ => LogLevel.Information };
        var siptrace = new Option<bool>("--siptrace") { Description = "log every SIP message from the start (also `api siptrace on` at run time)" };
        root.Options.Add(config);
        root.Options.Add(logLevel);
        root.Options.Add(siptrace);

        root.SetAction((parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (option, key) in settingOptions)
            {
                if (parse.GetValue(option) is { } value)
                {
                    overrides[key] = value;
                }
            }
            if (parse.GetValue(siptrace))
            {
                overrides["Sip:Trace"] = "true";
            }
            if (!TryLoad(parse.GetValue(config), overrides, out var options, out var errors))
            {
                foreach (var error in errors)
                {
                    Console.Error.WriteLine($"switch: configuration error: {error}");
                }
                return Task.FromResult(ConfigurationError);
            }
            return run(options, parse.GetValue(logLevel), ct);
        });
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>Builds and validates the options from a config file and command-line overrides.</summary>
    public static bool TryLoad(FileInfo? configFile, IReadOnlyDictionary<string, string?> overrides,
        out SwitchOptions options, out IReadOnlyList<string> errors)
    {
        options = new SwitchOptions();
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            if (!configFile.Exists)
            {
                errors = [$"--config: file '{configFile.FullName}' does not exist"];
                return false;
            }
            builder.AddJsonFile(configFile.FullName, optional: false, reloadOnChange: false);
        }
        builder.AddInMemoryCollection(overrides);
        try
        {
            builder.Build().Bind(options);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException)
        {
            errors = [$"--config: {ex.Message}"];
            return false;
        }
        var result = new SwitchOptionsValidator().Validate(null, options);
        errors = result.Failed ? result.Failures.ToList() : [];
        return !result.Failed;
    }
}
