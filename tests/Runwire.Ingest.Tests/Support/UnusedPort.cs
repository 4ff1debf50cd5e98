using System.Net;
using System.Net.Sockets;

namespace Runwire.Testing;

/// <summary>A loopback port nothing listens on: free a moment ago, bound, read and released. Where a sidecar would be, there is none.</summary>
internal static class UnusedPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
