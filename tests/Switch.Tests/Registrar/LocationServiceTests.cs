using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class LocationServiceTests
{
    [Fact]
    public async Task Bindings_expire_on_time_with_a_sofia_expire_event()
    {
        await using var f = new RegistrarFixture();
        var binding = f.Binding(expiresIn: 120);
        await f.Locations.PutAsync(binding);

        f.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(f.Locations.GetBindings("1000", "192.0.2.10"));
        Assert.Empty(f.Custom(RegistrationEvents.Expire));

        f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(f.Locations.GetBindings("1000", "192.0.2.10"));
        var e = Assert.Single(f.Custom(RegistrationEvents.Expire));
        Assert.Equal("call-1000@192.0.2.55", e.GetHeader("call-id"));
        Assert.Equal(0, f.Memory.AorCount);
    }

    [Fact]
    public async Task One_timer_serves_every_binding()
    {
        await using var f = new RegistrarFixture();
        var before = f.Time.ActiveTimers;
        for (var i = 0; i < 50; i++)
        {
            await f.Locations.PutAsync(f.Binding(user: $"u{i}", expiresIn: 60 + i));
        }

        Assert.True(f.Time.ActiveTimers <= before + 1);
        f.Time.Advance(TimeSpan.FromSeconds(200));
        Assert.Equal(50, f.Custom(RegistrationEvents.Expire).Count());
        Assert.Equal(0, f.Locations.PendingExpiries);
    }

    [Fact]
    public async Task Refreshes_keep_one_expiry_entry_per_binding_and_still_expire_on_time()
    {
        await using var f = new RegistrarFixture();
        for (var i = 0; i < 100; i++)
        {
            await f.Locations.PutAsync(f.Binding(contact: "sip:1000@192.0.2.55", expiresIn: 60));
            f.Time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(1, f.Locations.PendingExpiries);
        Assert.Empty(f.Custom(RegistrationEvents.Expire));

        // Last refresh at t=99 s: the binding lives until t=159 s (plus the late margin), then expires once.
        f.Time.Advance(TimeSpan.FromSeconds(55));
        Assert.Single(f.Locations.GetBindings("1000", "192.0.2.10"));
        f.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Single(f.Custom(RegistrationEvents.Expire));
        Assert.Empty(f.Locations.GetBindings("1000", "192.0.2.10"));
        Assert.Equal(0, f.Locations.PendingExpiries);
    }

    [Fact]
    public async Task A_refresh_to_a_shorter_expiry_expires_at_the_shorter_time()
    {
        await using var f = new RegistrarFixture();
        await f.Locations.PutAsync(f.Binding(contact: "sip:1000@192.0.2.55", expiresIn: 3600));
        await f.Locations.PutAsync(f.Binding(contact: "sip:1000@192.0.2.55", expiresIn: 60));
        f.Time.Advance(TimeSpan.FromSeconds(120));
        Assert.Single(f.Custom(RegistrationEvents.Expire));
        Assert.Empty(f.Locations.GetBindings("1000", "192.0.2.10"));
    }

    [Fact]
    public async Task A_refresh_postpones_expiry_and_a_removal_cancels_it()
    {
        await using var f = new RegistrarFixture();
        await f.Locations.PutAsync(f.Binding(contact: "sip:1000@192.0.2.55", expiresIn: 60));
        await f.Locations.PutAsync(f.Binding(contact: "sip:1000@192.0.2.56", expiresIn: 60));

        f.Time.Advance(TimeSpan.FromSeconds(30));
        var refreshed = await f.Locations.PutAsync(f.Binding(contact: "sip:1000@192.0.2.55", expiresIn: 60));
        Assert.NotNull(refreshed);
        Assert.NotNull(await f.Locations.RemoveAsync("1000", "192.0.2.10", "sip:1000@192.0.2.56"));

        f.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(f.Custom(RegistrationEvents.Expire));
        Assert.Single(f.Locations.GetBindings("1000", "192.0.2.10"));

        f.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Single(f.Custom(RegistrationEvents.Expire));
        Assert.Empty(f.Locations.GetBindings("1000", "192.0.2.10"));
    }

    [Fact]
    public async Task Bindings_are_written_through_and_reloaded_after_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), "switch-tests", Guid.NewGuid().ToString("N"), "reg.db");
        try
        {
            var time = new Support.ManualTimeProvider();
            await using (var store = await SqliteBindingStore.OpenAsync(path))
            await using (var first = new RegistrarFixture(store, time))
            {
                await first.Locations.PutAsync(first.Binding(user: "1000", expiresIn: 3600));
                await first.Locations.PutAsync(first.Binding(user: "1001", expiresIn: 60));
            }

            time.Advance(TimeSpan.FromSeconds(120));
            await using var reopened = await SqliteBindingStore.OpenAsync(path);
            await using var second = new RegistrarFixture(reopened, time);
            await second.Locations.StartAsync();

            Assert.Single(second.Locations.GetBindings("1000", "192.0.2.10"));
            Assert.Empty(second.Locations.GetBindings("1001", "192.0.2.10"));
            Assert.Single(await reopened.GetAllAsync(time.GetUtcNow().AddYears(-1)));

            // The reloaded binding expires on the new instance's timer.
            time.Advance(TimeSpan.FromSeconds(3600));
            Assert.Single(second.Custom(RegistrationEvents.Expire));
            await second.Locations.FlushAsync();
            Assert.Empty(await reopened.GetAllAsync(time.GetUtcNow().AddYears(-1)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
