namespace Switch.Commands.Channels;

/// <summary>mod_commands' output strings for channel commands, spelled once.</summary>
internal static class ChannelOutputs
{
    public const string Ok = "+OK\n";
    public const string Error = "-ERROR\n";
    public const string NoSuchChannel = "-ERR No such channel!\n";
    public const string InvalidUuid = "-ERR Invalid uuid\n";
    public const string Undefined = "_undef_";
}
