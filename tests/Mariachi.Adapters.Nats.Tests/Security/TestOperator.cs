using System.Text;
using System.Text.Json;
using NATS.NKeys;

namespace Mariachi.Adapters.Nats.Tests.Security;

/// <summary>
/// A NATS operator made here, as <c>nsc</c> would make one: an operator, one account (with JetStream) and its users,
/// each a JWT signed with the issuer's NKey. Written as a server configuration (memory resolver) and as the
/// <c>.creds</c> files a client is given, so the adapter's <c>Security.CredentialsFile</c> meets a real decentralized
/// authentication setup.
/// </summary>
internal sealed class TestOperator : IDisposable
{
    private readonly KeyPair _operator = KeyPair.CreatePair(PrefixByte.Operator);
    private readonly KeyPair _account = KeyPair.CreatePair(PrefixByte.Account);
    private readonly KeyPair _system = KeyPair.CreatePair(PrefixByte.Account);

    private TestOperator(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>The server configuration: trusts the operator and preloads the account.</summary>
    public string ServerConfigFile => Path.Combine(Directory, "server.conf");

    public static TestOperator Create()
    {
        var created = new TestOperator(System.IO.Directory.CreateTempSubdirectory("mariachi-nats-operator-").FullName);
        var operatorJwt = Sign(created._operator, created._operator.GetPublicKey(), "test-operator", new { type = "operator", version = 2 });
        var accountJwt = Sign(created._operator, created._account.GetPublicKey(), "test-account", new
        {
            // -1 is "unlimited"; the storage limits are what enables JetStream for the account.
            limits = new { subs = -1, data = -1, payload = -1, imports = -1, exports = -1, wildcards = true, conn = -1, leaf = -1, mem_storage = -1, disk_storage = -1, streams = -1, consumer = -1 },
            type = "account",
            version = 2,
        });
        // JetStream in operator mode needs a system account for its internal subscriptions.
        var systemJwt = Sign(created._operator, created._system.GetPublicKey(), "SYS", new { type = "account", version = 2 });
        File.WriteAllText(created.ServerConfigFile, $$"""
            operator: "{{operatorJwt}}"
            system_account: {{created._system.GetPublicKey()}}
            resolver: MEMORY
            resolver_preload: {
              {{created._account.GetPublicKey()}}: "{{accountJwt}}"
              {{created._system.GetPublicKey()}}: "{{systemJwt}}"
            }

            """);
        return created;
    }

    /// <summary>A <c>.creds</c> file for a new user of the operator's account.</summary>
    public string UserCredentials(string name) => Credentials(name, _account);

    /// <summary>A <c>.creds</c> file for a user whose account the server does not know.</summary>
    public string StrangerCredentials(string name)
    {
        using var unknownAccount = KeyPair.CreatePair(PrefixByte.Account);
        return Credentials(name, unknownAccount);
    }

    public void Dispose()
    {
        _operator.Dispose();
        _account.Dispose();
        _system.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private string Credentials(string name, KeyPair account)
    {
        using var user = KeyPair.CreatePair(PrefixByte.User);
        var jwt = Sign(account, user.GetPublicKey(), name, new { pub = new { }, sub = new { }, subs = -1, data = -1, payload = -1, type = "user", version = 2 });
        var file = Path.Combine(Directory, name + ".creds");
        File.WriteAllText(file, $"""
            -----BEGIN NATS USER JWT-----
            {jwt}
            ------END NATS USER JWT------

            -----BEGIN USER NKEY SEED-----
            {user.GetSeed()}
            ------END USER NKEY SEED------

            """);
        return file;
    }

    private static string Sign(KeyPair signer, string subject, string name, object nats)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = "ed25519-nkey" }));
        var claims = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            jti = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            iss = signer.GetPublicKey(),
            name,
            sub = subject,
            nats,
        }));
        var signature = new byte[64];
        signer.Sign(Encoding.ASCII.GetBytes($"{header}.{claims}"), signature);
        return $"{header}.{claims}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
