using System.Diagnostics;
using Mariachi.Adapters.Nats.Communication;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Communication;
using Mariachi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.NKeys;

namespace Mariachi.Adapters.Nats.Tests.Security;

/// <summary>Credentials and TLS against nats-server processes of the test's own, started with authorization and TLS.</summary>
[RequiresNats(ServerBinary = true)]
public sealed class NatsSecurityTests
{
    private static readonly Context Caller = Context.Create(tenantId: "tenant-sec");

    [Fact]
    public async Task A_user_and_password_in_NATS_URL_connect_and_a_wrong_password_is_refused_at_once_without_showing_it()
    {
        await using var server = await NatsServerProcess.StartAsync(jetStream: true, "--user", "ana", "--pass", "s3cret");

        await AssertServesAsync($"nats://ana:s3cret@127.0.0.1:{server.Port}", _ => { });
        var error = await AssertRefusedAsync($"nats://ana:wrong-pass@127.0.0.1:{server.Port}", _ => { });

        Assert.Contains("the NATS server refused the credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("Authorization Violation", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_in_NATS_URL_connects()
    {
        await using var server = await NatsServerProcess.StartAsync(jetStream: true, "--auth", "t0ken-abc");

        await AssertServesAsync($"nats://t0ken-abc@127.0.0.1:{server.Port}", _ => { });
        await AssertRefusedAsync($"nats://127.0.0.1:{server.Port}", _ => { });
    }

    [Fact]
    public async Task An_NKey_seed_from_options_connects_and_an_unknown_one_is_refused()
    {
        using var known = KeyPair.CreatePair(PrefixByte.User);
        using var unknown = KeyPair.CreatePair(PrefixByte.User);
        var config = Path.Combine(Path.GetTempPath(), $"nats-nkey-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, $"authorization {{ users = [ {{ nkey: {known.GetPublicKey()} }} ] }}\n");
        try
        {
            await using var server = await NatsServerProcess.StartAsync(jetStream: true, "-c", config);

            await AssertServesAsync($"nats://127.0.0.1:{server.Port}", o => o.Security.NKeySeed = known.GetSeed());
            await AssertRefusedAsync($"nats://127.0.0.1:{server.Port}", o => o.Security.NKeySeed = unknown.GetSeed());
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task A_creds_file_of_an_operator_account_connects_and_one_of_an_unknown_account_is_refused()
    {
        using var authority = TestOperator.Create();
        await using var server = await NatsServerProcess.StartAsync(jetStream: true, "-c", authority.ServerConfigFile);
        var url = $"nats://127.0.0.1:{server.Port}";

        await AssertServesAsync(url, o => o.Security.CredentialsFile = authority.UserCredentials("ana"));
        var error = await AssertRefusedAsync(url, o => o.Security.CredentialsFile = authority.StrangerCredentials("eve"));

        Assert.Contains("the NATS server refused the credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TLS_with_a_client_certificate_connects_and_an_untrusted_server_is_refused()
    {
        using var certificates = TestCertificates.Create();
        await using var server = await NatsServerProcess.StartAsync(
            jetStream: true,
            "--tls", "--tlscert", certificates.ServerCertificateFile, "--tlskey", certificates.ServerKeyFile,
            "--tlsverify", "--tlscacert", certificates.CaFile);
        var url = $"nats://127.0.0.1:{server.Port}";

        await AssertServesAsync(url, o =>
        {
            o.Security.TlsCaFile = certificates.CaFile;
            o.Security.TlsCertificateFile = certificates.ClientCertificateFile;
            o.Security.TlsKeyFile = certificates.ClientKeyFile;
        });
        var untrusted = await AssertRefusedAsync(url, o =>
        {
            o.Security.TlsCaFile = certificates.OtherCaFile;
            o.Security.TlsCertificateFile = certificates.ClientCertificateFile;
            o.Security.TlsKeyFile = certificates.ClientKeyFile;
        });

        Assert.Contains("TLS", untrusted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_on_an_adapter_with_wrong_credentials_fails_as_unavailable_saying_why()
    {
        await using var server = await NatsServerProcess.StartAsync(jetStream: true, "--user", "ana", "--pass", "s3cret");
        await using var connection = new NatsConnection(TestNats.ConnectionOptions($"nats://ana:nope@127.0.0.1:{server.Port}"));
        var options = TestNats.Options();
        options.ProcedureDirectoryBucket = null;
        await using var communication = new NatsCommunication(connection, options);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CommunicationError>(() => communication.CallAsync<string>("secure.echo", Caller, "hi").AsTask().WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(ErrorCodes.Communication.Unavailable, error.Code);
        Assert.Contains("the NATS server refused the credentials", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The call took {clock.Elapsed}.");
    }

    [Fact]
    public async Task Security_settings_that_cannot_work_stop_the_host_naming_each()
    {
        using var host = Build("nats://127.0.0.1:4222", o =>
        {
            o.Security.CredentialsFile = "/no/such/user.creds";
            o.Security.NKeySeed = "not-a-seed";
            o.Security.TlsCertificateFile = "/no/such/client.pem";
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Collection(
            error.Failures,
            f => Assert.Contains("'Security.CredentialsFile' is invalid: expected a file that exists, got '/no/such/user.creds'", f, StringComparison.Ordinal),
            f => Assert.Contains("'Security.TlsCertificateFile' is invalid: expected a file that exists", f, StringComparison.Ordinal),
            f => Assert.Contains("'Security.NKeySeed' is invalid: expected a user NKey seed (starting with SU), got '(hidden)'", f, StringComparison.Ordinal),
            f => Assert.Contains("'Security.NKeySeed' is invalid: expected either a credentials file or an NKey seed, not both", f, StringComparison.Ordinal),
            f => Assert.Contains("'Security.TlsKeyFile' is invalid: expected a client certificate and its key, both or neither", f, StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("not-a-seed", StringComparison.Ordinal));
    }

    private static async Task AssertServesAsync(string url, Action<MariachiNatsOptions> configure)
    {
        using var host = Build(url, configure);
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var communication = host.Services.GetRequiredService<ICommunication>();
        Assert.Equal("echo:hi", await communication.CallAsync(EchoModule.Echo, Caller, "hi"));
        await host.StopAsync();
    }

    private static async Task<CommunicationError> AssertRefusedAsync(string url, Action<MariachiNatsOptions> configure)
    {
        using var host = Build(url, configure);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CommunicationError>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(ErrorCodes.Communication.Unavailable, error.Code);
        Assert.StartsWith("Could not connect to NATS at ", error.Message, StringComparison.Ordinal);

        // Refused at the first attempt, not retried until StartupConnectTimeout (1 minute).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"Refusal took {clock.Elapsed}: {error.Message}");
        return error;
    }

    private static IHost Build(string url, Action<MariachiNatsOptions> configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new(ConfigKeys.NatsUrl, url)]);
        var scope = TestNats.Options();
        builder.Services.AddMariachiNats(options =>
        {
            options.ProcedureSubjectPrefix = scope.ProcedureSubjectPrefix;
            options.Events.SubjectPrefix = scope.Events.SubjectPrefix;
            options.Events.StreamName = scope.Events.StreamName;
            configure(options);
        }).AddProcedureModule<EchoModule>();
        return builder.Build();
    }

    private sealed class EchoModule : IProcedureModule
    {
        public static readonly Procedure<string, string> Echo = new("secure.echo");

        public void Register(ICommunication communication) =>
            communication.Register(Echo, (_, input) => Task.FromResult("echo:" + input));
    }
}
