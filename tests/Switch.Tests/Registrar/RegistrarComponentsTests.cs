using Microsoft.Extensions.Logging.Abstractions;
using Switch.Events;
using Switch.Registrar;
using Switch.Sip.Auth;
using Switch.Sip.Transactions;
using Switch.Tests.Support;

namespace Switch.Tests.Registrar;

public sealed class RegistrarComponentsTests
{
    [Fact]
    public async Task Sqlite_configuration_persists_registrations_across_a_restart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "switch-tests", Guid.NewGuid().ToString("N"));
        var time = new ManualTimeProvider();
        var options = new RegistrarOptions { Store = "sqlite", SqlitePath = "reg/registrations.db" };
        Assert.Empty(options.Validate());
        try
        {
            await using (var first = await Create(options, time, dataDirectory))
            {
                Assert.IsType<SqliteBindingStore>(first.Durable);
                var phone = new Phone("1000", "1234");
                var processor = first.Service.Processor;
                phone.Learn(await processor.ProcessAsync(phone.Register(withAuth: false)));
                Assert.Equal(200, (await processor.ProcessAsync(phone.Register())).StatusCode);
            }
            Assert.True(File.Exists(Path.Combine(dataDirectory, "reg", "registrations.db")));

            await using var second = await Create(options, time, dataDirectory);
            Assert.Single(second.Service.GetBindings("1000", ProcessorFixture.Domain));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Memory_configuration_has_no_durable_store()
    {
        await using var components = await Create(new RegistrarOptions(), new ManualTimeProvider(), Path.GetTempPath());

        Assert.Null(components.Durable);
        Assert.Empty(components.Service.GetBindings("1000", ProcessorFixture.Domain));
    }

    private static Task<RegistrarComponents> Create(RegistrarOptions options, ManualTimeProvider time, string dataDirectory) =>
        RegistrarComponents.CreateAsync(options, new DigestOptions(),
            new UserDirectory(DirectorySnapshot.CreateDefault(ProcessorFixture.Domain)), new SipTransactionOptions(),
            new EventBus(RegistrarFixture.Identity, time), time, NullLoggerFactory.Instance, dataDirectory);
}
