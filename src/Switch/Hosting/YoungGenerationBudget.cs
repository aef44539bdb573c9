using System.Globalization;

namespace Switch.Hosting;

/// <summary>
/// The runtime sizes the young generation (gen0) from the CPU's last-level cache. On hosts that report a large
/// L3 (cloud VMs report 32-300 MiB) that budget reaches 20-80 MB; everything a burst of SIP traffic keeps alive
/// inside it (transactions and their responses held for Timer J) is then copied in one collection, which
/// paused the SIP threads 60-120 ms at 2,000 registrations/s and overflowed the peers' receive buffers
/// (docs/PERFORMANCE.md). `DOTNET_GCgen0size` bounds it; it can only be set in the environment, before the
/// runtime starts (there is no runtimeconfig.json property for it), so the switch checks it and says so.
/// </summary>
internal static class YoungGenerationBudget
{
    /// <summary>The value the shipped launchers set: 4 MB (hexadecimal, as the runtime reads it).</summary>
    public const string Recommended = "0x400000";

    /// <summary>Above this budget a warning is logged at start.</summary>
    public const long WarnAboveBytes = 16L * 1024 * 1024;

    /// <summary>The runtime's largest gen0 budget in bytes, or null when it does not report one.</summary>
    public static long? Current()
    {
        if (!GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var value))
        {
            return null;
        }
        try
        {
            return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="budgetBytes"/> is large enough to stall SIP processing under load.</summary>
    public static bool IsTooLarge(long? budgetBytes) => budgetBytes > WarnAboveBytes;
}
