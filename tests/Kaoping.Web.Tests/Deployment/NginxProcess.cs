using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>
/// Debian's nginx with the repository's <c>deploy/nginx/kaoping.conf</c>, changed only in its ports and paths: the
/// nodes' ports, 127.0.0.1 ports instead of 80 and 443, and a self-signed certificate of the test's own. It runs in the
/// foreground under a main configuration of the test's (pid, logs, temp files in its directory); the access log names
/// the node that answered each request.
/// </summary>
internal sealed class NginxProcess : IDisposable
{
    private readonly Process _process;

    private NginxProcess(Process process, string directory, int http, int https)
    {
        _process = process;
        Folder = directory;
        HttpPort = http;
        HttpsPort = https;
    }

    public string Folder { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public Uri Https => new($"https://127.0.0.1:{HttpsPort}");

    /// <summary>The SHA-256 of the test's own certificate: clients trust that one, and no other.</summary>
    public string CertificateHash { get; private init; } = "";

    public HttpClient Client() => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == CertificateHash },
    }) { BaseAddress = Https, Timeout = TimeSpan.FromSeconds(30) };

    public string AccessLog => Path.Combine(Folder, "access.log");

    public static string? Executable =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    public static string RepositoryFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kaoping.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("the repository is not above the tests"), relative);
    }

    /// <summary>The deploy/ configuration for these ports and this directory.</summary>
    public static string Site(string directory, int http, int https, int node1, int node2) =>
        File.ReadAllText(RepositoryFile("deploy/nginx/kaoping.conf"))
            .Replace("server 127.0.0.1:5193", $"server 127.0.0.1:{node1}", StringComparison.Ordinal)
            .Replace("server 127.0.0.1:5194", $"server 127.0.0.1:{node2}", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{http};", StringComparison.Ordinal)
            .Replace("listen [::]:80;", $"listen [::1]:{http};", StringComparison.Ordinal)
            .Replace("listen 443 ssl", $"listen 127.0.0.1:{https} ssl", StringComparison.Ordinal)
            .Replace("listen [::]:443 ssl", $"listen [::1]:{https} ssl", StringComparison.Ordinal)
            .Replace("/etc/ssl/kaoping/", directory + "/", StringComparison.Ordinal);

    public static async Task<NginxProcess> StartAsync(string directory, int http, int https, int node1, int node2, CancellationToken cancel)
    {
        var hash = WriteCertificate(directory);
        var site = Site(directory, http, https, node1, node2);
        if (site.Contains("5193", StringComparison.Ordinal) || site.Contains("/etc/ssl", StringComparison.Ordinal))
            throw new InvalidOperationException("deploy/nginx/kaoping.conf changed: the test no longer finds its ports and paths");
        File.WriteAllText(Path.Combine(directory, "kaoping.conf"), site);
        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
                include /etc/nginx/mime.types;
                log_format node '$request_method $uri $status $upstream_addr';
                access_log {{directory}}/access.log node;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/kaoping.conf;
            }
            """);
        var start = new ProcessStartInfo(Executable!, ["-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        var nginx = new NginxProcess(process, directory, http, https) { CertificateHash = hash };
        var clock = Stopwatch.StartNew();
        while (!await AnswersAsync(https, cancel))
        {
            if (process.HasExited)
                throw new InvalidOperationException("nginx did not start: " + await process.StandardError.ReadToEndAsync(cancel));
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new TimeoutException("nginx did not listen within 20 s");
            await Task.Delay(100, cancel);
        }
        return nginx;
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken cancel)
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync("127.0.0.1", port, cancel);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string WriteCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllText(Path.Combine(directory, "fullchain.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
