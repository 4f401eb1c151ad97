using System.Net;
using Kaoping.Text;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kaoping.Web.Deployment;

/// <summary>
/// The client's address and scheme from <c>X-Forwarded-For</c>/<c>-Proto</c>, but only when the request comes from a
/// proxy named in <c>Kaoping:ForwardedHeaders:KnownProxies</c> (nginx: <c>127.0.0.1</c>); from anyone else the headers
/// are ignored, so a client cannot pick the address the sign-in limits count against. Without the setting no header
/// is trusted. <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>, which trusts every sender, is refused at start.
/// </summary>
public static class KnownProxies
{
    public const string Setting = "Kaoping:ForwardedHeaders:KnownProxies";

    /// <summary>The configured proxies; a value that is not an IP address, or the trust-everyone switch, stops the start.</summary>
    public static IReadOnlyList<IPAddress> Read(IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            throw new StartupFailure(new($"ASPNETCORE_FORWARDEDHEADERS_ENABLED 会信任任何来源的转发头，请删除它，改用 {Setting} 列出反向代理的地址。",
                $"ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts forwarded headers from anyone: remove it and list the reverse proxy's address in {Setting}."));
        }
        var section = configuration.GetSection(Setting);
        // A list (KnownProxies:0, :1, …), or one value with the addresses separated by commas. Some providers give the
        // list's own key an empty value beside its children: that is a list, not an empty value.
        var values = section.Value is { Length: > 0 } one ? one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "");
        var proxies = new List<IPAddress>();
        foreach (var value in values)
        {
            if (!IPAddress.TryParse(value.Trim(), out var address))
                throw new StartupFailure(LocalizedText.Format("{0}：“{1}”不是 IP 地址。", "{0}: “{1}” is not an IP address.", Setting, value));
            proxies.Add(address);
        }
        return proxies;
    }

    public static void UseKnownProxies(this IApplicationBuilder app, IReadOnlyList<IPAddress> proxies)
    {
        if (proxies.Count == 0)
            return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        // Only the named proxies: not the loopback defaults.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(proxy);
        app.UseForwardedHeaders(options);
    }
}
