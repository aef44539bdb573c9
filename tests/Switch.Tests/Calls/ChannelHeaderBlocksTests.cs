using FsCheck;
using FsCheck.Fluent;
using Switch.Calls;
using Switch.Events;
using Switch.Tests.Calls.Fakes;
using Switch.Tests.Support;

namespace Switch.Tests.Calls;

/// <summary>
/// Channel events reuse header blocks while a channel does not change: whatever changes between two events, each
/// event shows the channel as it is at that moment (compared with <see cref="ReferenceChannelData"/>).
/// </summary>
public sealed class ChannelHeaderBlocksTests
{
    private static readonly string[] VariableNames = ["presence_id", "presence_data", "call_uuid", "a", "sip_from_user", "b"];
    private static readonly string?[] Values = [null, "", "1", "2", "é 日", "1741083625000000"];
    private static readonly long[] Times = [0, 1741083625000000, 1741083625000001, 1741083626123456];

    private static Channel NewChannel(string uuid, CallDirection direction = CallDirection.Inbound)
    {
        var profile = new CallerProfile
        {
            Username = "1000", Dialplan = "XML", CallerIdName = "Alice", CallerIdNumber = "1000", NetworkAddr = "192.0.2.55",
            DestinationNumber = "5000", Source = "mod_sofia", Context = "default",
            ProfileCreatedTime = 1741083625000000, CreatedTime = 1741083625000000,
        };
        return new Channel(uuid, "sofia/internal/" + uuid, direction, profile, new FakeSignaling("x"));
    }

    private static List<KeyValuePair<string, string>> ChannelData(EventBus bus, Channel ch, bool includeVariables)
    {
        var builder = ChannelEvents.Start("CHANNEL_DATA", ch);
        ChannelEvents.AddChannelData(builder, ch, includeVariables);
        return bus.Publish(builder).Headers.Skip(EventBus.StandardHeaderCount).ToList();
    }

    /// <summary>Applies operation <paramref name="op"/> (decoded from one number) to one of the channels.</summary>
    private static void Apply(int op, Channel[] channels)
    {
        var ch = channels[op / 16 % channels.Length];
        var arg = op / 64;
        var p = ch.Profile;
        switch (op % 16)
        {
            case 0:
                // Sometimes the same name as another string instance (the blocks compare names by reference).
                var name = VariableNames[arg % VariableNames.Length];
                ch.Variables.Set(arg % 5 == 0 ? new string(name.AsSpan()) : name, Values[arg / 8 % Values.Length]);
                break;
            case 1: ch.SetState((ChannelState)(arg % 14)); break;
            case 2: ch.RequestState((ChannelState)(arg % 14)); break;
            case 3: ch.CallState = (CallState)(arg % 9); break;
            case 4: ch.HangupCause = arg % 3 == 0 ? null : arg % 3 == 1 ? HangupCause.NormalClearing : HangupCause.UserBusy; break;
            case 5: ch.IsAnswered = arg % 2 == 0; ch.HasEarlyMedia = arg % 3 == 0; break;
            case 6: ch.ReadCodecName = arg % 3 == 0 ? null : arg % 3 == 1 ? "PCMU" : "OPUS"; ch.ReadCodecRate = arg % 2 == 0 ? 8000 : 48000; break;
            case 7: ch.WriteCodecName = arg % 2 == 0 ? null : "PCMA"; ch.WriteCodecBitRate = arg % 5 == 0 ? 0 : 64000; break;
            case 8: p.CallerIdName = Values[arg % Values.Length]; break;
            case 9: p.CalleeIdNumber = Values[arg % Values.Length]; p.TransferSource = Values[(arg + 1) % Values.Length]; break;
            case 10: p.AnsweredTime = Times[arg % Times.Length]; break;
            case 11: p.HangupTime = Times[arg % Times.Length]; p.LastHoldTime = Times[(arg / 4) % Times.Length]; break;
            case 12: p.PrivacyHideName = arg % 2 == 0; p.LogicalDirection = arg % 3 == 0 ? CallDirection.Outbound : CallDirection.Inbound; break;
            case 13:
                var other = channels[arg % channels.Length];
                ch.OtherLegProfile = other.Profile;
                ch.OtherLegType = (OtherLegType)(arg / 4 % 3);
                break;
            default: ch.HitDialplan = arg % 2 == 0; break;
        }
    }

