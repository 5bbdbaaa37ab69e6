using System.Net;
using System.Net.Sockets;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>Talks to an app started with <see cref="DotNet.Start(string, string[])"/> on a port of its own.</summary>
internal static class LocalApp
{
    /// <summary>Sends the request until the app listens; fails at once if the app stops.</summary>
    public static async Task<HttpResponseMessage> SendWhenReadyAsync(HttpClient http, DotNet.Running running, Func<HttpRequestMessage> request)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(running.HasExited, "The app stopped:\n" + running.Output);
            using var attempt = request();
            try
            {
                return await http.SendAsync(attempt);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
