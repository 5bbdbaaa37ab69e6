using NATS.Client.Core;
using NATS.NKeys;

namespace Mariachi.Adapters.Nats;

/// <summary>
/// Credentials and TLS for the connection <c>AddMariachiNats</c> builds. A user and password (<c>nats://user:pass@host</c>)
/// or a token (<c>nats://token@host</c>) come with <c>NATS_URL</c>; the secrets kept apart from the URL are set here,
/// from the config layer or a secret store. Unused when an <c>INatsConnection</c> is registered already.
/// </summary>
public sealed class MariachiNatsSecurityOptions
{
    /// <summary>A <c>.creds</c> file (user JWT and NKey seed), as <c>nsc</c> writes it for decentralized authorization.</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>A user NKey seed (<c>SU...</c>); the server knows the user by the public key derived from it.</summary>
    public string? NKeySeed { get; set; }

    /// <summary>The CA certificate (PEM) the server's certificate must chain to; setting any TLS file requires TLS.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>The client certificate (PEM), for a server that verifies clients (<c>verify: true</c>).</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>The client certificate's private key (PEM).</summary>
    public string? TlsKeyFile { get; set; }

    internal bool UsesTls => TlsCaFile is not null || TlsCertificateFile is not null || TlsKeyFile is not null;

    /// <summary>The connection options with these credentials and TLS settings.</summary>
    internal NatsOpts Apply(NatsOpts options)
    {
        var auth = options.AuthOpts;
        if (CredentialsFile is not null)
        {
            auth = auth with { CredsFile = CredentialsFile };
        }

        if (NKeySeed is not null)
        {
            using var pair = KeyPair.FromSeed(NKeySeed);
            auth = auth with { Seed = NKeySeed, NKey = pair.GetPublicKey() };
        }

        var tls = !UsesTls
            ? options.TlsOpts
            : options.TlsOpts with { Mode = TlsMode.Require, CaFile = TlsCaFile, CertFile = TlsCertificateFile, KeyFile = TlsKeyFile };
        return options with { AuthOpts = auth, TlsOpts = tls };
    }

    internal IEnumerable<ConfigError?> Errors() =>
    [
        CheckFile("Security.CredentialsFile", CredentialsFile),
        CheckFile("Security.TlsCaFile", TlsCaFile),
        CheckFile("Security.TlsCertificateFile", TlsCertificateFile),
        CheckFile("Security.TlsKeyFile", TlsKeyFile),
        NKeySeed is not null && !IsUserSeed(NKeySeed)
            ? MariachiNatsOptions.Invalid("Security.NKeySeed", "a user NKey seed (starting with SU)", "(hidden)")
            : null,
        CredentialsFile is not null && NKeySeed is not null
            ? MariachiNatsOptions.Invalid("Security.NKeySeed", "either a credentials file or an NKey seed, not both", "(hidden)")
            : null,
        (TlsCertificateFile is null) != (TlsKeyFile is null)
            ? MariachiNatsOptions.Invalid(
                TlsKeyFile is null ? "Security.TlsKeyFile" : "Security.TlsCertificateFile",
                "a client certificate and its key, both or neither",
                "null")
            : null,
    ];

    private static ConfigError? CheckFile(string name, string? path) =>
        path is not null && !File.Exists(path) ? MariachiNatsOptions.Invalid(name, "a file that exists", path) : null;

    private static bool IsUserSeed(string seed)
    {
        if (!seed.StartsWith("SU", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var pair = KeyPair.FromSeed(seed);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or NKeysException)
        {
            return false;
        }
    }
}
