using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;

namespace Kaoping.Web.Services;

/// <summary>A sheet that moved, as a notification needs it: whose it is and what happened.</summary>
public sealed record SheetMoved(int SheetId, int CampaignId, int TargetId, int? TeamId, string Target, SheetAction Action, string? Comment)
{
    public static SheetMoved Of(Sheet sheet, SheetAction action, string? comment) =>
        new(sheet.Id, sheet.CampaignId, sheet.TargetId, sheet.TeamId, sheet.Target?.Name ?? "", action, comment?.Trim());
}

/// <summary>
/// Tells the people a change concerns, in the app: a sheet returned (its reporter or team), handed in to them (the team,
/// the office), published (its reporter), an appeal filed (the office) or decided (the reporter), the office's corrections.
/// Telling never fails the change that caused it: a failure is logged and the change stands. When the office has an SMTP
/// server, each notification is queued as an e-mail too (in the same save; <see cref="Mail.MailOutboxSender"/> sends it later)
/// for users with an address who did not opt out.
/// </summary>
public sealed class Notifier(IDbContextFactory<KaopingDbContext> contexts, TimeProvider clock, Mail.MailComposer mail, Telemetry.KaopingMetrics metrics,
    ILogger<Notifier> log)
{
    public enum Audience
    {
        Reporters,
        Team,
        Office,
    }

    public Task SheetsMovedAsync(IReadOnlyList<SheetMoved> moves, CancellationToken cancel = default) =>
        SafelyAsync(db => AddAsync(db, moves.SelectMany(move => About(move).Select(n => (move, n.Audience, n.Kind, n.Text))), cancel), cancel);

    public Task AppealAsync(SheetMoved sheet, bool decided, string? decision, CancellationToken cancel = default) =>
        SafelyAsync(db => AddAsync(db, [decided
            ? (sheet, Audience.Reporters, NotificationKind.AppealDecided,
                LocalizedText.Format("{0}的申诉已处理：{1}", "The appeal of {0} was decided: {1}", sheet.Target, decision ?? ""))
            : (sheet, Audience.Office, NotificationKind.AppealFiled,
                LocalizedText.Format("{0}提出了申诉，待处理。", "{0} filed an appeal to decide.", sheet.Target))], cancel), cancel);

    public Task DeadlineExtendedAsync(SheetMoved sheet, DateOnly until, CancellationToken cancel = default)
    {
        var day = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var text = LocalizedText.Format("{0}的截止日期已延至{1}：{2}", "The deadline of {0} is now {1}: {2}", sheet.Target, day, sheet.Comment ?? "");
        return SafelyAsync(db => AddAsync(db, [(sheet, Audience.Reporters, NotificationKind.Corrected, text), (sheet, Audience.Team,
            NotificationKind.Corrected, text)],
            cancel), cancel);
    }

    private static IEnumerable<(Audience Audience, NotificationKind Kind, LocalizedText Text)> About(SheetMoved m)
    {
        var comment = string.IsNullOrWhiteSpace(m.Comment) ? "" : "：" + m.Comment;
        var commentEn = string.IsNullOrWhiteSpace(m.Comment) ? "" : ": " + m.Comment;
        switch (m.Action)
        {
            case SheetAction.ReturnSelfAssessment:
                yield return (Audience.Reporters, NotificationKind.Returned, new($"{m.Target}的自评被退回{comment}",
                    $"The self-assessment of {m.Target} was returned{commentEn}"));
                break;
            case SheetAction.ReturnForRevision:
                yield return (Audience.Team, NotificationKind.Returned, new($"{m.Target}的考评表被退回修改{comment}",
                    $"The sheet of {m.Target} was returned{commentEn}"));
                break;
            case SheetAction.SubmitSelfAssessment:
                yield return (Audience.Team, NotificationKind.Submitted, new($"{m.Target}已提交自评，待考评。", $"{m.Target} submitted its self-assessment to assess."));
                break;
            case SheetAction.SubmitAssessment:
                yield return (Audience.Office, NotificationKind.Submitted, new($"{m.Target}的考评已提交，待复核。",
                    $"The assessment of {m.Target} was submitted to review."));
                break;
            case SheetAction.Publish:
                yield return (Audience.Reporters, NotificationKind.Published, new($"{m.Target}的考评结果已公示。", $"The results of {m.Target} are published."));
                break;
            case SheetAction.SkipSelfAssessment:
                yield return (Audience.Reporters, NotificationKind.Corrected, new($"安委办跳过了{m.Target}的自评{comment}",
                    $"The office skipped the self-assessment of {m.Target}{commentEn}"));
                yield return (Audience.Team, NotificationKind.Submitted, new($"{m.Target}已转入考评（跳过自评）。",
                    $"{m.Target} is ready to assess (self-assessment skipped)."));
                break;
            case SheetAction.StartSelfAssessment or SheetAction.StartAssessment or SheetAction.Review or SheetAction.Approve:
                break;
        }
    }

    /// <summary>Adds the notifications (and their mails) to <paramref name="db"/> and saves, inside the caller's transaction if any.</summary>
    public async Task AddAsync(KaopingDbContext db, IEnumerable<(SheetMoved Sheet, Audience Audience, NotificationKind Kind, LocalizedText Text)> notes,
        CancellationToken cancel)
    {
        var list = notes.ToList();
        if (list.Count == 0)
            return;
        var targets = list.Where(n => n.Audience == Audience.Reporters).Select(n => n.Sheet.TargetId).Distinct().ToList();
        var teams = list.Where(n => n.Audience == Audience.Team && n.Sheet.TeamId is not null).Select(n => n.Sheet.TeamId!.Value).Distinct().ToList();
        var reporters = targets.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => u.TargetId != null && targets.Contains(u.TargetId.Value))
            .Select(u => new { u.Id, Target = u.TargetId!.Value }).ToListAsync(cancel);
        var members = teams.Count == 0 ? [] : await db.TeamMembers.AsNoTracking().Where(m => teams.Contains(m.TeamId)).ToListAsync(cancel);
        var office = list.Any(n => n.Audience == Audience.Office)
            ? await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur.UserId).ToListAsync(cancel)
            : [];
        var now = clock.GetUtcNow();
        var told = new List<(string User, SheetMoved Sheet, NotificationKind Kind, string Text)>();
        foreach (var (sheet, audience, kind, text) in list)
        {
            var users = audience switch
            {
                Audience.Reporters => reporters.Where(r => r.Target == sheet.TargetId).Select(r => r.Id),
                Audience.Team => members.Where(m => m.TeamId == sheet.TeamId).Select(m => m.UserId),
                Audience.Office => office,
            };
            foreach (var user in users.Distinct())
            {
                db.Notifications.Add(new Notification
                {
                    UserId = user, Kind = kind, CampaignId = sheet.CampaignId, SheetId = sheet.SheetId, Text = Clip(text.Zh), TextEn = Clip(text.En), At = now,
                });
                told.Add((user, sheet, kind, text.Zh));
            }
        }
        await QueueMailAsync(db, told, now, cancel);
        await db.SaveChangesAsync(cancel);
        metrics.NotificationsQueued(told.Count);
    }

    private async Task QueueMailAsync(KaopingDbContext db, List<(string User, SheetMoved Sheet, NotificationKind Kind, string Text)> told, DateTimeOffset now,
        CancellationToken cancel)
    {
        if (!mail.Enabled || told.Count == 0)
            return;
        var ids = told.Select(t => t.User).Distinct().ToList();
        var addresses = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.Email != null && u.Email != "" && !u.EmailOptOut && !u.Disabled)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, cancel);
        foreach (var (user, sheet, kind, text) in told)
        {
            if (addresses.TryGetValue(user, out var to))
                db.OutgoingMail.Add(mail.Compose(user, to, kind, sheet.Target, text, sheet.SheetId, now));
        }
    }

    private static string Clip(string text) => text.Length > 1000 ? text[..999] + "…" : text;

    private async Task SafelyAsync(Func<KaopingDbContext, Task> work, CancellationToken cancel)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancel);
            await work(db);
        }
        catch (Exception error) when (error is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            log.LogError(error, "Notifications could not be saved; the change that caused them stands.");
        }
    }
}
