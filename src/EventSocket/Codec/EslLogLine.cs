namespace Switch.EventSocket;

/// <summary>
/// One log line delivered as <c>log/data</c> to connections that sent <c>log &lt;level&gt;</c>.
/// <paramref name="Level"/> is FS's numeric level: 0 console, 1 alert, 2 crit, 3 err, 4 warning, 5 notice, 6 info, 7 debug.
/// <paramref name="Text"/> is the full console line (FS: time, idle CPU, <c>[LEVEL]</c>, <c>file:line</c>, message, LF).
/// <paramref name="UserData"/> is the channel uuid the line concerns, or null.
/// </summary>
public sealed record EslLogLine(int Level, string Text, string File, string Function, int Line, string? UserData = null, int TextChannel = 3);
