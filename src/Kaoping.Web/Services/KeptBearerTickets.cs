using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Kaoping.Web.Services;

/// <summary>
/// Reads bearer tokens, keeping what was read. An API client sends the same token with every call, and reading it
/// (deriving its key, decrypting, checking and deserializing it) was 11–15% of the CPU of a findings PUT. A token cannot
/// change, so the ticket read from it the first time stands for it until it expires; the bearer handler still checks
/// the expiry on every request. Each request gets its own copy, so nothing done to one request's principal reaches
/// another. Only tokens that were read successfully are kept, and at most <see cref="Capacity"/> of them: a forged
/// token is read, refused and forgotten every time.
/// </summary>
public sealed class KeptBearerTickets(ISecureDataFormat<AuthenticationTicket> reader) : ISecureDataFormat<AuthenticationTicket>
{
    public const int Capacity = 4096;

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public string Protect(AuthenticationTicket data) => reader.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => reader.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
            return reader.Unprotect(protectedText, purpose);
        if (_kept.TryGetValue(protectedText, out AuthenticationTicket? kept))
            return kept!.Clone();
        var ticket = reader.Unprotect(protectedText);
        // Without an expiry the handler refuses the ticket: nothing to keep.
        if (ticket?.Properties.ExpiresUtc is not { } expires)
            return ticket;
        _kept.Set(protectedText, ticket, new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = 1 });
        return ticket.Clone();
    }
}
