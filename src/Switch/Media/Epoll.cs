using System.Runtime.InteropServices;

namespace Switch.Media;

/// <summary>
/// The few libc calls <see cref="EpollMediaLoop"/> needs (Linux). Blittable signatures over byte arrays (pinned by
/// the marshaller), so no unsafe code: <c>struct epoll_event</c> is 12 bytes (packed) on x86 and x86-64 and 16
/// bytes elsewhere, written and read through <see cref="WriteEvent"/> and <see cref="ReadEvent"/>.
/// </summary>
internal static class Epoll
{
    public const uint In = 0x001;
    public const uint Error = 0x008;
    public const uint HangUp = 0x010;
    public const int Add = 1;
    public const int Delete = 2;
    public const int Interrupted = 4;
    private const int CloseOnExec = 0x80000;
    private const int NonBlocking = 0x800;
    private const string Library = "libc";

    /// <summary>Bytes of one <c>struct epoll_event</c> on this architecture.</summary>
    public static readonly int EventSize =
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86 ? 12 : 16;

    private static readonly int s_dataOffset = EventSize == 12 ? 4 : 8;

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>A new epoll instance (close-on-exec); -1 on failure (errno in <see cref="Marshal.GetLastPInvokeError"/>).</summary>
    public static int Create() => epoll_create1(CloseOnExec);

    /// <summary>A non-blocking eventfd used to wake a thread in <c>epoll_wait</c>; -1 on failure.</summary>
    public static int CreateEventFd() => eventfd(0, CloseOnExec | NonBlocking);

    public static int Control(int epoll, int operation, int fd, uint events, ulong data)
    {
        var buffer = new byte[16];
        WriteEvent(buffer, events, data);
        return epoll_ctl(epoll, operation, fd, buffer);
    }

    /// <summary>Waits for ready descriptors; returns how many events were written, or -1 (errno).</summary>
    public static int Wait(int epoll, byte[] events, int timeoutMs) => epoll_wait(epoll, events, events.Length / EventSize, timeoutMs);

    public static void ReadEvent(ReadOnlySpan<byte> events, int index, out uint flags, out ulong data)
    {
        var one = events.Slice(index * EventSize, EventSize);
        flags = MemoryMarshal.Read<uint>(one);
        data = MemoryMarshal.Read<ulong>(one[s_dataOffset..]);
    }

    public static void WriteEvent(Span<byte> destination, uint flags, ulong data)
    {
        MemoryMarshal.Write(destination, in flags);
        MemoryMarshal.Write(destination[s_dataOffset..], in data);
    }

    /// <summary>Adds one to an eventfd's counter (wakes its epoll waiter).</summary>
    public static void Signal(int eventFd) => _ = write(eventFd, BitConverter.GetBytes(1UL), 8);

    /// <summary>Resets an eventfd's counter.</summary>
    public static void Drain(int eventFd, byte[] scratch) => _ = read(eventFd, scratch, 8);

    public static void Close(int fd)
    {
        if (fd >= 0)
        {
            _ = close(fd);
        }
    }

    [DllImport(Library, SetLastError = true)]
    private static extern int epoll_create1(int flags);

    [DllImport(Library, SetLastError = true)]
    private static extern int epoll_ctl(int epfd, int op, int fd, byte[] epollEvent);

    [DllImport(Library, SetLastError = true)]
    private static extern int epoll_wait(int epfd, [Out] byte[] events, int maxevents, int timeout);

    [DllImport(Library, SetLastError = true)]
    private static extern int eventfd(uint initval, int flags);

    [DllImport(Library, SetLastError = true)]
    private static extern nint write(int fd, byte[] buffer, nint count);

    [DllImport(Library, SetLastError = true)]
    private static extern nint read(int fd, [Out] byte[] buffer, nint count);

    [DllImport(Library, SetLastError = true)]
    private static extern int close(int fd);
}
