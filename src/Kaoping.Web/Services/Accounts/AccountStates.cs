using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Web.Services.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services.Accounts;

/// <summary>What a request may rely on about its user now: their security stamp, whether they are disabled or must
/// change their password, and their roles — from the database, never from the token or cookie.</summary>
public sealed record AccountState(string UserId, string? SecurityStamp, bool Disabled, bool MustChangePassword, IReadOnlySet<Role> Roles);

/// <summary>
/// The current state of every session this node serves, kept in memory so that a request costs no database round
/// trip: each session and its user are read again at least every <see cref="SecurityOptions.StateRefresh"/> (30 s), and
/// forgotten at once when the user is changed (<see cref="Forget"/>) or the session ends — on PostgreSQL on every node
/// (<see cref="NodeMessages"/>; otherwise within the refresh). A session's last
/// use is written back when it is read again, so idle sessions end on every node.
/// </summary>
public sealed class AccountStates(IDbContextFactory<KaopingDbContext> contexts, TimeProvider clock, IOptions<KaopingOptions> options, NodeMessages nodes)
{
    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);

    private SecurityOptions Security => options.Value.Security;

    /// <summary>The user's state when the session may go on (and the use recorded); null when it must be refused.</summary>
    public async ValueTask<AccountState?> CheckAsync(string userId, string sessionId, string? stamp, bool use = true, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow();
        if (!_kept.TryGetValue(sessionId, out var kept) || now - kept.ReadAt >= Security.Refresh)
            kept = await ReadAsync(sessionId, kept, now, cancel);
        var state = kept.User;
        if (kept.UserId != userId || kept.EndedAt is not null || state is null || state.Disabled || state.SecurityStamp != stamp)
            return null;
        if (now - kept.LastUsed > Security.IdleTimeout)
        {
            await EndSessionAsync(sessionId, cancel);
            return null;
        }
        if (use)
            kept.Use(now);
        return state;
    }

    /// <summary>Activity in a page's live connection keeps its session alive.</summary>
    public void Touch(string sessionId)
    {
        if (_kept.TryGetValue(sessionId, out var kept))
            kept.Use(clock.GetUtcNow());
    }

    /// <summary>The user changed (disabled, roles, password, deleted): every session of theirs is read again at its next request.</summary>
    public void Forget(string userId)
    {
        ForgetHere(userId);
        nodes.Post(NodeChannels.Users, "u " + userId);
    }

    internal void ForgetHere(string userId)
    {
        foreach (var (id, kept) in _kept)
        {
            if (kept.UserId == userId)
                _kept.TryRemove(id, out _);
        }
    }

    internal void ForgetSessionHere(string sessionId) => _kept.TryRemove(sessionId, out _);

    /// <summary>Notes from the other nodes may have been missed: every session is read again.</summary>
    internal void ForgetAll() => _kept.Clear();

    public async Task<string> StartSessionAsync(string userId, CancellationToken cancel = default)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancel);
        db.UserSessions.Add(new UserSession { Id = id, UserId = userId, StartedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(cancel);
        return id;
    }

    /// <summary>Logout or idle: the session is refused wherever its cookie or token is replayed (on other nodes at once on
    /// PostgreSQL, within the refresh otherwise).</summary>
    public async Task EndSessionAsync(string sessionId, CancellationToken cancel = default)
    {
        _kept.TryRemove(sessionId, out _);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        if (await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancel) is { EndedAt: null } session)
        {
            session.EndedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancel);
            nodes.Post(NodeChannels.Users, "s " + sessionId);
        }
    }

    /// <summary>Ends every session of a user (disabled, password reset).</summary>
    public async Task EndSessionsOfAsync(string userId, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var open = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(cancel);
        var now = clock.GetUtcNow();
        foreach (var session in open)
            session.EndedAt = now;
        await db.SaveChangesAsync(cancel);
        Forget(userId);
    }

    private async Task<Kept> ReadAsync(string sessionId, Kept? before, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancel);
        if (session is null)
            return Keep(sessionId, new Kept("", null, now, now, now));
        if (before is not null && before.LastUsed > session.LastSeenAt && session.EndedAt is null)
        {
            session.LastSeenAt = before.LastUsed;
            await db.SaveChangesAsync(cancel);
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == session.UserId)
            .Select(u => new
            {
                u.SecurityStamp, u.Disabled, u.MustChangePassword,
                Roles = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancel);
        var state = user is null ? null : new AccountState(session.UserId, user.SecurityStamp, user.Disabled, user.MustChangePassword,
            user.Roles.Select(n => Enum.TryParse<Role>(n, out var role) ? role : (Role?)null).OfType<Role>().ToHashSet());
        return Keep(sessionId, new Kept(session.UserId, state, session.EndedAt, session.LastSeenAt, now));
    }

    private Kept Keep(string sessionId, Kept kept)
    {
        if (_kept.Count > 50_000)
            Sweep(kept.ReadAt);
        _kept[sessionId] = kept;
        return kept;
    }

    // Sessions not used for longer than the idle time are of no more use in memory.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, kept) in _kept)
        {
            if (now - kept.LastUsed > Security.IdleTimeout)
                _kept.TryRemove(id, out _);
        }
    }

    private sealed class Kept(string userId, AccountState? user, DateTimeOffset? endedAt, DateTimeOffset lastSeen, DateTimeOffset readAt)
    {
        private long _lastUsed = lastSeen.UtcTicks;

        public string UserId { get; } = userId;

        public AccountState? User { get; } = user;

        public DateTimeOffset? EndedAt { get; } = endedAt;

        public DateTimeOffset ReadAt { get; } = readAt;

        public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsed), TimeSpan.Zero);

        public void Use(DateTimeOffset now)
        {
            var ticks = now.UtcTicks;
            long seen;
            while ((seen = Interlocked.Read(ref _lastUsed)) < ticks && Interlocked.CompareExchange(ref _lastUsed, ticks, seen) != seen)
            {
            }
        }
    }
}
