namespace Switch.Commands.System;

/// <summary>The switch's version as `version` prints it.</summary>
internal static class SwitchVersion
{
    public const string Short = "1.0.0";
    public static string Full => $"{Short}-switch-dotnet{Environment.Version.Major} 64bit";
}
