using Switch.Hosting;

namespace Switch.Tests.Media;

/// <summary>The switch configuration file's <c>media</c> section (media.threads, media.realtimePriority).</summary>
public sealed class MediaConfigurationTests
{
    [Fact]
    public async Task Media_threads_and_realtime_priority_come_from_the_config_file_and_default_to_automatic_and_off()
    {
        var defaults = await Run(null);
        var configured = await Run("""{ "media": { "threads": 2, "realtimePriority": true } }""");

        Assert.Equal((0, 0, false), (defaults.Code, defaults.Options!.Media.Threads, defaults.Options.Media.RealtimePriority));
        Assert.Equal((0, 2, true), (configured.Code, configured.Options!.Media.Threads, configured.Options.Media.RealtimePriority));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65)]
    public async Task A_thread_count_out_of_range_stops_the_switch(int threads)
    {
        var (code, options) = await Run($$"""{ "media": { "threads": {{threads}} } }""");

        Assert.Equal((SwitchCommandLine.ConfigurationError, null), (code, options));
    }

    private static async Task<(int Code, SwitchOptions? Options)> Run(string? json)
    {
        var file = json is null ? null : Path.GetTempFileName();
        try
        {
            string[] args = [];
            if (file is not null)
            {
                await File.WriteAllTextAsync(file, json);
                args = ["--config", file];
            }

            SwitchOptions? seen = null;
            var code = await SwitchCommandLine.RunAsync(args, (o, _, _) =>
            {
                seen = o;
                return Task.FromResult(0);
            });
            return (code, seen);
        }
        finally
        {
            if (file is not null)
            {
                File.Delete(file);
            }
        }
    }
}