    [Fact]
    public void Every_event_shows_the_channel_as_it_is_after_any_changes() =>
        Prop.ForAll(Gen.Choose(0, 4095).ArrayOf().ToArbitrary(), ops =>
        {
            var bus = new EventBus(EngineHarness.Identity, new ManualTimeProvider());
            Channel[] channels = [NewChannel(Guid.NewGuid().ToString()), NewChannel(Guid.NewGuid().ToString(), CallDirection.Outbound), NewChannel(Guid.NewGuid().ToString())];
            foreach (var op in ops)
            {
                Apply(op, channels);
                var ch = channels[op / 16 % channels.Length];
                var includeVariables = op / 7 % 2 == 0;
                if (!ChannelData(bus, ch, includeVariables).SequenceEqual(ReferenceChannelData.Of(ch, includeVariables)))
                {
                    return false;
                }
            }
            return true;
        })
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Events_of_an_unchanged_channel_share_its_blocks_and_a_change_replaces_only_its_block()
    {
        var bus = new EventBus(EngineHarness.Identity, new ManualTimeProvider());
        var ch = NewChannel(Guid.NewGuid().ToString());
        ch.Variables.Set("a", "1");
        var park = bus.Publish(ChannelEvents.Create(ChannelEventNames.Park, ch));
        var first = park.HeaderParts;
        var second = bus.Publish(ChannelEvents.Create(ChannelEventNames.Execute, ch)).HeaderParts;
        ch.Variables.Set("a", "2");
        var third = bus.Publish(ChannelEvents.Create(ChannelEventNames.Park, ch)).HeaderParts;

        // Parts: Event-Name with the identity, the other standard headers, state headers, channel block, Caller-*,
        // variable_*; all but the second shared.
        Assert.Equal(6, first.Length);
        Assert.Equal(0b111101UL, park.SharedParts);
        for (var i = 2; i < 6; i++)
        {
            Assert.True(first[i].Span == second[i].Span, $"part {i} is shared");
        }
        Assert.False(first[1].Span == second[1].Span);
        Assert.True(first[0].Span == third[0].Span);
        Assert.True(first[4].Span == third[4].Span);
        Assert.False(first[5].Span == third[5].Span);
        Assert.Same(first[5].Span[0].Key, third[5].Span[0].Key);
    }

    [Fact]
    public void More_channels_than_cache_slots_still_get_their_own_headers()
    {
        var bus = new EventBus(EngineHarness.Identity, new ManualTimeProvider());
        var channels = Enumerable.Range(0, ChannelHeaderCache.Slots * 2).Select(i =>
        {
            var ch = NewChannel($"uuid-{i}");
            ch.Profile.CallerIdName = $"caller {i}";
            ch.Variables.Set("n", $"{i}");
            return ch;
        }).ToArray();
        for (var round = 0; round < 2; round++)
        {
            foreach (var ch in channels)
            {
                if (round == 1 && ch.Uuid.EndsWith('7'))
                {
                    ch.Variables.Set("n", "changed");
                    ch.Profile.AnsweredTime = 1741083626000000;
                }
                Assert.Equal(ReferenceChannelData.Of(ch, includeVariables: true), ChannelData(bus, ch, includeVariables: true));
            }
        }
    }

    [Fact]
    public void Variable_header_names_are_made_once_per_name()
    {
        Assert.Same(VariableHeaderNames.Of("sip_from_user"), VariableHeaderNames.Of(string.Concat("sip_", "from_user")));
        Assert.Equal("variable_x y", VariableHeaderNames.Of("x y"));
    }
}
