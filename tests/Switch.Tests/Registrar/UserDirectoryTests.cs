using Switch.Registrar;

namespace Switch.Tests.Registrar;

public sealed class UserDirectoryTests
{
    [Fact]
    public void Without_users_the_embedded_default_has_1000_to_1019_with_password_1234()
    {
        Assert.True(DirectorySnapshot.TryCreate(null, "192.0.2.10", out var snapshot, out var errors));

        Assert.Empty(errors);
        Assert.True(snapshot.IsEmbeddedDefault);
        Assert.True(snapshot.IsUsingDefaultPasswords);
        Assert.Equal("192.0.2.10", snapshot.Domain);
        Assert.Equal(20, snapshot.Users.Count);
        Assert.True(snapshot.TryGetUser("1000", out var first));
        Assert.True(snapshot.TryGetUser("1019", out _));
        Assert.False(snapshot.TryGetUser("1020", out _));
        Assert.False(snapshot.TryGetUser("999", out _));
        Assert.Equal("1234", first.Password);
        Assert.Equal("Extension 1000", first.EffectiveCallerIdName);
        Assert.Equal("1000", first.EffectiveCallerIdNumber);
    }

    [Fact]
    public void Configured_users_carry_caller_id_and_variables()
    {
        var options = new DirectoryOptions
        {
            Domain = "pbx.example.com",
            Aliases = ["192.0.2.10"],
            Users =
            [
                new DirectoryUserOptions
                {
                    Id = "alice", Password = "s3cret", DisplayName = "Alice Liddell", CallerIdNumber = "+15550100",
                    Variables = new() { ["user_context"] = "sales", ["toll_allow"] = "local" },
                },
                new DirectoryUserOptions { Id = "bob", Password = "hunter22" },
            ],
        };

        Assert.True(DirectorySnapshot.TryCreate(options, "ignored", out var snapshot, out _));

        Assert.False(snapshot.IsEmbeddedDefault);
        Assert.False(snapshot.IsUsingDefaultPasswords);
        Assert.Equal("pbx.example.com", snapshot.Domain);
        Assert.True(snapshot.IsLocalDomain("PBX.example.com"));
        Assert.True(snapshot.IsLocalDomain("192.0.2.10"));
        Assert.False(snapshot.IsLocalDomain("other.example.com"));
        Assert.True(snapshot.TryGetUser("Alice", out var alice));
        Assert.Equal("Alice Liddell", alice.EffectiveCallerIdName);
        Assert.Equal("+15550100", alice.EffectiveCallerIdNumber);
        Assert.Equal("sales", alice.Variables["user_context"]);
        Assert.True(snapshot.TryGetUser("bob", out var bob));
        Assert.Equal("Extension bob", bob.EffectiveCallerIdName);
        Assert.Equal("bob", bob.EffectiveCallerIdNumber);
    }

    [Fact]
    public void A_configured_1234_password_still_counts_as_default()
    {
        var options = new DirectoryOptions { Users = [new DirectoryUserOptions { Id = "2000", Password = "1234" }] };

        Assert.True(DirectorySnapshot.TryCreate(options, "d", out var snapshot, out _));
        Assert.True(snapshot.IsUsingDefaultPasswords);
    }

    [Fact]
    public void Invalid_users_are_reported_with_their_keys()
    {
        var options = new DirectoryOptions
        {
            Users =
            [
                new DirectoryUserOptions { Id = "ok", Password = "p" },
                new DirectoryUserOptions { Id = "ok", Password = "p" },
                new DirectoryUserOptions { Id = "has space", Password = "p" },
                new DirectoryUserOptions { Id = "nopass" },
            ],
        };

        Assert.False(DirectorySnapshot.TryCreate(options, "d", out _, out var errors));

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("directory:Users:1:Id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("directory:Users:2:Id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("directory:Users:3:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_swaps_the_whole_directory_at_once()
    {
        var directory = new UserDirectory(DirectorySnapshot.CreateDefault("d"));
        Assert.True(directory.TryGetUser("1000", out _));
        Assert.True(directory.IsUsingDefaultPasswords);

        Assert.True(DirectorySnapshot.TryCreate(
            new DirectoryOptions { Domain = "e", Users = [new DirectoryUserOptions { Id = "3000", Password = "x9" }] },
            "d", out var next, out _));
        directory.Reload(next);

        Assert.Equal("e", directory.Domain);
        Assert.False(directory.TryGetUser("1000", out _));
        Assert.True(directory.TryGetUser("3000", out _));
        Assert.False(directory.IsUsingDefaultPasswords);
    }
}
