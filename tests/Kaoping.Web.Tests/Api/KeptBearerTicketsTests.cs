using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Kaoping.Data;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Tests.Api;

public class KeptBearerTicketsTests
{
    /// <summary>Reads tokens of the form "user:expires-in-minutes"; "forged" and anything else read as nothing.</summary>
    private sealed class CountingReader : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            var parts = protectedText?.Split(':');
            if (parts is not [var user, var minutes])
                return null;
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "Bearer"));
            var properties = new AuthenticationProperties();
            if (minutes != "")
                properties.ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(int.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture));
            return new AuthenticationTicket(principal, properties, "Bearer");
        }
    }

    [Fact]
    public void Unprotect_TheSameTokenAgain_ReadsItOnceAndGivesEachRequestItsOwnCopy()
    {
        var reader = new CountingReader();
        var tickets = new KeptBearerTickets(reader);

        var first = tickets.Unprotect("assessor1:60")!;
        first.Principal.Identities.First().AddClaim(new Claim(ClaimTypes.Role, "管理员"));
        var second = tickets.Unprotect("assessor1:60")!;

        Assert.Equal(1, reader.Reads);
        Assert.NotSame(first, second);
        Assert.Equal("assessor1", second.Principal.Identity!.Name);
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc);
        Assert.False(second.Principal.IsInRole("管理员"));
    }

    [Fact]
    public void Unprotect_DifferentTokens_AreKeptApart()
    {
        var reader = new CountingReader();
        var tickets = new KeptBearerTickets(reader);

        Assert.Equal("assessor1", tickets.Unprotect("assessor1:60")!.Principal.Identity!.Name);
        Assert.Equal("yuzhou", tickets.Unprotect("yuzhou:60")!.Principal.Identity!.Name);
        Assert.Equal("assessor1", tickets.Unprotect("assessor1:60")!.Principal.Identity!.Name);
        Assert.Equal(2, reader.Reads);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("assessor1:")] // a ticket without an expiry, which the handler refuses
    public void Unprotect_ATokenThatIsNotAcceptable_IsReadEveryTimeAndNeverKept(string token)
    {
        var reader = new CountingReader();
        var tickets = new KeptBearerTickets(reader);

        tickets.Unprotect(token);
        tickets.Unprotect(token);

        Assert.Equal(2, reader.Reads);
    }

    [Fact]
    public async Task TheApp_ReadsBearerTokensThroughIt_AndAForgedTokenIsStill401()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        var client = factory.CreateClient();
        var cancel = TestContext.Current.CancellationToken;
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { userName = "assessor1", password = KaopingFactory.Password },
            cancel)).JsonAsync();
        var token = login.GetProperty("accessToken").GetString()!;

        var options = factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        Assert.IsType<KeptBearerTickets>(options.BearerTokenProtector);
        foreach (var attempt in new[] { 1, 2 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sheets/1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, cancel)).StatusCode);
        }
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/sheets/1");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + (token.EndsWith("AAAA",
            StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged, cancel)).StatusCode);
    }
}
