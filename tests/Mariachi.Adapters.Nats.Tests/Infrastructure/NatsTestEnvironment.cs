namespace Mariachi.Adapters.Nats.Tests.Infrastructure;

/// <summary>
/// Where the tests find NATS. <c>MARIACHI_TEST_NATS</c> is the URL of a running nats-server with JetStream
/// (<c>.ci/nats.sh</c>'s <c>nats_start</c> sets it); <c>MARIACHI_TEST_NATS_SERVER</c> is the nats-server binary, for
/// the test that runs and restarts a server of its own (found on the PATH when unset). Missing: the tests that need
/// it are reported as skipped, except on CI (<c>CI=true</c>), where they run and fail with this explanation.
/// </summary>
internal static class NatsTestEnvironment
{
    public const string UrlVariable = "MARIACHI_TEST_NATS";
    public const string ServerBinaryVariable = "MARIACHI_TEST_NATS_SERVER";

    private const string HowTo = "Start one with: source .ci/nats.sh && nats_start (it installs the Debian package nats-server when missing).";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    /// <summary>The nats-server binary: the variable, else the PATH and the Debian location.</summary>
    public static string? ServerBinary
    {
        get
        {
            if (Environment.GetEnvironmentVariable(ServerBinaryVariable) is { Length: > 0 } configured)
            {
                return File.Exists(configured) ? configured : null;
            }

            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Append("/usr/sbin")
                .Append("/usr/local/bin")
                .Select(directory => Path.Combine(directory, "nats-server"))
                .FirstOrDefault(File.Exists);
        }
    }

    /// <summary>Why a test needing NATS (and, with <paramref name="needsServerBinary"/>, the binary) is skipped; null to run it.</summary>
    public static string? SkipReason(bool needsServerBinary)
    {
        if (IsCi)
        {
            return null;
        }

        if (Url is null)
        {
            return $"{UrlVariable} is not set, so there is no NATS server to test against. {HowTo}";
        }

        return needsServerBinary && ServerBinary is null
            ? $"This test runs and restarts its own nats-server, but none was found ({ServerBinaryVariable} unset and not on the PATH). {HowTo}"
            : null;
    }

    public static string RequireUrl() => Url ?? throw new InvalidOperationException(
        $"{UrlVariable} is not set. On CI (CI=true) a missing NATS server fails the NATS tests instead of skipping them. {HowTo}");

    public static string RequireServerBinary() => ServerBinary ?? throw new InvalidOperationException(
        $"No nats-server binary: set {ServerBinaryVariable} or put nats-server on the PATH. On CI (CI=true) this fails instead of skipping. {HowTo}");
}
