using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services.Mail;

/// <summary>A user's own e-mail settings: the address (the system administrator sets it) and whether they want mail at all.</summary>
public sealed record MailChoice(string? Email, bool OptOut, bool ServerConfigured);

/// <summary>Reads and changes one's own choice of e-mail notifications; the change is in the security log.</summary>
public sealed class AccountMail(IDbContextFactory<KaopingDbContext> contexts, MailComposer mail, SecurityLog security)
{
    public async Task<MailChoice?> GetAsync(string userId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.EmailOptOut }).FirstOrDefaultAsync(cancel);
        return user is null ? null : new MailChoice(user.Email, user.EmailOptOut, mail.Enabled);
    }

    /// <summary>False when there is no such user.</summary>
    public async Task<bool> SetOptOutAsync(string userId, bool optOut, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancel);
        if (user is null)
            return false;
        if (user.EmailOptOut == optOut)
            return true;
        user.EmailOptOut = optOut;
        await db.SaveChangesAsync(cancel);
        await security.RecordAsync(SecurityEventKind.UserChanged, user.UserName, user.UserName, detail: optOut ? "不接收邮件提醒" : "接收邮件提醒");
        return true;
    }
}
