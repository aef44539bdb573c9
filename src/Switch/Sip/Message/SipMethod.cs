using System.Text;

namespace Switch.Sip.Message;

/// <summary>SIP method names (case-sensitive, RFC 3261 §7.1) and interning of the common ones.</summary>
internal static class SipMethod
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Info = "INFO";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
    public const string Subscribe = "SUBSCRIBE";
    public const string Notify = "NOTIFY";
    public const string Refer = "REFER";
    public const string Message = "MESSAGE";
    public const string Publish = "PUBLISH";

    private static readonly string[] Known =
        [Invite, Ack, Bye, Cancel, Options, Register, Info, Update, Prack, Subscribe, Notify, Refer, Message, Publish];

    private static readonly byte[][] KnownBytes = Array.ConvertAll(Known, Encoding.ASCII.GetBytes);

    /// <summary>Returns the shared string for a known method, or a new string for an extension method.</summary>
    public static string Intern(ReadOnlySpan<byte> method)
    {
        var table = KnownBytes;
        for (var i = 0; i < table.Length; i++)
        {
            if (method.SequenceEqual(table[i]))
            {
                return Known[i];
            }
        }

        return Encoding.UTF8.GetString(method);
    }

    /// <summary>Returns the shared string for a known method, or <paramref name="method"/> itself.</summary>
    public static string Intern(string method)
    {
        foreach (var known in Known)
        {
            if (string.Equals(known, method, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return method;
    }

    public static bool IsKnown(string method) => Array.IndexOf(Known, method) >= 0;
}
