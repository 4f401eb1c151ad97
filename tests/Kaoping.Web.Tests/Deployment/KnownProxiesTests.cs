using System.Net;
using Kaoping.Web.Deployment;
using Microsoft.Extensions.Configuration;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>The reverse proxies whose forwarded addresses are believed, read as every configuration provider writes them.</summary>
public class KnownProxiesTests
{
    private static IReadOnlyList<IPAddress> Read(params (string Key, string Value)[] settings) => KnownProxies.Read(new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void AList_IsReadEvenWhenItsOwnKeyHasAnEmptyValue()
    {
        // WebApplicationFactory's settings, for one, give the parent key "" beside its children; it was read as "no proxies".
        var proxies = Read((KnownProxies.Setting, ""), (KnownProxies.Setting + ":0", "10.0.0.5"), (KnownProxies.Setting + ":1", "::1"));

        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.IPv6Loopback], proxies);
    }

    [Fact]
    public void OneValue_MayListSeveralAddressesSeparatedByCommas()
    {
        Assert.Equal([IPAddress.Loopback, IPAddress.Parse("10.1.2.3")], Read((KnownProxies.Setting, "127.0.0.1, 10.1.2.3")));
        Assert.Empty(Read());
    }

    [Fact]
    public void AValueThatIsNotAnAddress_StopsTheStart_NamingTheSettingAndTheValue()
    {
        var failure = Assert.Throws<StartupFailure>(() => Read((KnownProxies.Setting + ":0", "nginx.local")));

        Assert.Contains(KnownProxies.Setting, failure.Message);
        Assert.Contains("nginx.local", failure.Message);
    }
}
