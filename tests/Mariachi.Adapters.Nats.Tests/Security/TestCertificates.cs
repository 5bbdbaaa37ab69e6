using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mariachi.Adapters.Nats.Tests.Security;

/// <summary>A CA, a server certificate for 127.0.0.1 and a client certificate, made here and written as PEM files.</summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    public string ServerCertificateFile => Path.Combine(Directory, "server.pem");

    public string ServerKeyFile => Path.Combine(Directory, "server-key.pem");

    public string ClientCertificateFile => Path.Combine(Directory, "client.pem");

    public string ClientKeyFile => Path.Combine(Directory, "client-key.pem");

    /// <summary>A CA no certificate here chains to, for the untrusted-server case.</summary>
    public string OtherCaFile => Path.Combine(Directory, "other-ca.pem");

    public static TestCertificates Create()
    {
        var certificates = new TestCertificates(System.IO.Directory.CreateTempSubdirectory("mariachi-nats-tls-").FullName);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = Authority("CN=Mariachi test CA", caKey);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = Authority("CN=Some other CA", otherKey);
        File.WriteAllText(certificates.CaFile, ca.ExportCertificatePem());
        File.WriteAllText(certificates.OtherCaFile, other.ExportCertificatePem());
        certificates.Leaf(ca, "CN=127.0.0.1", serverAuth: true, certificates.ServerCertificateFile, certificates.ServerKeyFile, 1);
        certificates.Leaf(ca, "CN=mariachi-client", serverAuth: false, certificates.ClientCertificateFile, certificates.ClientKeyFile, 2);
        return certificates;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static X509Certificate2 Authority(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private void Leaf(X509Certificate2 ca, string subject, bool serverAuth, string certificateFile, string keyFile, byte serial)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [serial]);
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }
}
