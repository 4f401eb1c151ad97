using Kaoping.Data;
using Kaoping.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>A user's notifications, newest first, with how many are unread.</summary>
public sealed record NotificationList(int Unread, IReadOnlyList<Notification> Items);

/// <summary>Reads a user's own notifications and marks them read; nobody reads or marks another's.</summary>
public sealed class NotificationService(IDbContextFactory<KaopingDbContext> contexts, TimeProvider clock)
{
    public const int MaxListed = 100;

    public async Task<NotificationList> ListAsync(string userId, bool unreadOnly = false, int take = MaxListed, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancel);
        var listed = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var items = await listed.OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, MaxListed)).ToListAsync(cancel);
        return new NotificationList(unread, items);
    }

    public async Task<int> UnreadAsync(string userId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancel);
    }

    /// <summary>False when the user has no such notification (another's looks the same as none).</summary>
    public async Task<bool> MarkReadAsync(string userId, long id, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var note = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancel);
        if (note is null)
            return false;
        if (note.ReadAt is null)
        {
            note.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancel);
        }
        return true;
    }

    public async Task MarkAllReadAsync(string userId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var now = clock.GetUtcNow();
        foreach (var note in await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(cancel))
            note.ReadAt = now;
        await db.SaveChangesAsync(cancel);
    }
}
