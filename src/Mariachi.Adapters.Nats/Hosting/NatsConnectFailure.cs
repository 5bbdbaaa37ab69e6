using System.Security.Authentication;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Hosting;

/// <summary>
/// Why a connection attempt failed, in words an operator acts on. NATS.Net reports every failed connect as "can not
/// start to connect"; the server's refusal or the TLS error is further down the chain, and it is the part that says
/// whether waiting helps (a server still starting) or not (wrong credentials, an untrusted certificate).
/// </summary>
internal static class NatsConnectFailure
{
    private const string Advice =
        "check the user and password or token in NATS_URL, Nats Security.CredentialsFile / Security.NKeySeed, and the TLS settings";

    /// <summary>
    /// <paramref name="urls"/> (comma-separated) with the secret part of any user info masked: <c>nats://ana:***@host</c>,
    /// <c>nats://***@host</c> for a token. Server URLs go into logs and error messages; passwords must not.
    /// </summary>
    public static string Redact(string urls) => string.Join(",", urls.Split(',').Select(RedactOne));

    /// <summary>True when retrying cannot help: the server refused the credentials, or TLS failed.</summary>
    public static bool IsRefusal(Exception exception) => Refusal(exception) is not null;

    /// <summary>The reason to report: the refusal with what to check, else the exception's own message.</summary>
    public static string Describe(Exception exception) =>
        Refusal(exception) is { } refusal ? $"{refusal}; {Advice}" : exception.Message;

    private static string RedactOne(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.IndexOf('@', StringComparison.Ordinal);
        if (scheme < 0 || at < scheme)
        {
            return url;
        }

        var userInfo = url[(scheme + 3)..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var masked = colon < 0 ? "***" : userInfo[..colon] + ":***";
        return url[..(scheme + 3)] + masked + url[at..];
    }

    private static string? Refusal(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is NatsServerException server
                && (server.Message.Contains("Authorization", StringComparison.OrdinalIgnoreCase)
                    || server.Message.Contains("Authentication", StringComparison.OrdinalIgnoreCase)))
            {
                return $"the NATS server refused the credentials ({server.Message})";
            }

            if (current is AuthenticationException tls)
            {
                return $"the TLS handshake with the NATS server failed ({tls.Message})";
            }
        }

        return null;
    }
}
