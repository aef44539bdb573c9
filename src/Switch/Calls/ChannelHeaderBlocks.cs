namespace Switch.Calls;

/// <summary>
/// The header blocks most recently built for one channel: its channel block, Caller-* block, Other-Leg-* block and
/// variable_* block. Each is immutable and checked against the channel's current values before it is reused, so a
/// block goes into every event of the channel until something in it changes. Kept in <see cref="ChannelHeaderCache"/>,
/// not on the channel, so that a long call keeps no event memory.
/// </summary>
internal sealed class ChannelHeaderBlocks(string uuid)
{
    private ChannelHeaderBlock? _channel;
    private ProfileHeaderBlock? _caller;
    private ProfileHeaderBlock? _otherLeg;
    private VariableHeaderBlock? _variables;

    /// <summary>The Unique-ID of the channel these blocks belong to (compared by reference).</summary>
    public string Uuid { get; } = uuid;

    public KeyValuePair<string, string>[] ChannelBlock(Channel ch)
    {
        var fields = ChannelBlockFields.Of(ch);
        var block = _channel;
        if (block is null || !block.Matches(fields))
        {
            _channel = block = ChannelHeaderBlock.Build(fields, block);
        }
        return block.Headers;
    }

    public KeyValuePair<string, string>[] CallerBlock(CallerProfile profile)
    {
        var block = _caller;
        if (block is null || !block.Matches(ProfileHeaderNames.Caller, OtherLegType.None, profile))
        {
            _caller = block = ProfileHeaderBlock.Build(ProfileHeaderNames.Caller, OtherLegType.None, profile, block);
        }
        return block.Headers;
    }

    /// <summary>Other-Type and the Other-Leg-* headers of the other leg's <paramref name="profile"/>.</summary>
    public KeyValuePair<string, string>[] OtherLegBlock(CallerProfile profile, OtherLegType type)
    {
        var block = _otherLeg;
        if (block is null || !block.Matches(ProfileHeaderNames.OtherLeg, type, profile))
        {
            _otherLeg = block = ProfileHeaderBlock.Build(ProfileHeaderNames.OtherLeg, type, profile, block);
        }
        return block.Headers;
    }

    /// <summary>variable_* for every variable in insertion order; header names of the previous block are reused.</summary>
    public KeyValuePair<string, string>[] VariablesBlock(ChannelVariables variables)
    {
        var previous = _variables;
        if (previous is not null && previous.Matches(variables))
        {
            return previous.Headers;
        }
        var block = VariableHeaderBlock.Build(variables, previous);
        _variables = block;
        return block.Headers;
    }
}
